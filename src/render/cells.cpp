// What several views show the same way: a value's cell in a table, its JSON, its field in CSV.

#include <algorithm>
#include <array>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "render/view.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {

std::string_view basis_marker(basis b) {
  switch (b) {
    case basis::vendor: return "";
    case basis::measured: return " [m]";
    case basis::derived: return " [d]";
    case basis::estimate: return " [e]";
    case basis::projected: return " [p]";
  }
  return "";
}

cell metric_cell(const metric_value& v, bool derived) {
  if (v.known()) return {human_number(*v.number) + std::string(basis_marker(v.basis)), true, false};
  // A raw value says why it is missing; a ratio over it is just missing, its reason listed below the table.
  return {derived ? "—" : std::string(to_string(v.missing)), true, true};
}

std::string_view basis_phrase(basis b) {
  switch (b) {
    case basis::vendor: return "vendor figure";
    case basis::measured: return "measured";
    case basis::derived: return "derived from vendor figures";
    case basis::estimate: return "estimate (not the vendor's)";
    case basis::projected: return "projected (not shipping)";
  }
  return "";
}

void cite(grid& g, cell& c, const chip& subject, std::span<const text> source_ids) {
  for (const text& id : source_ids) {
    const source_ref* s = subject.find_source(id);
    if (s == nullptr) continue;
    const std::size_t index = g.cite(*s);
    if (std::find(c.refs.begin(), c.refs.end(), index) == c.refs.end()) c.refs.push_back(index);
  }
}

cell metric_cell(const metric_value& v, bool derived, const chip& subject, grid& g) {
  cell c = metric_cell(v, derived);
  c.detail = v.known() ? std::string(basis_phrase(v.basis)) : fmt::format("{}: {}", to_string(v.missing), v.reason);
  cite(g, c, subject, v.sources);
  return c;
}

std::size_t grid::cite(const source_ref& s) {
  const auto [it, added] = reference_index.try_emplace(&s, references.size());
  if (added) references.push_back(&s);
  return it->second;
}

void grid::for_each_footer_line(const std::function<void(std::string_view)>& line) const {
  for (const std::string& note : notes) line(note);
  if (!list_references) return;
  for (std::size_t i = 0; i < references.size(); ++i) {
    const source_ref& s = *references[i];
    // The notes are escaped already; a reference is escaped here, where it becomes a line.
    line(printable(fmt::format("[{}] {}{}{}: {}{}{}", s.id, s.title,
                                s.publisher.empty() ? "" : ", " + s.publisher,
                                s.published.empty() ? "" : ", " + s.published, s.url,
                                s.via.empty() ? "" : fmt::format(" (read via {})", s.via),
                                s.accessed.empty() ? "" : fmt::format(" (accessed {})", s.accessed)), true));
  }
}

cell count_cell(const std::optional<std::size_t>& n) { return {n ? std::to_string(*n) : "—", true, !n}; }
cell number_cell(const std::optional<double>& x) { return {x ? human_number(*x) : "—", true, !x}; }

json number_or_null(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }
json count_or_null(const std::optional<std::size_t>& n) { return n ? json(*n) : json(nullptr); }

void chip_summary(record_writer& out, const chip& c) {
  out.member("id", c.id);
  out.member("name", c.name);
  out.member("vendor", c.vendor);
  // Only a system carries the key, so every existing chip record keeps its shape.
  if (c.is_system()) {
    out.key("system");
    out.begin_object();
    out.member("chip", c.system_chip);
    out.key("chips");
    out.count(c.system_chips);
    out.end_object();
  }
}

json chip_summary(const chip& c) {
  json_builder out;
  out.begin_object();
  chip_summary(out, c);
  out.end_object();
  return out.take();
}

json sources_json(const std::vector<source_ref>& sources) {
  json out = json::object();
  for (const auto& s : sources) {
    json& entry = out[s.id.str()];
    entry = {{"title", s.title}, {"url", s.url}, {"accessed", s.accessed}, {"publisher", s.publisher}};
    if (!s.via.empty()) entry["via"] = s.via;
    if (!s.published.empty()) entry["published"] = s.published;
  }
  return out;
}

json metric_json(const metric_value& v) {
  json out{{"value", number_or_null(v.number)}};
  if (v.known()) {
    out["basis"] = to_string(v.basis);
  } else {
    out["missing"] = to_string(v.missing);
    out["missing_reason"] = v.reason;
  }
  return out;
}

std::string field_number(const std::optional<double>& x) {
  if (!x) return "";
  // fmt::to_string's text, formatted by FMT_COMPILE into a buffer on the stack (no format string read, no
  // string grown) and copied once. Tidied first, so the digits are found once: a number that needs no tidying
  // comes back unchanged.
  std::array<char, 32> text{};  // "-2.2250738585072014e-308" at most
  char* end = fmt::format_to(text.data(), FMT_COMPILE("{}"), tidy_number(*x));
  return std::string(text.data(), end);
}
std::vector<std::string> long_fields(bool with_relative) {
  std::vector<std::string> fields{"id",   "name",  "vendor",  "metric",         "value",  "unit",
                                  "precision", "basis", "missing", "missing_reason", "sources"};
  if (with_relative) fields.emplace_back("relative");
  return fields;
}

std::vector<std::string> long_row(precision p, const long_entry& e, bool with_relative) {
  const metric_value& v = *e.value;
  std::vector<std::string> sources;
  for (const text& s : v.sources) sources.push_back(s.str());
  std::vector<std::string> row{e.subject->id,
                               e.subject->name,
                               e.subject->vendor,
                               std::string(definition(e.m).name),
                               field_number(v.number),
                               metric_unit(e.m, p),
                               std::string(to_string(p)),
                               v.known() ? std::string(to_string(v.basis)) : "",
                               v.known() ? "" : std::string(to_string(v.missing)),
                               v.known() ? "" : v.reason.str(),
                               fmt::format("{}", fmt::join(sources, ";"))};
  if (with_relative) row.push_back(field_number(e.relative));
  return row;
}

std::string field_count(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : ""; }

}  // namespace xpuspec::render
