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
  double mfu = 0.4;                 // model FLOPs utilisation
  double bytes_per_param = 16;      // training state: bf16 weights and grads, fp32 master weights and Adam moments
  std::optional<double> days;       // either a deadline...
  std::optional<std::size_t> chips; // ...or a fleet size
  precision prec = precision::bf16;
};

double training_flops(const train_job& job);  // 6 × active params × tokens

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
  bool fits = true;                             // with --chips: the state fits in the fleet's memory
  std::string missing_reason;
};

struct train_report {
  train_job job;
  double flops = 0;
  std::vector<train_row> rows;
};

train_report plan_training(const std::vector<const chip*>& chips, const train_job& job);

struct serve_job {
  double params = 0;
  double active_params = 0;
  double bytes_per_param = 2;   // bf16 weights
  double context = 0;           // tokens per sequence
  double batch = 1;             // sequences decoded together
  std::optional<double> kv_bytes_per_token;  // KV cache per token of context, when the user knows it
  precision prec = precision::bf16;
};

struct serve_row {
  const chip* subject = nullptr;
  metric_value memory_gb;
  metric_value bandwidth_tb_s;
  metric_value tflops;
  std::optional<std::size_t> chips_to_fit;
  std::optional<double> domain;               // scale-up domain size, when known
  std::optional<double> tokens_per_s_bandwidth;  // per chip, decode upper bound from memory bandwidth
  std::optional<double> tokens_per_s_compute;    // per chip, decode upper bound from peak compute
  std::string bound;                              // "bandwidth" or "compute"
  metric_value usd_per_hour;                      // the chip's cloud price per chip-hour
  std::string price_date;                         // the price list's date, when its source gives one
  std::optional<double> tokens_per_usd;           // the binding decode bound over an hour / that hour's price
  std::string missing_reason;
};

struct serve_report {
  serve_job job;
  double weight_bytes = 0;
  double kv_bytes = 0;
  std::vector<serve_row> rows;
};

serve_report plan_serving(const std::vector<const chip*>& chips, const serve_job& job);

}  // namespace xpuspec
