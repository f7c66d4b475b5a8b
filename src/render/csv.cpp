// CSV per RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break), one row per
// chip with metric ids as the header, so a spreadsheet or pandas reads it without options. Missing is empty.

#include <fmt/format.h>

#include "render/formats.hpp"

namespace xpuspec::render {
namespace {

std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<double>& x) { return x ? fmt::format("{}", *x) : ""; }

std::string record(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += field(fields[i]);
  }
  return line + "\r\n";
}

}  // namespace

std::string to_csv(const list_report& r) {
  std::string out = record({"id", "name", "vendor", "family", "form_factor", "status", "released", "aliases"});
  for (const chip* c : r.chips) {
    out += record({c->id, c->name, c->vendor, c->family, c->form_factor, c->status, c->released,
                   fmt::format("{}", fmt::join(c->aliases, ";"))});
  }
  return out;
}

std::string to_csv(const show_report& r) {
  std::string out = record({"field", "value", "unit", "basis", "missing", "source", "note"});
  for (const auto& e : r.entries) {
    const value& v = *e.entry;
    out += record({e.field, number(v.amount), e.unit, v.known() ? std::string(to_string(v.basis)) : "",
                   v.known() ? "" : std::string(to_string(v.missing)), v.source, v.note});
  }
  return out;
}

std::string to_csv(const compare_report& r) {
  std::vector<std::string> header{"id", "name", "vendor"};
  for (metric m : r.metrics) header.emplace_back(definition(m).name);
  if (r.baseline) {
    for (metric m : r.metrics) header.push_back(fmt::format("{}_relative", definition(m).name));
  }
  std::string out = record(header);
  for (const auto& row : r.rows) {
    std::vector<std::string> fields{row.subject->id, row.subject->name, row.subject->vendor};
    for (const auto& v : row.values) fields.push_back(number(v.number));
    for (const auto& rel : row.relative) fields.push_back(number(rel));
    out += record(fields);
  }
  return out;
}

std::string to_csv(const rank_report& r) {
  std::string out = record({"rank", "id", "name", "vendor", std::string(definition(r.by).name), "basis"});
  for (const auto& row : r.rows) {
    out += record({row.rank ? std::to_string(row.rank) : "", row.subject->id, row.subject->name,
                   row.subject->vendor, number(row.value.number),
                   row.value.known() ? std::string(to_string(row.value.basis)) : ""});
  }
  return out;
}

std::string to_csv(const metrics_report& r) {
  std::string out = record({"id", "label", "unit", "formula", "meaning", "derived"});
  for (const auto& def : all_metrics()) {
    out += record({std::string(def.name), std::string(def.label), metric_unit(def.id, r.prec),
                   std::string(def.formula), std::string(def.meaning), def.derived ? "true" : "false"});
  }
  return out;
}

std::string to_csv(const sources_report& r) {
  std::string out = record({"chip", "source", "title", "publisher", "url", "accessed", "fields"});
  for (const auto& use : r.uses) {
    out += record({use.subject->id, use.source->id, use.source->title, use.source->publisher, use.source->url,
                   use.source->accessed, fmt::format("{}", fmt::join(use.fields, ";"))});
  }
  return out;
}

std::string to_csv(const match_report& r) {
  std::string out = record({"dimension", "metric", "unit", "chip", "chip_value", "target", "target_value", "ratio",
                            "count", "chips", "binding"});
  for (const auto& d : r.dimensions) {
    out += record({std::string(to_string(d.dim)), std::string(definition(d.measure).name), metric_unit(d.measure, r.prec),
                   r.subject->id, number(d.chip_value.number), r.target->id, number(d.target_value.number),
                   number(d.ratio), std::to_string(r.count), d.chips ? std::to_string(*d.chips) : "",
                   r.binding && *r.binding == d.dim ? "true" : "false"});
  }
  return out;
}

std::string to_csv(const roofline_report& r) {
  std::string out = record({"id", "intensity_flop_per_byte", "attainable_tflops", "bound", "peak_tflops", "knee_flop_per_byte"});
  for (const auto& row : r.rows) {
    for (const auto& p : row.points) {
      out += record({row.subject->id, fmt::format("{}", p.intensity), number(p.attainable.number),
                     p.attainable.known() ? (p.memory_bound ? "memory" : "compute") : "", number(row.peak.number),
                     number(row.knee.number)});
    }
  }
  return out;
}

namespace {
std::string count(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : ""; }
}  // namespace

std::string to_csv(const train_report& r) {
  std::string out = record({"id", "tflops", "chips_for_time", "chips_for_memory", "chips", "binding", "fits", "days",
                            "energy_mwh"});
  for (const auto& row : r.rows) {
    out += record({row.subject->id, number(row.tflops.number), count(row.chips_for_time), count(row.chips_for_memory),
                   count(row.chips), row.binding, row.fits ? "true" : "false", number(row.days),
                   number(row.energy_mwh)});
  }
  return out;
}

std::string to_csv(const serve_report& r) {
  std::string out = record({"id", "memory_gb", "chips_to_fit", "tokens_per_s_bandwidth", "tokens_per_s_compute", "bound"});
  for (const auto& row : r.rows) {
    out += record({row.subject->id, number(row.memory_gb.number), count(row.chips_to_fit),
                   number(row.tokens_per_s_bandwidth), number(row.tokens_per_s_compute), row.bound});
  }
  return out;
}

std::string to_csv(const rules_report&) {
  std::string out = record({"rule", "severity", "why"});
  for (const auto& rule : all_rules()) {
    out += record({std::string(rule.id), std::string(to_string(rule.level)), std::string(rule.why)});
  }
  return out;
}

}  // namespace xpuspec::render
