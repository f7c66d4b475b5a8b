#pragma once
// "How many of chip X replace N of chip Y?": per dimension (compute, memory bandwidth, memory capacity, scale-up
// interconnect), the whole number of X whose sum matches N Y, which dimension binds, and the power (and cost,
// where prices are published) of both sides. A dimension whose data is missing is reported as missing.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"

namespace xpuspec {

enum class match_dimension { compute, bandwidth, memory, interconnect };
inline constexpr std::array<match_dimension, 4> all_match_dimensions{
    match_dimension::compute, match_dimension::bandwidth, match_dimension::memory, match_dimension::interconnect};
std::string_view to_string(match_dimension d);
std::optional<match_dimension> match_dimension_from_string(std::string_view s);

struct dimension_match {
  match_dimension dim;
  metric measure;           // the metric compared: tflops, bandwidth_tb_s, memory_gb, interconnect_gb_s
  metric_value chip_value;  // one chip
  metric_value target_value;
  std::optional<double> ratio;        // target / chip: chips of X per one Y
  std::optional<std::size_t> chips;   // whole chips of X to match `count` Y
  std::string missing_reason;         // when !chips
};

struct power_side {
  metric_value each;                  // W per chip
  std::optional<double> total_w;      // each × number of chips
};

struct match_report {
  const chip* subject;
  const chip* target;
  std::size_t count = 1;
  precision prec = precision::bf16;
  std::vector<dimension_match> dimensions;
  std::optional<match_dimension> binding;  // the dimension that needs the most chips
  std::optional<std::size_t> chips_needed;
  power_side subject_power;  // for chips_needed chips
  power_side target_power;   // for count targets
  metric_value subject_price;
  metric_value target_price;
  std::optional<double> subject_cost_usd;
  std::optional<double> target_cost_usd;
};

// `only` restricts the comparison to one dimension (--by).
match_report make_match(const chip& subject, const chip& target, std::size_t count, precision p,
                        std::optional<match_dimension> only = std::nullopt);

// Chips needed to supply `count` × target when each chip supplies `chip`: the smallest whole number k with
// k × chip >= count × target (with a relative tolerance, so 2 × 0.5 is 1, not 2 from rounding).
std::size_t chips_to_match(double chip, double target, std::size_t count);

// Attainable throughput under the roofline model at an arithmetic intensity (FLOP/byte):
// min(peak TFLOPS, bandwidth TB/s × intensity).
struct roofline_point {
  double intensity;
  metric_value attainable;  // TFLOPS
  bool memory_bound = false;
};

struct roofline_row {
  const chip* subject;
  metric_value peak;   // TFLOPS
  metric_value knee;   // FLOP/byte
  std::vector<roofline_point> points;
};

struct roofline_report {
  precision prec = precision::bf16;
  std::vector<double> intensities;
  std::vector<roofline_row> rows;
};

roofline_report make_roofline(const std::vector<const chip*>& chips, precision p, std::vector<double> intensities);

}  // namespace xpuspec
