#include "xpuspec/match.hpp"

#include <cmath>

#include <fmt/format.h>

#include "xpuspec/error.hpp"

namespace xpuspec {
namespace {

metric measure_of(match_dimension d) {
  switch (d) {
    case match_dimension::compute: return metric::tflops;
    case match_dimension::bandwidth: return metric::bandwidth_tb_s;
    case match_dimension::memory: return metric::memory_gb;
    case match_dimension::interconnect: return metric::interconnect_gb_s;
  }
  return metric::tflops;
}

power_side power_for(const chip& c, std::optional<std::size_t> chips) {
  power_side side{evaluate(c, metric::tdp_w, precision::bf16), std::nullopt};
  if (side.each.known() && chips) side.total_w = *side.each.number * static_cast<double>(*chips);
  return side;
}

}  // namespace

std::string_view to_string(match_dimension d) {
  switch (d) {
    case match_dimension::compute: return "compute";
    case match_dimension::bandwidth: return "bandwidth";
    case match_dimension::memory: return "memory";
    case match_dimension::interconnect: return "interconnect";
  }
  return "";
}

std::optional<match_dimension> match_dimension_from_string(std::string_view s) {
  for (match_dimension d : all_match_dimensions) {
    if (to_string(d) == s) return d;
  }
  return std::nullopt;
}

std::size_t chips_to_match(double chip, double target, std::size_t count) {
  if (count == 0) return 0;
  const double exact = target * static_cast<double>(count) / chip;
  // A count must fit the integer it is returned in, and mean something: no fleet reaches 10^15 chips.
  constexpr double most_chips = 1e15;
  if (!std::isfinite(exact) || exact > most_chips) {
    throw error(fmt::format("the answer would be {:.3g} chips, more than 10^15: check the figures and the options",
                            exact));
  }
  // Spec figures carry a few significant digits; a quotient a hair above an integer is that integer.
  const double whole = std::ceil(exact * (1 - 1e-9));
  return static_cast<std::size_t>(std::max(whole, 1.0));
}

match_report make_match(const chip& subject, const chip& target, std::size_t count, precision p,
                        std::optional<match_dimension> only) {
  match_report r{&subject, &target, count, p, {}, std::nullopt, std::nullopt, {}, {}, {}, {}, std::nullopt,
                 std::nullopt};
  for (match_dimension d : all_match_dimensions) {
    if (only && *only != d) continue;
    dimension_match m{d, measure_of(d), evaluate(subject, measure_of(d), p), evaluate(target, measure_of(d), p),
                      std::nullopt, std::nullopt, ""};
    if (!m.chip_value.known()) {
      m.missing_reason = fmt::format("{}: {}", subject.id, m.chip_value.reason);
    } else if (!m.target_value.known()) {
      m.missing_reason = fmt::format("{}: {}", target.id, m.target_value.reason);
    } else {
      m.ratio = *m.target_value.number / *m.chip_value.number;
      m.chips = chips_to_match(*m.chip_value.number, *m.target_value.number, count);
      if (!r.chips_needed || *m.chips > *r.chips_needed) {
        r.chips_needed = m.chips;
        r.binding = d;
      }
    }
    r.dimensions.push_back(std::move(m));
  }
  r.subject_power = power_for(subject, r.chips_needed);
  r.target_power = power_for(target, count);
  r.subject_price = evaluate(subject, metric::price_usd, p);
  r.target_price = evaluate(target, metric::price_usd, p);
  if (r.subject_price.known() && r.chips_needed) {
    r.subject_cost_usd = *r.subject_price.number * static_cast<double>(*r.chips_needed);
  }
  if (r.target_price.known()) r.target_cost_usd = *r.target_price.number * static_cast<double>(count);
  return r;
}

roofline_report make_roofline(const std::vector<const chip*>& chips, precision p, std::vector<double> intensities) {
  roofline_report report{p, std::move(intensities), {}};
  for (const chip* c : chips) {
    roofline_row row{c, evaluate(*c, metric::tflops, p), evaluate(*c, metric::ridge_flop_per_byte, p), {}};
    const metric_value bandwidth = evaluate(*c, metric::bandwidth_tb_s, p);
    for (double x : report.intensities) {
      roofline_point point{x, {}, false};
      if (!row.peak.known() || !bandwidth.known()) {
        point.attainable = row.peak.known() ? bandwidth : row.peak;
      } else {
        // TB/s × FLOP/byte = 10^12 FLOP/s, so the memory roof is already in TFLOPS.
        const double memory_roof = *bandwidth.number * x;
        point.memory_bound = memory_roof < *row.peak.number;
        point.attainable.number = std::min(memory_roof, *row.peak.number);
        point.attainable.basis = std::max(row.peak.basis, bandwidth.basis);
      }
      row.points.push_back(point);
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace xpuspec
