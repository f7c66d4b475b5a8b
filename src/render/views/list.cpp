// `list`: the report's view, written once; the format writers in src/render/ render it.

#include <algorithm>

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<list_report> {
  static grid layout(const list_report& r) {
    grid g;
    g.headers = {"id", "name", "vendor", "form factor", "status", "released"};
    for (const chip* c : r.chips) {
      g.rows.push_back({{c->id}, {c->name}, {c->vendor}, {c->form_factor}, {c->status}, {c->released}});
    }
    const auto systems = static_cast<std::size_t>(std::count_if(r.chips.begin(), r.chips.end(), [](const chip* c) { return c->is_system(); }));
    const std::size_t chips = r.chips.size() - systems;
    std::vector<std::string> counts;
    if (chips > 0 || systems == 0) counts.push_back(plural(chips, "chip"));
    if (systems > 0) counts.push_back(plural(systems, "system"));
    g.notes.push_back(fmt::format("{}", fmt::join(counts, ", ")));
    return g;
  }

  static json head(const list_report&) { return json({{"schema_version", json_schema_version}}); }
  static std::size_t count(const list_report& r) { return r.chips.size(); }
  static void record(const list_report& r, std::size_t i, record_writer& out) {
    const chip* c = r.chips[i];
    out.begin_object();
    chip_summary(out, *c);
    out.member("family", c->family);
    out.member("form_factor", c->form_factor);
    out.member("status", c->status);
    out.member("released", c->released);
    out.member("aliases", c->aliases);
    out.member("origin", c->origin);
    out.end_object();
  }

  static std::vector<std::string> fields(const list_report&) {
    return {"id", "name", "vendor", "family", "form_factor", "status", "released", "aliases"};
  }
  static std::size_t row_count(const list_report& r) { return r.chips.size(); }
  static std::vector<std::string> row(const list_report& r, std::size_t i) {
    const chip* c = r.chips[i];
    return {c->id, c->name, c->vendor, c->family, c->form_factor, c->status, c->released,
            fmt::format("{}", fmt::join(c->aliases, ";"))};
  }

};

XPUSPEC_RENDER_VIEW(list_report);

}  // namespace xpuspec::render
