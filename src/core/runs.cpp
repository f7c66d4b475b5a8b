#include "xpuspec/runs.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/document_reader.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// A positive finite number, or null where the field allows it.
std::optional<double> amount(const document_reader& in, const json& run, const char* key, const std::string& where,
                             bool nullable) {
  const auto it = run.find(key);
  if (it == run.end() || it->is_null()) {
    if (!nullable) in.fail(where, fmt::format("\"{}\" is missing", key));
    return std::nullopt;
  }
  const double v = in.number(*it, where + "/" + key);
  if (!(v > 0)) in.fail(where + "/" + key, "must be more than 0");
  return v;
}

std::vector<std::string> strings(const document_reader& in, const json& run, const char* key, const std::string& where) {
  std::vector<std::string> out;
  const json list = run.value(key, json::array());
  if (!list.is_array()) in.fail(where + "/" + key, "must be an array of strings");
  for (const auto& s : list) {
    if (!s.is_string()) in.fail(where + "/" + key, "must be an array of strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

// The record's "sources": at least one, each a key of the document's "sources".
std::vector<std::string> cited_sources(const document_reader& in, const json& record, const std::string& where,
                                       const std::vector<source_ref>& sources, std::string_view what) {
  std::vector<std::string> cited = strings(in, record, "sources", where);
  if (cited.empty()) in.fail(where, fmt::format("{} needs at least one source", what));
  for (const auto& s : cited) in.cited(sources, s, where + "/sources");
  return cited;
}

// A run's implied MFU on `subject`, the chip it ran on.
run_row run_row_on(const chip& subject, const training_run& run) {
  run_row row;
  row.run = run;
  row.subject = &subject;
  row.model_flop = 6 * run.params_active_b * 1e9 * run.tokens_t * 1e12;
  row.peak = evaluate(subject, metric::tflops, run.peak_precision);
  if (!run.chip_hours) {
    row.implied_mfu.missing = absence::unpublished;
    row.implied_mfu.reason = "the run's chip-hours are unpublished";
  } else if (!row.peak.known()) {
    row.implied_mfu.missing = row.peak.missing;
    row.implied_mfu.reason = row.peak.reason;
  } else {
    row.implied_mfu.number = row.model_flop / (*run.chip_hours * 3600 * *row.peak.number * 1e12);
    row.implied_mfu.basis = std::max(row.peak.basis, basis::derived);
  }
  return row;
}

}  // namespace

training_runs parse_training_runs(std::string_view text, std::string_view origin) {
  const document_reader in(origin);
  training_runs out;
  auto frame = in.read_list(text, "runs", "a run", [&](const json& r, const std::string& where, const auto& sources) {
    training_run run;
    run.id = in.text(r, "id", where);
    run.model = in.text(r, "model", where);
    run.organisation = in.text(r, "organisation", where, false);
    run.params_total_b = *amount(in, r, "params_total_b", where, false);
    run.params_active_b = *amount(in, r, "params_active_b", where, false);
    if (run.params_active_b > run.params_total_b) in.fail(where, "params_active_b is more than params_total_b");
    run.tokens_t = *amount(in, r, "tokens_t", where, false);
    run.chip = in.text(r, "chip", where);
    run.chips = amount(in, r, "chips", where, true);
    run.chip_hours = amount(in, r, "chip_hours", where, true);
    if (const auto bound = r.find("chip_hours_upper_bound"); bound != r.end()) {
      if (!bound->is_boolean()) in.fail(where + "/chip_hours_upper_bound", "must be true or false");
      run.chip_hours_upper_bound = bound->get<bool>();
    }
    const std::string p = in.text(r, "peak_precision", where);
    const auto prec = precision_from_string(p);
    if (!prec) in.fail(where + "/peak_precision", fmt::format("\"{}\" is not a precision", p));
    run.peak_precision = *prec;
    run.reported_mfu = amount(in, r, "reported_mfu", where, true);
    if (run.reported_mfu && *run.reported_mfu > 1) in.fail(where + "/reported_mfu", "is a fraction: at most 1");
    run.sources = cited_sources(in, r, where, sources, "a run");
    run.notes = strings(in, r, "notes", where);
    out.runs.push_back(std::move(run));
  });
  out.about = std::move(frame.about);
  out.sources = std::move(frame.sources);
  return out;
}

training_runs bundled_training_runs() {
  const auto [text, origin] = bundled_document_or_error("runs/runs.json");
  return parse_training_runs(text, origin);
}

runs_report make_runs(const catalog& cat, training_runs data) {
  runs_report report{std::move(data), {}};
  for (const auto& run : report.data.runs) {
    const chip* subject = nullptr;
    try {
      subject = &cat.get(run.chip);
    } catch (const error& e) {
      throw error(fmt::format("training run \"{}\": {}", run.id, e.what()));
    }
    report.rows.push_back(run_row_on(*subject, run));
  }
  return report;
}

std::vector<run_utilisation> run_utilisations(const catalog& cat, const training_runs& data) {
  std::vector<run_utilisation> out;
  for (const auto& run : data.runs) {
    const chip* c = cat.find(run.chip);
    if (!c) continue;
    const run_row row = run_row_on(*c, run);
    run_utilisation u{run.id, run.model, c->id.str(), c->vendor.str(), 0, true};
    // An implied MFU from a calendar window is only a floor: the run's own figure is the better default.
    if (row.implied_mfu.known() && !(run.chip_hours_upper_bound && run.reported_mfu)) {
      u.mfu = *row.implied_mfu.number;
    } else if (run.reported_mfu) {
      u.mfu = *run.reported_mfu;
      u.implied = false;
    } else {
      continue;
    }
    out.push_back(std::move(u));
  }
  return out;
}

inference_results parse_inference_results(std::string_view text, std::string_view origin) {
  const document_reader in(origin);
  inference_results out;
  auto frame = in.read_list(text, "results", "a result", [&](const json& r, const std::string& where, const auto& sources) {
    measured_inference m;
    m.id = in.text(r, "id", where);
    m.benchmark = in.text(r, "benchmark", where);
    m.chip = in.text(r, "chip", where);
    m.params_active = *amount(in, r, "params_active_b", where, false) * 1e9;
    const double chips = *amount(in, r, "chips", where, false);
    if (chips != std::floor(chips) || chips > 1e6) in.fail(where + "/chips", "must be a whole number of chips");
    m.chips = static_cast<std::size_t>(chips);
    const std::string p = in.text(r, "precision", where);
    const auto prec = precision_from_string(p);
    if (!prec) in.fail(where + "/precision", fmt::format("\"{}\" is not a precision", p));
    m.prec = *prec;
    if (const auto stated = r.find("precision_stated"); stated != r.end()) {
      if (!stated->is_boolean()) in.fail(where + "/precision_stated", "must be true or false");
      m.precision_stated = stated->get<bool>();
    }
    m.tokens_per_s = *amount(in, r, "tokens_per_s", where, false);
    cited_sources(in, r, where, sources, "a result");
    out.results.push_back(std::move(m));
  });
  out.about = std::move(frame.about);
  out.sources = std::move(frame.sources);
  return out;
}

inference_results bundled_inference_results() {
  const auto [text, origin] = bundled_document_or_error("measured/inference.json");
  return parse_inference_results(text, origin);
}

}  // namespace xpuspec
