#pragma once
// Quantities as spec sheets write them ("3.35 TB/s", "80 GB", "700 W"), normalised to one unit per dimension:
// compute in TFLOPS (TOPS for integer precisions), memory in GB (10^9 bytes), bandwidth in GB/s, power in W.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xpuspec {

enum class dimension { float_compute, integer_compute, memory, bandwidth, power };

std::string_view canonical_unit(dimension d);
std::string_view dimension_name(dimension d);

// The units a dimension accepts, as they are written, for messages that list the choices.
std::vector<std::string_view> accepted_units(dimension d);

// Factor that turns `unit` into the canonical unit of `d`; nullopt when the unit is not one of d's.
// Units are matched exactly: "Gb/s" is bits and "GB/s" bytes, and a user who wrote one meant it.
std::optional<double> unit_factor(std::string_view unit, dimension d);

// Which dimension a unit belongs to, if any, to tell "a bandwidth written in W" apart from a typo.
std::optional<dimension> dimension_of_unit(std::string_view unit);

struct quantity_text {
  double number;
  std::string unit;
};

// Splits "3.35 TB/s" into 3.35 and "TB/s" (the unit is empty when there is none). Throws xpuspec::error (without
// a location) when the text does not start with a number, or the number is not finite.
quantity_text split_quantity(std::string_view text);

// split_quantity, then the unit checked against `d` and the number converted. Throws xpuspec::error.
double parse_quantity(std::string_view text, dimension d);

}  // namespace xpuspec
