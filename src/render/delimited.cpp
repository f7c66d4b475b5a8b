// Delimited text, one row per chip with metric ids as the header, in two dialects: CSV per RFC 4180 (CRLF line
// ends, fields quoted when they hold a comma, quote or line break), so a spreadsheet or pandas reads it without
// options; and TSV as IANA defines it (no quoting, so a tab or line break inside a field becomes a space), for
// cut, awk and sort. Missing is empty in both.

#include <fmt/format.h>

#include "render/formats.hpp"

namespace xpuspec::render {
namespace {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<double>& x) { return x ? fmt::format("{}", *x) : ""; }

std::string tsv_field(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

std::string record(dialect d, const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += d == dialect::csv ? ',' : '\t';
    line += d == dialect::csv ? csv_field(fields[i]) : tsv_field(fields[i]);
  }
  return line + (d == dialect::csv ? "\r\n" : "\n");
}

}  // namespace

std::string to_delimited(const list_report& r, dialect d) {
  std::string out = record(d, {"id", "name", "vendor", "family", "form_factor", "status", "released", "aliases"});
  for (const chip* c : r.chips) {
    out += record(d, {c->id, c->name, c->vendor, c->family, c->form_factor, c->status, c->released,
                   fmt::format("{}", fmt::join(c->aliases, ";"))});
  }
  return out;
}

std::string to_delimited(const show_report& r, dialect d) {
  std::string out = record(d, {"field", "value", "unit", "basis", "missing", "source", "note"});
  for (const auto& e : r.entries) {
    const value& v = *e.entry;
    out += record(d, {e.field, number(v.amount), e.unit, v.known() ? std::string(to_string(v.basis)) : "",
                   v.known() ? "" : std::string(to_string(v.missing)), v.source, v.note});
  }
  return out;
}

std::string to_delimited(const compare_report& r, dialect d) {
  std::vector<std::string> header{"id", "name", "vendor"};
  for (metric m : r.metrics) header.emplace_back(definition(m).name);
  if (r.baseline) {
    for (metric m : r.metrics) header.push_back(fmt::format("{}_relative", definition(m).name));
  }
  std::string out = record(d, header);
  for (const auto& row : r.rows) {
    std::vector<std::string> fields{row.subject->id, row.subject->name, row.subject->vendor};
    for (const auto& v : row.values) fields.push_back(number(v.number));
    for (const auto& rel : row.relative) fields.push_back(number(rel));
    out += record(d, fields);
  }
  return out;
}

std::string to_delimited(const rank_report& r, dialect d) {
  std::string out = record(d, {"rank", "id", "name", "vendor", std::string(definition(r.by).name), "basis"});
  for (const auto& row : r.rows) {
    out += record(d, {row.rank ? std::to_string(row.rank) : "", row.subject->id, row.subject->name,
                   row.subject->vendor, number(row.value.number),
                   row.value.known() ? std::string(to_string(row.value.basis)) : ""});
  }
  return out;
}

std::string to_delimited(const metrics_report& r, dialect d) {
  std::string out = record(d, {"id", "label", "unit", "formula", "meaning", "derived"});
  for (const auto& def : all_metrics()) {
    out += record(d, {std::string(def.name), std::string(def.label), metric_unit(def.id, r.prec),
                   std::string(def.formula), std::string(def.meaning), def.derived ? "true" : "false"});
  }
  return out;
}

std::string to_delimited(const sources_report& r, dialect d) {
  if (!r.selection.is_default()) {
    // `sources --basis ...` asks for values: one row per selected value, with its source.
    std::string out = record(d, {"chip", "field", "value", "written", "basis", "missing", "source", "note"});
    for (const auto& c : r.caveats) {
      const value& v = *c.entry;
      out += record(d, {c.subject->id, c.field, number(v.amount), v.written,
                        v.known() ? std::string(to_string(v.basis)) : "", v.known() ? "" : std::string(to_string(v.missing)),
                        v.source, v.note});
    }
    return out;
  }
  std::string out =
      record(d, {"chip", "source", "title", "publisher", "published", "url", "accessed", "via", "fields"});
  for (const auto& use : r.uses) {
    out += record(d, {use.subject->id, use.source->id, use.source->title, use.source->publisher, use.source->published,
                   use.source->url, use.source->accessed, use.source->via,
                   fmt::format("{}", fmt::join(use.fields, ";"))});
  }
  return out;
}

std::string to_delimited(const match_report& r, dialect dl) {
  std::string out = record(dl, {"dimension", "metric", "unit", "chip", "chip_value", "target", "target_value", "ratio",
                            "count", "chips", "binding"});
  for (const auto& d : r.dimensions) {
    out += record(dl, {std::string(to_string(d.dim)), std::string(definition(d.measure).name), metric_unit(d.measure, r.prec),
                   r.subject->id, number(d.chip_value.number), r.target->id, number(d.target_value.number),
                   number(d.ratio), std::to_string(r.count), d.chips ? std::to_string(*d.chips) : "",
                   r.binding && *r.binding == d.dim ? "true" : "false"});
  }
  return out;
}

std::string to_delimited(const roofline_report& r, dialect d) {
  std::string out = record(d, {"id", "intensity_flop_per_byte", "attainable_tflops", "bound", "peak_tflops", "knee_flop_per_byte"});
  for (const auto& row : r.rows) {
    for (const auto& p : row.points) {
      out += record(d, {row.subject->id, fmt::format("{}", p.intensity), number(p.attainable.number),
                     p.attainable.known() ? (p.memory_bound ? "memory" : "compute") : "", number(row.peak.number),
                     number(row.knee.number)});
    }
  }
  return out;
}

namespace {
std::string count(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : ""; }
}  // namespace

std::string to_delimited(const train_report& r, dialect d) {
  std::string out = record(d, {"id", "tflops", "chips_for_time", "chips_for_memory", "chips", "binding", "fits", "days",
                            "energy_mwh"});
  for (const auto& row : r.rows) {
    out += record(d, {row.subject->id, number(row.tflops.number), count(row.chips_for_time), count(row.chips_for_memory),
                   count(row.chips), row.binding, row.fits ? "true" : "false", number(row.days),
                   number(row.energy_mwh)});
  }
  return out;
}

std::string to_delimited(const serve_report& r, dialect d) {
  std::string out = record(d, {"id", "memory_gb", "chips_to_fit", "tokens_per_s_bandwidth", "tokens_per_s_compute",
                               "bound", "usd_per_chip_hour", "price_date", "tokens_per_usd"});
  for (const auto& row : r.rows) {
    out += record(d, {row.subject->id, number(row.memory_gb.number), count(row.chips_to_fit),
                   number(row.tokens_per_s_bandwidth), number(row.tokens_per_s_compute), row.bound,
                   number(row.usd_per_hour.number), row.price_date, number(row.tokens_per_usd)});
  }
  return out;
}

std::string to_delimited(const rules_report&, dialect d) {
  std::string out = record(d, {"rule", "severity", "why"});
  for (const auto& rule : all_rules()) {
    out += record(d, {std::string(rule.id), std::string(to_string(rule.level)), std::string(rule.why)});
  }
  return out;
}

}  // namespace xpuspec::render
