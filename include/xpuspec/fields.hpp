#pragma once
// The value fields of a chip file, described once: where each sits in the file, the chip member it loads into,
// what it measures, the range any accelerator's value lies in, and what it means. The loader, `show`, `sources`,
// validation, the build-time digester and the man page all walk this table, and a test holds
// data/schema/chip.schema.json to it. A new value field is a member of `chip` and a row here (then the schema
// and the data).

#include <string>
#include <string_view>

#include "xpuspec/model.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec {

// What a value measures: a quantity with a unit of its dimension, or a plain number (a count, a price). Outside
// [min, max] (canonical unit) is a typo or a unit slip (1e-320 TB/s, 1e300 GB) that would turn every ratio into
// nonsense or inf; the bounds are a generous order of magnitude beyond today's extremes (wafer-scale parts, PCIe
// cards, fp64 on inference chips).
struct value_kind {
  bool plain = false;
  dimension dim = dimension::power;  // for a quantity
  double min = 0;
  double max = 0;
  std::string_view unit;  // the canonical unit, as `show` prints it and messages say it
};

constexpr value_kind quantity_of(dimension d) {
  switch (d) {
    case dimension::float_compute: return {false, d, 1e-3, 1e7, "TFLOPS"};
    case dimension::integer_compute: return {false, d, 1e-3, 1e7, "TOPS"};
    case dimension::memory: return {false, d, 1e-3, 1e6, "GB"};
    case dimension::bandwidth: return {false, d, 1e-1, 1e8, "GB/s"};
    case dimension::power: return {false, d, 1e-1, 1e6, "W"};
  }
  return {false, d, 0, 0, ""};
}
constexpr value_kind plain_number(double min, double max, std::string_view unit) {
  return {true, dimension::power, min, max, unit};
}
inline value_kind compute_kind(precision p) {
  return quantity_of(is_integer(p) ? dimension::integer_compute : dimension::float_compute);
}

struct value_field {
  std::string_view group;  // the object in the file ("memory")
  std::string_view key;    // the key in it ("bandwidth")
  value chip::*member;     // nullptr: the compute rates' place in sheet order (dense and sparse per precision)
  value_kind kind;
  std::string_view meaning;
};

// In sheet order, as `show` lists them.
inline constexpr value_field value_fields[] = {
    {"die", "count", &chip::die_count, plain_number(1, 256, "dies"), "logic (compute) dies in the package"},
    {"die", "area_mm2", &chip::die_area, plain_number(1, 1e5, "mm2"), "area of the logic dies, all added"},
    {"die", "transistors_billion", &chip::transistors, plain_number(1e-3, 1e5, "billion"),
     "transistors on the logic dies, in billions"},
    {"compute", "", nullptr, {}, "one entry per precision: a dense figure, or {\"dense\", \"sparse\"}"},
    {"memory", "capacity", &chip::memory_capacity, quantity_of(dimension::memory), "memory capacity (10^9 bytes)"},
    {"memory", "bandwidth", &chip::memory_bandwidth, quantity_of(dimension::bandwidth), "memory bandwidth"},
    {"memory", "stacks", &chip::memory_stacks, plain_number(1, 64, "stacks"), "HBM stacks populated"},
    {"power", "tdp", &chip::tdp, quantity_of(dimension::power), "board or module power, in the vendor's term"},
    {"interconnect", "bandwidth", &chip::interconnect_bandwidth, quantity_of(dimension::bandwidth),
     "scale-up bandwidth per chip, in the direction the file states"},
    {"interconnect", "domain", &chip::interconnect_domain, plain_number(1, 1e6, "chips"),
     "chips in one scale-up domain"},
    {"price", "usd", &chip::price_usd, plain_number(1, 1e8, "USD"), "list price per chip"},
    {"price", "cloud_hour", &chip::price_cloud_hour, plain_number(1e-3, 1e4, "USD/h"),
     "lowest public on-demand cloud price per chip-hour"},
};

// Calls f(field, value, unit) for every value of a chip, in sheet order; field is the dotted path users see
// ("compute.bf16.dense") and unit the canonical unit of its amount. One list, so `show`, loading and validation
// cannot disagree about which values a chip has.
template <typename Chip, typename F>
void for_each_value(Chip& c, F&& f) {
  for (const value_field& field : value_fields) {
    if (field.member == nullptr) {
      for (precision p : all_precisions) {
        const std::string base = "compute." + std::string(to_string(p));
        f(base + ".dense", c.at(p).dense, compute_kind(p).unit);
        f(base + ".sparse", c.at(p).sparse, compute_kind(p).unit);
      }
      continue;
    }
    f(std::string(field.group) + "." + std::string(field.key), c.*field.member, field.kind.unit);
  }
}

// The JSON pointer of `v`, one of `c`'s values, in its file ("/memory/capacity", "/compute/bf16/dense"), for
// diagnostics; a value knows no place of its own, which keeps a chip small. Empty if `v` is not one of c's.
std::string pointer_of(const chip& c, const value& v);

}  // namespace xpuspec
