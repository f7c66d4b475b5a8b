// `rank`: the report's view, written once; the format writers in src/render/ render it.

#include <algorithm>

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<rank_report> {
  static grid layout(const rank_report& r, bool page) {
    const metric_def& def = definition(r.by);
    grid g;
    g.title = fmt::format("Ranked by {}, {} dense", def.name, to_string(r.prec));
    g.preamble.emplace_back("ranked by", fmt::format("{} ({}), {}", def.name, metric_unit(r.by, r.prec),
                                                     r.ascending ? "lowest first" : "highest first"));
    g.preamble.emplace_back("precision", fmt::format("{} (dense)", to_string(r.prec)));
    g.headers = {"#", "id", "vendor", std::string(def.name)};
    double largest = 0;
    for (const auto& row : r.rows) {
      if (row.value.known()) largest = std::max(largest, *row.value.number);
    }
    bool any_marker = false;
    for (const auto& row : r.rows) {
      cell value = page ? metric_cell(row.value, def.derived, *row.subject, g) : metric_cell(row.value, def.derived);
      any_marker = any_marker || row.value.basis != basis::vendor || value.muted;
      g.rows.push_back({{row.rank ? std::to_string(row.rank) : "-", true}, {row.subject->id}, {row.subject->vendor},
                        std::move(value)});
      if (row.value.known() && largest > 0) {
        g.bars.emplace_back(*row.value.number / largest);
      } else {
        g.bars.emplace_back(std::nullopt);
      }
    }
    for (const auto& row : r.rows) {
      if (!row.value.known()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.value.reason));
    }
    if (any_marker) g.notes.emplace_back(basis_legend);
    return g;
  }

  static std::vector<figure> figures(const rank_report& r) {
    return {{fmt::format("{} ({}), dense {}; missing values are drawn as missing, not as zero.", definition(r.by).name,
                         metric_unit(r.by, r.prec), to_string(r.prec)),
             render_svg(r)}};
  }

  static json head(const rank_report& r) {
    return json({{"schema_version", json_schema_version},
                 {"metric", definition(r.by).name},
                 {"unit", metric_unit(r.by, r.prec)},
                 {"precision", to_string(r.prec)},
                 {"order", r.ascending ? "ascending" : "descending"}});
  }
  static std::size_t count(const rank_report& r) { return r.rows.size(); }
  static void record(const rank_report& r, std::size_t i, record_writer& out) {
    const auto& row = r.rows[i];
    out.begin_object();
    out.key("rank");
    row.rank ? out.count(row.rank) : out.null();
    chip_summary(out, *row.subject);
    out.member("value", row.value.number);
    if (row.value.known()) {
      out.member("basis", to_string(row.value.basis));
    } else {
      out.member("missing", to_string(row.value.missing));
      out.member("missing_reason", row.value.reason);
    }
    out.end_object();
  }

  static std::vector<std::string> fields(const rank_report& r) {
    if (r.long_form) return long_fields(false);
    return {"rank", "id", "name", "vendor", std::string(definition(r.by).name), "basis"};
  }
  static std::size_t row_count(const rank_report& r) { return r.rows.size(); }
  static std::vector<std::string> row(const rank_report& r, std::size_t i) {
    const auto& row = r.rows[i];
    if (r.long_form) return long_row(r.prec, {row.subject, r.by, &row.value, std::nullopt}, false);
    return {row.rank ? std::to_string(row.rank) : "", row.subject->id, row.subject->name, row.subject->vendor,
            field_number(row.value.number), row.value.known() ? std::string(to_string(row.value.basis)) : ""};
  }

};

XPUSPEC_RENDER_VIEW(rank_report);

}  // namespace xpuspec::render
