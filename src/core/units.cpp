#include "xpuspec/units.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "xpuspec/error.hpp"

namespace xpuspec {
namespace {

struct unit_def {
  std::string_view name;
  dimension dim;
  double factor;  // to the canonical unit of dim
};

// Decimal prefixes are powers of 10 (GB = 10^9 bytes), binary ones powers of 2 (GiB = 2^30 bytes), and a
// lower-case b is bits: this is where "3.35 TB/s" written as 3.35 x 1024^4 goes wrong, so each is explicit.
constexpr double giga = 1e9;
constexpr double gib = 1073741824.0;
constexpr double tib = 1099511627776.0;
constexpr std::array<unit_def, 26> units{{
    {"GFLOPS", dimension::float_compute, 1e-3},
    {"TFLOPS", dimension::float_compute, 1.0},
    {"PFLOPS", dimension::float_compute, 1e3},
    {"EFLOPS", dimension::float_compute, 1e6},
    {"GOPS", dimension::integer_compute, 1e-3},
    {"TOPS", dimension::integer_compute, 1.0},
    {"POPS", dimension::integer_compute, 1e3},
    {"MB", dimension::memory, 1e-3},
    {"GB", dimension::memory, 1.0},
    {"TB", dimension::memory, 1e3},
    {"MiB", dimension::memory, 1048576.0 / giga},
    {"GiB", dimension::memory, gib / giga},
    {"TiB", dimension::memory, tib / giga},
    {"MB/s", dimension::bandwidth, 1e-3},
    {"GB/s", dimension::bandwidth, 1.0},
    {"TB/s", dimension::bandwidth, 1e3},
    {"MiB/s", dimension::bandwidth, 1048576.0 / giga},
    {"GiB/s", dimension::bandwidth, gib / giga},
    {"TiB/s", dimension::bandwidth, tib / giga},
    {"Mb/s", dimension::bandwidth, 1e-3 / 8},
    {"Gb/s", dimension::bandwidth, 1.0 / 8},
    {"Tb/s", dimension::bandwidth, 1e3 / 8},
    {"Gbps", dimension::bandwidth, 1.0 / 8},
    {"Tbps", dimension::bandwidth, 1e3 / 8},
    {"W", dimension::power, 1.0},
    {"kW", dimension::power, 1e3},
}};

}  // namespace

std::string_view canonical_unit(dimension d) {
  switch (d) {
    case dimension::float_compute: return "TFLOPS";
    case dimension::integer_compute: return "TOPS";
    case dimension::memory: return "GB";
    case dimension::bandwidth: return "GB/s";
    case dimension::power: return "W";
  }
  return "";
}

std::string_view dimension_name(dimension d) {
  switch (d) {
    case dimension::float_compute: return "floating-point compute";
    case dimension::integer_compute: return "integer compute";
    case dimension::memory: return "memory capacity";
    case dimension::bandwidth: return "bandwidth";
    case dimension::power: return "power";
  }
  return "";
}

std::vector<std::string_view> accepted_units(dimension d) {
  std::vector<std::string_view> names;
  for (const auto& u : units) {
    if (u.dim == d) names.push_back(u.name);
  }
  return names;
}

std::optional<double> unit_factor(std::string_view unit, dimension d) {
  for (const auto& u : units) {
    if (u.dim == d && u.name == unit) return u.factor;
  }
  return std::nullopt;
}

std::optional<dimension> dimension_of_unit(std::string_view unit) {
  for (const auto& u : units) {
    if (u.name == unit) return u.dim;
  }
  return std::nullopt;
}

quantity_text split_quantity(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  double number = 0;
  const char* first = text.data() + begin;
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, number, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    throw error(fmt::format("number out of range in \"{}\"", text), rule_id::positive_finite);
  }
  if (ec != std::errc{} || end == first) {
    throw error(fmt::format("\"{}\" is not a quantity: write a number and a unit, e.g. \"3.35 TB/s\"", text),
                rule_id::quantity);
  }
  // from_chars accepts "inf" and "nan"; a spec value is neither.
  if (!std::isfinite(number)) {
    throw error(fmt::format("\"{}\" is not a finite number", text), rule_id::positive_finite);
  }
  std::string_view rest(end, static_cast<std::size_t>(last - end));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  return {number, std::string(rest)};
}

double parse_quantity(std::string_view text, dimension d) {
  const quantity_text q = split_quantity(text);
  if (q.unit.empty()) {
    throw error(fmt::format("\"{}\" has no unit: write e.g. \"{} {}\"", text, text, canonical_unit(d)), rule_id::quantity);
  }
  const auto factor = unit_factor(q.unit, d);
  if (!factor) {
    const auto other = dimension_of_unit(q.unit);
    const std::string choices = fmt::format("{}", fmt::join(accepted_units(d), ", "));
    if (other) {
      throw error(fmt::format("\"{}\" is in {} units, but this field is {} (units: {})", text,
                              dimension_name(*other), dimension_name(d), choices),
                  rule_id::unit);
    }
    throw error(fmt::format("unknown unit \"{}\" in \"{}\" (units for {}: {})", q.unit, text, dimension_name(d),
                            choices),
                rule_id::unit);
  }
  const double result = q.number * *factor;
  if (!std::isfinite(result)) throw error(fmt::format("\"{}\" is out of range", text), rule_id::positive_finite);
  return result;
}

}  // namespace xpuspec
