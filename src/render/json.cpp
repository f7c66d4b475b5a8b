// JSON for scripts: numbers are plain JSON numbers in the unit the metric id names, at full precision; a missing
// value is null with its reason beside it. The shape is stable; schema_version bumps on any breaking change.

#include <nlohmann/json.hpp>

#include "render/formats.hpp"

namespace xpuspec::render {
namespace {

using json = nlohmann::ordered_json;

json number_or_null(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

json chip_summary(const chip& c) {
  return {{"id", c.id}, {"name", c.name}, {"vendor", c.vendor}};
}

}  // namespace

json json_document(const list_report& r) {
  json chips = json::array();
  for (const chip* c : r.chips) {
    json entry = chip_summary(*c);
    entry["family"] = c->family;
    entry["form_factor"] = c->form_factor;
    entry["status"] = c->status;
    entry["released"] = c->released;
    entry["aliases"] = c->aliases;
    entry["origin"] = c->origin;
    chips.push_back(std::move(entry));
  }
  return json({{"schema_version", json_schema_version}, {"chips", std::move(chips)}});
}

json json_document(const show_report& r) {
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
  json sources = json::object();
  for (const auto& s : c.sources) {
    sources[s.id] = {{"title", s.title}, {"url", s.url}, {"accessed", s.accessed}, {"publisher", s.publisher}};
    if (!s.via.empty()) sources[s.id]["via"] = s.via;
    if (!s.published.empty()) sources[s.id]["published"] = s.published;
  }
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

json json_document(const compare_report& r) {
  json metric_ids = json::array();
  for (metric m : r.metrics) metric_ids.push_back(definition(m).name);
  json chips = json::array();
  for (const auto& row : r.rows) {
    json metrics = json::object();
    json relative = json::object();
    json missing = json::object();
    json reasons = json::object();
    json bases = json::object();
    for (std::size_t i = 0; i < r.metrics.size(); ++i) {
      const std::string name(definition(r.metrics[i]).name);
      const metric_value& v = row.values[i];
      metrics[name] = number_or_null(v.number);
      if (r.baseline) relative[name] = number_or_null(row.relative[i]);
      if (!v.known()) {
        missing[name] = to_string(v.missing);
        reasons[name] = v.reason;
      } else if (v.basis != basis::vendor) {
        bases[name] = to_string(v.basis);
      }
    }
    json entry = chip_summary(*row.subject);
    entry["requested"] = row.requested;
    entry["metrics"] = std::move(metrics);
    entry["relative"] = std::move(relative);
    entry["missing"] = std::move(missing);
    entry["missing_reasons"] = std::move(reasons);
    entry["basis"] = std::move(bases);
    chips.push_back(std::move(entry));
  }
  return json({{"schema_version", json_schema_version},
               {"precision", to_string(r.prec)},
               {"baseline", r.baseline ? json(r.baseline->id) : json(nullptr)},
               {"metric_ids", std::move(metric_ids)},
               {"chips", std::move(chips)}});
}

json json_document(const rank_report& r) {
  json chips = json::array();
  for (const auto& row : r.rows) {
    json entry{{"rank", row.rank ? json(row.rank) : json(nullptr)}};
    entry.update(chip_summary(*row.subject));
    entry["value"] = number_or_null(row.value.number);
    if (row.value.known()) {
      entry["basis"] = to_string(row.value.basis);
    } else {
      entry["missing"] = to_string(row.value.missing);
      entry["missing_reason"] = row.value.reason;
    }
    chips.push_back(std::move(entry));
  }
  return json({{"schema_version", json_schema_version},
               {"metric", definition(r.by).name},
               {"unit", metric_unit(r.by, r.prec)},
               {"precision", to_string(r.prec)},
               {"order", r.ascending ? "ascending" : "descending"},
               {"chips", std::move(chips)}});
}

json json_document(const metrics_report& r) {
  json metrics = json::array();
  for (const auto& def : all_metrics()) {
    metrics.push_back({{"id", def.name},
                       {"label", def.label},
                       {"unit", metric_unit(def.id, r.prec)},
                       {"formula", def.formula},
                       {"meaning", def.meaning},
                       {"derived", def.derived}});
  }
  return json({{"schema_version", json_schema_version}, {"metrics", std::move(metrics)}});
}

json json_document(const rules_report&) {
  json rules = json::array();
  for (const auto& rule : all_rules()) {
    rules.push_back({{"id", rule.id}, {"severity", to_string(rule.level)}, {"why", rule.why}});
  }
  return json({{"schema_version", json_schema_version}, {"rules", std::move(rules)}});
}

json json_document(const sources_report& r) {
  json uses = json::array();
  for (const auto& use : r.uses) {
    uses.push_back({{"chip", use.subject->id}, {"source", use.source->id}, {"title", use.source->title},
                    {"publisher", use.source->publisher}, {"url", use.source->url},
                    {"published", use.source->published}, {"accessed", use.source->accessed},
                    {"via", use.source->via}, {"fields", use.fields}});
  }
  json caveats = json::array();
  for (const auto& c : r.caveats) {
    const value& v = *c.entry;
    caveats.push_back({{"chip", c.subject->id}, {"field", c.field}, {"value", number_or_null(v.amount)},
                       {"written", v.written}, {"source", v.source},
                       {"basis", v.known() ? json(to_string(v.basis)) : json(nullptr)},
                       {"missing", v.known() ? json(nullptr) : json(to_string(v.missing))}, {"note", v.note}});
  }
  // With a chosen selection the values are the answer, so they come first (JSON Lines prints the first list).
  if (!r.selection.is_default()) {
    return json({{"schema_version", json_schema_version}, {"caveats", std::move(caveats)}, {"sources", std::move(uses)}});
  }
  return json({{"schema_version", json_schema_version}, {"sources", std::move(uses)}, {"caveats", std::move(caveats)}});
}

namespace {

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

json power_json(const power_side& side) {
  return {{"each_w", number_or_null(side.each.number)}, {"total_w", number_or_null(side.total_w)},
          {"missing", side.each.known() ? json(nullptr) : json(side.each.reason)}};
}

}  // namespace

json json_document(const match_report& r) {
  json dimensions = json::object();
  for (const auto& d : r.dimensions) {
    dimensions[std::string(to_string(d.dim))] = {{"metric", definition(d.measure).name},
                                                 {"unit", metric_unit(d.measure, r.prec)},
                                                 {"chip", metric_json(d.chip_value)},
                                                 {"target", metric_json(d.target_value)},
                                                 {"ratio", number_or_null(d.ratio)},
                                                 {"chips", d.chips ? json(*d.chips) : json(nullptr)},
                                                 {"missing", d.chips ? json(nullptr) : json(d.missing_reason)}};
  }
  return json({{"schema_version", json_schema_version},
               {"precision", to_string(r.prec)},
               {"chip", chip_summary(*r.subject)},
               {"target", chip_summary(*r.target)},
               {"count", r.count},
               {"dimensions", std::move(dimensions)},
               {"binding", r.binding ? json(to_string(*r.binding)) : json(nullptr)},
               {"chips_needed", r.chips_needed ? json(*r.chips_needed) : json(nullptr)},
               {"power", {{"chip", power_json(r.subject_power)}, {"target", power_json(r.target_power)}}},
               {"cost_usd", {{"chip", number_or_null(r.subject_cost_usd)}, {"target", number_or_null(r.target_cost_usd)}}}});
}

json json_document(const roofline_report& r) {
  json chips = json::array();
  for (const auto& row : r.rows) {
    json points = json::array();
    for (const auto& p : row.points) {
      points.push_back({{"intensity", p.intensity},
                        {"attainable_tflops", number_or_null(p.attainable.number)},
                        {"bound", p.attainable.known() ? json(p.memory_bound ? "memory" : "compute") : json(nullptr)}});
    }
    json entry = chip_summary(*row.subject);
    entry["peak_tflops"] = metric_json(row.peak);
    entry["knee_flop_per_byte"] = metric_json(row.knee);
    entry["points"] = std::move(points);
    chips.push_back(std::move(entry));
  }
  return json({{"schema_version", json_schema_version},
               {"precision", to_string(r.prec)},
               {"intensities", r.intensities},
               {"chips", std::move(chips)}});
}

namespace {
json count_or_null(const std::optional<std::size_t>& n) { return n ? json(*n) : json(nullptr); }
}  // namespace

json json_document(const train_report& r) {
  json rows = json::array();
  for (const auto& row : r.rows) {
    json entry = chip_summary(*row.subject);
    entry["tflops"] = metric_json(row.tflops);
    entry["chips_for_time"] = count_or_null(row.chips_for_time);
    entry["chips_for_memory"] = count_or_null(row.chips_for_memory);
    entry["chips"] = count_or_null(row.chips);
    entry["binding"] = row.binding.empty() ? json(nullptr) : json(row.binding);
    entry["fits"] = row.fits;
    entry["days"] = number_or_null(row.days);
    entry["energy_mwh"] = number_or_null(row.energy_mwh);
    entry["missing_reason"] = row.missing_reason.empty() ? json(nullptr) : json(row.missing_reason);
    rows.push_back(std::move(entry));
  }
  const train_job& job = r.job;
  return json({{"schema_version", json_schema_version},
               {"assumptions", {{"params", job.params}, {"active_params", job.active_params}, {"tokens", job.tokens},
                                {"mfu", job.mfu}, {"bytes_per_param", job.bytes_per_param},
                                {"precision", to_string(job.prec)}, {"days", number_or_null(job.days)},
                                {"chips", count_or_null(job.chips)},
                                {"flops_formula", "6 * active_params * tokens"},
                                {"energy", "TDP x chips x hours; chips only"}}},
               {"flops", r.flops},
               {"chips", std::move(rows)}});
}

json json_document(const serve_report& r) {
  json rows = json::array();
  for (const auto& row : r.rows) {
    json entry = chip_summary(*row.subject);
    entry["memory_gb"] = metric_json(row.memory_gb);
    entry["bandwidth_tb_s"] = metric_json(row.bandwidth_tb_s);
    entry["tflops"] = metric_json(row.tflops);
    entry["chips_to_fit"] = count_or_null(row.chips_to_fit);
    entry["domain"] = number_or_null(row.domain);
    entry["tokens_per_s_bandwidth"] = number_or_null(row.tokens_per_s_bandwidth);
    entry["tokens_per_s_compute"] = number_or_null(row.tokens_per_s_compute);
    entry["bound"] = row.bound.empty() ? json(nullptr) : json(row.bound);
    entry["usd_per_chip_hour"] = metric_json(row.usd_per_hour);
    entry["price_date"] = row.price_date.empty() ? json(nullptr) : json(row.price_date);
    entry["tokens_per_usd"] = number_or_null(row.tokens_per_usd);
    rows.push_back(std::move(entry));
  }
  const serve_job& job = r.job;
  return json({{"schema_version", json_schema_version},
               {"assumptions", {{"params", job.params}, {"active_params", job.active_params},
                                {"bytes_per_param", job.bytes_per_param}, {"context", job.context},
                                {"batch", job.batch}, {"kv_bytes_per_token", number_or_null(job.kv_bytes_per_token)},
                                {"precision", to_string(job.prec)}}},
               {"weight_bytes", r.weight_bytes},
               {"kv_bytes", r.kv_bytes},
               {"chips", std::move(rows)}});
}

json json_document(const validation_report& r) {
  json findings = json::array();
  for (const auto& f : r.findings) {
    findings.push_back({{"file", f.file},
                        {"line", f.where.line ? json(f.where.line) : json(nullptr)},
                        {"column", f.where.line ? json(f.where.column) : json(nullptr)},
                        {"severity", to_string(f.level)},
                        {"rule", f.rule},
                        {"message", f.message}});
  }
  return json({{"schema_version", json_schema_version},
               {"files", r.files},
               {"chips", r.chips},
               {"errors", r.count(severity::error)},
               {"warnings", r.count(severity::warning)},
               {"infos", r.count(severity::info)},
               {"findings", std::move(findings)}});
}

}  // namespace xpuspec::render
