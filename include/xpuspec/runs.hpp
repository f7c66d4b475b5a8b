#pragma once
// Published training runs as ground truth (data/runs/runs.json): what fraction of the spec sheet's dense FLOPS a
// real run got, implied by its published chip-hours.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/catalog.hpp"
#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"
#include "xpuspec/plan.hpp"

namespace xpuspec {

struct training_run {
  std::string id;
  std::string model;
  std::string organisation;
  double params_total_b = 0;
  double params_active_b = 0;  // per token: the MoE's active parameters
  double tokens_t = 0;         // pre-training tokens, 10^12
  std::string chip;            // a chip id or alias in the catalog
  std::optional<double> chips;
  std::optional<double> chip_hours;
  // The chip-hours are a calendar window, not hours trained: the implied MFU is then only a lower bound.
  bool chip_hours_upper_bound = false;
  precision peak_precision = precision::bf16;
  std::optional<double> reported_mfu;  // as a fraction
  std::vector<std::string> sources;
  std::vector<std::string> notes;
};

struct training_runs {
  std::string about;
  std::vector<training_run> runs;
  std::vector<source_ref> sources;
};

// Reads a runs file; a malformed one is an xpuspec::error naming `origin` and the place.
training_runs parse_training_runs(std::string_view text, std::string_view origin);
training_runs bundled_training_runs();  // data/runs/runs.json

struct run_row {
  training_run run;
  const chip* subject = nullptr;  // the run's chip, from the catalog in use
  double model_flop = 0;          // 6 x active parameters x tokens
  metric_value peak;              // the chip's dense TFLOPS at the run's peak precision
  metric_value implied_mfu;       // model_flop / (chip-hours x 3600 x peak), a fraction
};

struct runs_report {
  training_runs data;
  std::vector<run_row> rows;
};

// A run whose chip is not in `cat` is an error naming the run and the chip (with did-you-mean).
runs_report make_runs(const catalog& cat, training_runs data);

// Measured inference results (data/measured/inference.json): MLPerf Inference Offline throughput, each sourced.
struct inference_results {
  std::string about;
  std::vector<measured_inference> results;
  std::vector<source_ref> sources;
};
inference_results parse_inference_results(std::string_view text, std::string_view origin);
inference_results bundled_inference_results();

// The runs whose chip is in `cat`, as plan defaults: the implied MFU where it is known, else the reported one;
// a run with neither is left out. Unlike make_runs, a run whose chip is absent (a --no-bundled data set) is skipped.
std::vector<run_utilisation> run_utilisations(const catalog& cat, const training_runs& data);

}  // namespace xpuspec
