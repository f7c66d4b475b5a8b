// `show`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec::render {
namespace {

// The value in the field's unit, and as the file wrote it when that was another unit ("137.4 GB (128 GiB)"),
// so a reader can match it to the datasheet.
std::string written_value(const value& v, std::string_view unit) {
  if (!v.known()) return std::string(to_string(v.missing));
  std::string text = fmt::format("{} {}", human_number(*v.amount), unit);
  try {
    const quantity_text as_written = split_quantity(v.written);
    if (!as_written.unit.empty() && as_written.unit != unit) text += fmt::format(" ({})", v.written);
  } catch (const error&) {
    // Plain counts and prices are written without a unit; nothing to add.
  }
  return text;
}

}  // namespace

template <>
struct view<show_report> {
  static grid layout(const show_report& r) {
    const chip& c = *r.subject;
    grid g;
    auto add = [&](std::string key, const std::string& text) {
      if (!text.empty()) g.preamble.emplace_back(std::move(key), text);
    };
    add("chip", fmt::format("{} ({})", c.name, c.id));
    add("vendor", c.vendor);
    add("family", c.family);
    add("form factor", c.form_factor);
    add("status", c.status);
    add("released", c.released);
    if (!c.process_node.empty() || c.process_nm) {
      add("process", c.process_nm ? fmt::format("{} ({} nm)", c.process_node, human_number(*c.process_nm))
                                  : c.process_node.str());
    }
    add("memory type", c.memory_type);
    add("power term", c.power_term);
    if (!c.interconnect_name.empty() || !c.interconnect_direction.empty()) {
      add("interconnect", c.interconnect_direction.empty()
                              ? c.interconnect_name.str()
                              : fmt::format("{} ({})", c.interconnect_name, c.interconnect_direction));
    }
    add("aliases", fmt::format("{}", fmt::join(c.aliases, ", ")));
    add("from", c.bundled ? fmt::format("bundled data ({})", c.origin) : c.origin.str());

    g.headers = {"field", "value", "basis", "source", "note"};
    g.title = fmt::format("{} ({})", c.name, c.id);
    // Every source the file lists, in its order, whether or not a value below cites it.
    for (const auto& s : c.sources) g.cite(s);
    for (const auto& e : r.entries) {
      const value& v = *e.entry;
      cell amount{written_value(v, e.unit), true, !v.known()};
      amount.detail = v.known() ? std::string(basis_phrase(v.basis)) : std::string(to_string(v.missing));
      if (!v.note.empty()) amount.detail += fmt::format(": {}", v.note);
      cite(g, amount, c, std::span<const text>(&v.source, 1));
      g.rows.push_back({{e.field},
                        std::move(amount),
                        {v.known() ? std::string(to_string(v.basis)) : "", false, false},
                        {v.source},
                        {v.note}});
    }
    for (const auto& note : c.notes) g.notes.push_back("Note: " + note);
    g.list_references = true;
    return g;
  }

  static std::vector<figure> figures(const show_report& r) {
    return {{"Roofline, dense BF16: attainable TFLOPS against arithmetic intensity.",
             render_svg(make_roofline({r.subject}, precision::bf16, {}))}};
  }

  static json document(const show_report& r) {
    const chip& c = *r.subject;
    json values = json::object();
    for (const auto& e : r.entries) {
      const value& v = *e.entry;
      json entry{{"value", number_or_null(v.amount)}, {"unit", e.unit}};
      if (v.known()) {
        entry["basis"] = to_string(v.basis);
      } else {
        entry["missing"] = to_string(v.missing);
      }
      entry["source"] = v.source.empty() ? json(nullptr) : json(v.source);
      entry["note"] = v.note;
      entry["written"] = v.written;
      values[e.field] = std::move(entry);
    }
    json sources = sources_json(c.sources);
    json out = chip_summary(c);
    out["family"] = c.family;
    out["form_factor"] = c.form_factor;
    out["status"] = c.status;
    out["released"] = c.released;
    out["aliases"] = c.aliases;
    out["process"] = {{"node", c.process_node}, {"nm", number_or_null(c.process_nm)}};
    out["memory_type"] = c.memory_type;
    out["power_term"] = c.power_term;
    out["interconnect"] = {{"name", c.interconnect_name}, {"direction", c.interconnect_direction}};
    out["values"] = std::move(values);
    out["notes"] = c.notes;
    out["sources"] = std::move(sources);
    out["origin"] = c.origin;
    out["bundled"] = c.bundled;
    return json({{"schema_version", json_schema_version}, {"chip", std::move(out)}});
  }

  static records rows(const show_report& r) {
    records out{{"field", "value", "unit", "basis", "missing", "source", "note"}, {}};
    for (const auto& e : r.entries) {
      const value& v = *e.entry;
      out.rows.push_back({e.field, field_number(v.amount), e.unit, v.known() ? std::string(to_string(v.basis)) : "",
                     v.known() ? "" : std::string(to_string(v.missing)), v.source, v.note});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(show_report);

}  // namespace xpuspec::render
