#pragma once
// The metric ids of design.md: raw values read off a chip, and ratios derived from them. A metric whose input is
// missing is missing too, with the reason, never 0, inf or NaN.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/model.hpp"

namespace xpuspec {

enum class metric {
  tflops,
  memory_gb,
  bandwidth_tb_s,
  tdp_w,
  interconnect_gb_s,
  price_usd,
  usd_per_chip_hour,
  tflops_per_watt,
  bandwidth_gb_s_per_tflop,
  ridge_flop_per_byte,
  memory_gb_per_tflop,
  interconnect_gb_s_per_tflop,
  bandwidth_gb_s_per_watt,
  tflops_per_kusd,
  tflops_per_usd_hour,
  usd_per_pflop_hour,
  tpp,
  performance_density,
};

struct metric_def {
  metric id;
  std::string_view name;     // the public id: JSON key, --by and --metrics value
  std::string_view label;    // column heading
  std::string_view unit;     // "TFLOPS" stands for the chosen precision's unit (TOPS for integer precisions)
  std::string_view formula;  // in metric ids, so a user can recompute any number by hand
  std::string_view meaning;  // one sentence: why a user looks at it
  bool derived;
};

std::span<const metric_def> all_metrics();
const metric_def& definition(metric m);
std::optional<metric> metric_from_string(std::string_view name);
std::vector<std::string> metric_names();

// The unit of `m` at precision `p`: TFLOPS becomes TOPS for integer precisions.
std::string metric_unit(metric m, precision p);

// The source ids a metric rests on, held inline: every metric reads one value or a ratio of two (evaluate()).
// A report over 100,000 chips holds one per chip and metric, where a std::vector was a heap block each.
class source_ids {
 public:
  static constexpr std::size_t capacity = 2;
  // An empty id names no source and is not added; past capacity (a metric defined over more inputs) it throws
  // xpuspec::error.
  void push_back(text id);
  const text* begin() const noexcept { return ids_.data(); }
  const text* end() const noexcept { return ids_.data() + size(); }
  // The ids fill the array from the front: the first empty one ends the list, so no count is stored.
  std::size_t size() const noexcept { return ids_[0].empty() ? 0 : ids_[1].empty() ? 1 : 2; }
  bool empty() const noexcept { return ids_[0].empty(); }

 private:
  std::array<text, capacity> ids_{};
};

// A compare over 100,000 chips holds 17 per chip (issue 19: 2.5 KB per chip in all).
struct metric_value {
  maybe_amount number;
  absence missing = absence::unknown;  // meaningful only when !number
  xpuspec::basis basis = xpuspec::basis::vendor;
  text reason;  // when missing: which input is missing and why, e.g. "power.tdp is unpublished"
  source_ids sources;  // the source ids of the chip's values it was computed from, each once

  bool known() const { return number.has_value(); }
};
static_assert(sizeof(metric_value) <= 24);

metric_value evaluate(const chip& c, metric m, precision p);
// evaluate() of each of `metrics` in turn, reading each raw input (compute, memory, bandwidth, power, scale-up,
// prices) once for them all; TPP and performance density read the compute figures their own way.
std::vector<metric_value> evaluate_each(const chip& c, std::span<const metric> metrics, precision p);

// The precision whose dense figure gives the chip's TPP (the highest TOPS x bit length), if any is known.
std::optional<precision> tpp_precision(const chip& c);
// Precisions the file marks "unknown" (a figure exists, it is not known): the TPP is then only a lower bound.
// "unpublished" (the vendor claims nothing) and "unsupported" do not count: TPP is over what the vendor claims.
std::vector<precision> tpp_unknown_precisions(const chip& c);

}  // namespace xpuspec
