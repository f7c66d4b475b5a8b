#pragma once
// Back-of-the-envelope plans with every assumption stated: how many chips (and days, and MWh) a training run
// needs, and whether a model fits and how fast it can decode when serving. Upper bounds from peak figures.

#include <optional>
#include <string>
#include <vector>

#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"

namespace xpuspec {

struct train_job {
  double params = 0;         // total parameters (for memory)
  double active_params = 0;  // per token (for FLOPs); = params for a dense model
  double tokens = 0;
  // Model FLOPs utilisation; unset: each chip's from published runs (default_utilisation), else fallback_mfu.
  std::optional<double> mfu;
  double bytes_per_param = 16;      // training state: bf16 weights and grads, fp32 master weights and Adam moments
  std::optional<double> days;       // either a deadline...
  std::optional<std::size_t> chips; // ...or a fleet size
  precision prec = precision::bf16;
};

double training_flops(const train_job& job);  // 6 × active params × tokens

inline constexpr double fallback_mfu = 0.4;

// A published run's utilisation (xpuspec/runs.hpp), as a plan's default: what real runs got on a vendor's chips.
struct run_utilisation {
  std::string run_id;
  std::string model;
  std::string chip_id;
  std::string vendor;
  double mfu = 0;
  bool implied = true;  // from the run's chip-hours; false: the MFU its report states
};

// Where a plan's utilisation comes from, for a chip: "--mfu", or the run it was taken from, or the fallback.
struct utilisation_choice {
  double mfu = fallback_mfu;
  const run_utilisation* run = nullptr;  // nullptr: given, or the fallback
  bool given = false;
  bool runs_given = true;                // false: the fallback because no runs were passed at all
};

// The runs on the same chip (a system counts as its chip), else on the same vendor's chips; of those, the ones
// whose MFU is implied by chip-hours when there are any (the same yardstick for every vendor), else the reported
// ones; and of those the median (the lower of the middle two), neither the best run nor the worst. The fallback
// when the vendor has no published run.
utilisation_choice default_utilisation(const chip& c, const std::vector<run_utilisation>& runs);

struct train_row {
  const chip* subject = nullptr;
  metric_value tflops;
  metric_value memory_gb;
  metric_value tdp_w;
  std::optional<std::size_t> chips_for_time;    // --days: chips to finish in time
  std::optional<std::size_t> chips_for_memory;  // the training state must fit
  std::optional<std::size_t> chips;             // the larger of the two (or the given fleet)
  std::string binding;                          // "time" or "memory" (or "fleet" with --chips)
  std::optional<double> days;
  std::optional<double> energy_mwh;
  utilisation_choice utilisation;
  bool fits = true;                             // with --chips: the state fits in the fleet's memory
  std::string missing_reason;
};

struct train_report {
  train_job job;
  double flops = 0;
  std::vector<train_row> rows;
};

train_report plan_training(const std::vector<const chip*>& chips, const train_job& job,
                           const std::vector<run_utilisation>& runs = {});

struct serve_job {
  double params = 0;
  double active_params = 0;
  double bytes_per_param = 2;   // bf16 weights
  double context = 0;           // tokens per sequence
  double batch = 1;             // sequences decoded together
  std::optional<double> kv_bytes_per_token;  // KV cache per token of context, when the user knows it
  precision prec = precision::bf16;
  // Chips one model instance runs on (tensor and expert parallel together); unset: the fewest that hold it.
  std::optional<std::size_t> instance_chips;
  double prompt = 0;  // prompt tokens, for the time-to-first-token bound; 0: no TTFT
};

// A measured result (xpuspec/runs.hpp: inference_result) beside the bound for the same chips and precision.
struct measured_check {
  std::string id;
  std::string benchmark;
  std::size_t chips = 0;
  precision prec = precision::bf16;
  bool precision_stated = true;
  double measured_tokens_per_s = 0;
  std::optional<double> bound_tokens_per_s;  // compute bound for those chips at that precision
};

struct measured_inference {
  std::string id;
  std::string benchmark;
  std::string chip;  // the chip's id
  std::size_t chips = 0;
  double params_active = 0;
  precision prec = precision::bf16;
  bool precision_stated = true;  // false: the result does not say; prec is the assumption (the lower bound's)
  double tokens_per_s = 0;
};

struct serve_row {
  const chip* subject = nullptr;
  metric_value memory_gb;
  metric_value bandwidth_tb_s;
  metric_value tflops;
  std::optional<std::size_t> chips_to_fit;
  std::optional<double> domain;               // scale-up domain size, when known
  std::size_t instance = 1;                   // chips (a system's row: systems) per model instance
  std::size_t instance_chips = 1;             // chips in the instance: instance x the system's chips
  bool instance_fits = true;                  // a given instance holds the weights and KV cache
  std::optional<double> tokens_per_s_bandwidth;  // per instance, decode upper bound from memory bandwidth
  std::optional<double> tokens_per_s_compute;    // per instance, decode upper bound from peak compute
  std::optional<double> tokens_per_s_per_chip;   // the binding bound / the instance's chips (a system's too)
  std::optional<double> ttft_s;                  // lower bound on time to first token for job.prompt tokens
  std::string bound;                              // "bandwidth" or "compute"
  metric_value usd_per_hour;                      // the chip's cloud price per chip-hour
  std::string price_date;                         // the price list's date, when its source gives one
  std::optional<double> tokens_per_usd;           // the instance's binding bound over an hour / its chips' price
  std::vector<measured_check> measured;           // published measurements on this chip, same model size
  std::string missing_reason;
};

struct serve_report {
  serve_job job;
  double weight_bytes = 0;
  double kv_bytes = 0;
  std::vector<serve_row> rows;
};

// `measured`: published results to set beside each chip's bound (same chip, active parameters within 3%).
serve_report plan_serving(const std::vector<const chip*>& chips, const serve_job& job,
                          const std::vector<measured_inference>& measured = {});

}  // namespace xpuspec
