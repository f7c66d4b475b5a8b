#include "xpuspec/metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/hash_mix.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec {

void source_ids::push_back(text id) {
  static_assert(capacity == 2, "size() counts two slots");
  if (id.empty()) return;
  const std::size_t at = size();
  if (at == capacity) throw error(fmt::format("a metric rests on more than {} source ids", capacity));
  ids_[at] = id;
}

namespace {

constexpr std::array<metric_def, 18> definitions{{
    {metric::tflops, "tflops", "Compute", "TFLOPS", "compute.<precision>.dense",
     "Peak dense throughput at the chosen precision; sparse figures are never used.", false},
    {metric::memory_gb, "memory_gb", "Memory", "GB", "memory.capacity",
     "On-package memory (HBM) per chip, in 10^9 bytes.", false},
    {metric::bandwidth_tb_s, "bandwidth_tb_s", "Mem BW", "TB/s", "memory.bandwidth",
     "Peak memory bandwidth per chip, in 10^12 bytes per second.", false},
    {metric::tdp_w, "tdp_w", "Power", "W", "power.tdp",
     "The vendor's maximum board or module power (its own term is shown by `show`).", false},
    {metric::interconnect_gb_s, "interconnect_gb_s", "Scale-up BW", "GB/s", "interconnect.bandwidth",
     "Chip-to-chip scale-up bandwidth per chip, both directions added, as NVLink's 900 GB/s is; a figure given per "
     "direction is doubled (and marked derived), so chips compare like with like.",
     false},
    {metric::price_usd, "price_usd", "Price", "USD", "price.usd",
     "List price per chip, only where a vendor publishes one.", false},
    {metric::usd_per_chip_hour, "usd_per_chip_hour", "Cloud price", "USD/h", "price.cloud_hour",
     "The lowest public on-demand cloud price per chip-hour among those read (instance price / chips; provider, "
     "instance, region and date in `show`).",
     false},
    {metric::tflops_per_watt, "tflops_per_watt", "Compute/W", "TFLOPS/W", "tflops / tdp_w",
     "Energy efficiency at peak: what a watt of the power budget buys.", true},
    {metric::bandwidth_gb_s_per_tflop, "bandwidth_gb_s_per_tflop", "BW/compute", "GB/s per TFLOPS",
     "bandwidth_tb_s * 1000 / tflops", "Bytes of memory traffic available per unit of compute; higher suits decode.",
     true},
    {metric::ridge_flop_per_byte, "ridge_flop_per_byte", "Roofline knee", "FLOP/byte", "tflops / bandwidth_tb_s",
     "Arithmetic intensity at which the chip stops being memory-bound (peak FLOP/s / bytes/s).", true},
    {metric::memory_gb_per_tflop, "memory_gb_per_tflop", "Memory/compute", "GB per TFLOPS", "memory_gb / tflops",
     "Capacity per unit of compute: how much model and cache each TFLOPS can keep close.", true},
    {metric::interconnect_gb_s_per_tflop, "interconnect_gb_s_per_tflop", "Scale-up/compute", "GB/s per TFLOPS",
     "interconnect_gb_s / tflops", "Scale-up bandwidth per unit of compute: how well it feeds tensor parallelism.",
     true},
    {metric::bandwidth_gb_s_per_watt, "bandwidth_gb_s_per_watt", "BW/W", "GB/s per W",
     "bandwidth_tb_s * 1000 / tdp_w", "Memory bandwidth per watt of power budget.", true},
    {metric::tflops_per_kusd, "tflops_per_kusd", "Compute/k$", "TFLOPS per 1000 USD", "tflops / (price_usd / 1000)",
     "Compute per thousand dollars of list price.", true},
    {metric::tflops_per_usd_hour, "tflops_per_usd_hour", "Compute/$h", "TFLOPS per USD/h", "tflops / usd_per_chip_hour",
     "Peak compute that a dollar an hour rents in the cloud.", true},
    {metric::usd_per_pflop_hour, "usd_per_pflop_hour", "$/PFLOP-h", "USD per PFLOPS-hour",
     "usd_per_chip_hour / (tflops / 1000)", "What an hour of one PFLOPS of peak compute costs in the cloud.", true},
    {metric::tpp, "tpp", "TPP", "bit x TOPS", "max over p of compute.<p>.dense * bits(p)",
     "Total Processing Performance as US export rules (ECCN 3A090) define it: dense TOPS times the operation's bit "
     "length, the highest over the precisions the vendor states; the same at every --precision.",
     true},
    {metric::performance_density, "performance_density", "Perf density", "TPP per mm2", "tpp / die.area_mm2",
     "TPP per mm2 of logic die (all logic dies added), the 2023 rule's second test: a small die cannot hide a high "
     "TPP.",
     true},
}};

struct input {
  const value* entry;
  std::string_view field;  // for the compute rate, its precision's name goes between "compute." and ".dense"
  double scale;  // from the field's canonical unit to the metric's unit
  std::optional<precision> rate = std::nullopt;
};

input raw_input(const chip& c, metric m, precision p) {
  switch (m) {
    case metric::tflops: return {&c.at(p).dense, "", 1.0, p};
    case metric::memory_gb: return {&c.memory_capacity, "memory.capacity", 1.0};
    case metric::bandwidth_tb_s: return {&c.memory_bandwidth, "memory.bandwidth", 1e-3};
    case metric::tdp_w: return {&c.tdp, "power.tdp", 1.0};
    case metric::interconnect_gb_s: return {&c.interconnect_bandwidth, "interconnect.bandwidth", 1.0};
    case metric::price_usd: return {&c.price_usd, "price.usd", 1.0};
    case metric::usd_per_chip_hour: return {&c.price_cloud_hour, "price.cloud_hour", 1.0};
    default: break;
  }
  return {nullptr, "", 1.0};
}

// "power.tdp is unpublished (note)". compare --all names 640 missing inputs but only 80 different reasons (most
// chips lack the same prices): a small table per thread remembers the text each input's field, absence and note
// made, so each is written and interned once rather than 640 times (a quarter of a CSV compare). Its key is the
// field's characters (copied: a caller may build the name) and the note as a text, never an address alone.
text missing_reason(const input& in) {
  const text note = in.entry->note;
  const int rate = in.rate ? static_cast<int>(*in.rate) : -1;
  struct remembered {
    std::array<char, 32> field{};
    std::size_t field_size = 0;
    int rate = 0;
    absence missing{};  // all zero bytes, so the table is in .tbss: no 14 KB image copied into every thread
    text note;
    text reason;  // empty: the slot is unused
  };
  thread_local std::array<remembered, 256> recent{};
  const bool rememberable = in.field.size() <= remembered{}.field.size();
  // The slot: from the field's characters and the note's place (an equal note kept elsewhere only misses).
  const auto note_place = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(note.view().data()));
  const auto kind = static_cast<std::uint64_t>(rate + 2) << 8 | static_cast<std::uint64_t>(in.entry->missing);
  const std::uint64_t key =
      std::hash<std::string_view>{}(in.field) ^ mixed_hash(note_place + note.size()) ^ mixed_hash(kind);
  remembered& slot = recent[mixed_hash(key) % recent.size()];
  if (rememberable && !slot.reason.empty() && std::string_view(slot.field.data(), slot.field_size) == in.field &&
      slot.rate == rate && slot.missing == in.entry->missing && slot.note == note) {
    return slot.reason;
  }
  // Appended, not fmt::format: parsing the format string cost more than the rest.
  std::string reason;
  reason.reserve(48 + note.size());
  if (in.rate) {
    reason.append("compute.").append(to_string(*in.rate)).append(".dense");
  } else {
    reason.append(in.field);
  }
  reason.append(" is ").append(to_string(in.entry->missing));
  if (!note.empty()) reason.append(" (").append(note.view()).append(")");
  const text made(reason);
  if (rememberable) {
    slot = {{}, in.field.size(), rate, in.entry->missing, note, made};
    std::copy(in.field.begin(), in.field.end(), slot.field.begin());
  }
  return made;
}

// A chip's value as a metric: its amount in the metric's unit, or why it is missing.
metric_value read_input(const input& in) {
  metric_value out;
  out.basis = in.entry->basis;
  if (!in.entry->source.empty()) out.sources.push_back(in.entry->source);
  if (in.entry->known()) {
    out.number = *in.entry->amount * in.scale;
  } else {
    // Only a missing value is named, so a known one costs no formatting: compare --all reads a thousand values.
    out.missing = in.entry->missing;
    out.reason = missing_reason(in);
  }
  return out;
}

metric_value read_raw(const chip& c, metric m, precision p) {
  input in = raw_input(c, m, p);
  basis weakest = basis::vendor;
  // Vendors state scale-up bandwidth per direction (Huawei's HCCS) or with both directions added (NVLink): the
  // metric is always the sum, or a per-direction chip would look half as well connected as it is.
  if (m == metric::interconnect_gb_s && in.entry->known()) {
    if (c.interconnect_direction == "unidirectional") {
      in.scale *= 2;
      weakest = basis::derived;
    } else if (c.interconnect_direction == "unstated") {
      weakest = basis::estimate;  // it may be either, so the comparison is a guess
    }
  }
  metric_value out = read_input(in);
  out.basis = std::max(out.basis, weakest);
  return out;
}

// numerator / denominator * scale, missing when either side is; the result's basis is the weaker of the two.
metric_value ratio(const metric_value& numerator, const metric_value& denominator, double scale) {
  metric_value out;
  out.basis = std::max(numerator.basis, denominator.basis);
  out.sources = numerator.sources;
  for (const text& s : denominator.sources) {
    if (std::find(out.sources.begin(), out.sources.end(), s) == out.sources.end()) out.sources.push_back(s);
  }
  for (const metric_value* side : {&numerator, &denominator}) {
    if (!side->known()) {
      out.missing = side->missing;
      out.reason = side->reason;
      out.basis = side->basis;
      return out;
    }
  }
  // Loading rejects zero and negative values; this guard keeps a library caller's hand-built chip from making inf.
  const double result = *numerator.number / *denominator.number * scale;
  if (!(*denominator.number > 0) || !std::isfinite(result)) {
    out.missing = absence::unknown;
    out.reason = "the inputs do not give a finite ratio";
    return out;
  }
  out.number = result;
  return out;
}

// The rule's Technical Note 2 takes "the highest value the manufacturer claims" over the bit lengths, and Note 3
// the dense figure; a precision with no figure is no claim, so it does not enter. Its basis is the winning value's.
metric_value total_processing_performance(const chip& c) {
  metric_value out;
  const auto p = tpp_precision(c);
  if (!p) {
    out.missing = absence::unknown;
    out.reason = "no dense compute figure is given at any precision";
    return out;
  }
  const value& dense = c.at(*p).dense;
  if (!dense.source.empty()) out.sources.push_back(dense.source);
  out.number = *dense.amount * bit_length(*p);
  out.basis = std::max(dense.basis, basis::derived);
  return out;
}

}  // namespace

std::optional<precision> tpp_precision(const chip& c) {
  // Equal products are common (a MAC array doing 2x the operations at half the bits); ties go to the first in this
  // order, the formats datasheets quote for their MAC arrays.
  constexpr std::array<precision, precision_count> order{precision::bf16, precision::fp16,        precision::fp8,
                                                         precision::int8, precision::fp4,         precision::int4,
                                                         precision::fp6,  precision::fp32,        precision::fp64_tensor,
                                                         precision::fp64, precision::tf32};
  std::optional<precision> best;
  double best_tpp = 0;
  for (precision p : order) {
    const value& dense = c.at(p).dense;
    if (dense.known() && (!best || *dense.amount * bit_length(p) > best_tpp)) {
      best = p;
      best_tpp = *dense.amount * bit_length(p);
    }
  }
  return best;
}

std::vector<precision> tpp_unknown_precisions(const chip& c) {
  std::vector<precision> out;
  for (precision p : all_precisions) {
    const value& dense = c.at(p).dense;
    if (!dense.known() && dense.missing == absence::unknown && !dense.written.empty()) out.push_back(p);
  }
  return out;
}

std::span<const metric_def> all_metrics() { return definitions; }

const metric_def& definition(metric m) { return definitions[static_cast<std::size_t>(m)]; }

std::optional<metric> metric_from_string(std::string_view name) {
  for (const auto& d : definitions) {
    if (d.name == name) return d.id;
  }
  return std::nullopt;
}

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (const auto& d : definitions) names.emplace_back(d.name);
  return names;
}

std::string metric_unit(metric m, precision p) {
  std::string unit(definition(m).unit);
  if (is_integer(p)) {
    if (const auto at = unit.find("TFLOPS"); at != std::string::npos) unit.replace(at, 6, "TOPS");
  }
  return unit;
}

namespace {

// The arithmetic of every metric, over `raw`, which gives a raw metric's value: read each time by evaluate(), once
// per chip by evaluate_each().
template <typename raw_reader>
metric_value evaluate_with(const chip& c, metric m, raw_reader&& raw) {
  switch (m) {
    case metric::tflops_per_watt: return ratio(raw(metric::tflops), raw(metric::tdp_w), 1.0);
    case metric::bandwidth_gb_s_per_tflop: return ratio(raw(metric::bandwidth_tb_s), raw(metric::tflops), 1000.0);
    case metric::ridge_flop_per_byte: return ratio(raw(metric::tflops), raw(metric::bandwidth_tb_s), 1.0);
    case metric::memory_gb_per_tflop: return ratio(raw(metric::memory_gb), raw(metric::tflops), 1.0);
    case metric::interconnect_gb_s_per_tflop: return ratio(raw(metric::interconnect_gb_s), raw(metric::tflops), 1.0);
    case metric::bandwidth_gb_s_per_watt: return ratio(raw(metric::bandwidth_tb_s), raw(metric::tdp_w), 1000.0);
    case metric::tflops_per_kusd: return ratio(raw(metric::tflops), raw(metric::price_usd), 1000.0);
    case metric::tflops_per_usd_hour: return ratio(raw(metric::tflops), raw(metric::usd_per_chip_hour), 1.0);
    case metric::usd_per_pflop_hour: return ratio(raw(metric::usd_per_chip_hour), raw(metric::tflops), 1000.0);
    case metric::tpp: return total_processing_performance(c);
    case metric::performance_density:
      return ratio(total_processing_performance(c), read_input({&c.die_area, "die.area_mm2", 1.0}), 1.0);
    default: return raw(m);
  }
}

// The metrics read from a chip's values (raw_input's cases), first in the enum. A metric past them is read each
// time it is asked for, so a new raw metric added later in the enum is slower, never wrong.
constexpr std::size_t raw_metric_count = static_cast<std::size_t>(metric::usd_per_chip_hour) + 1;

}  // namespace

metric_value evaluate(const chip& c, metric m, precision p) {
  return evaluate_with(c, m, [&](metric raw_metric) { return read_raw(c, raw_metric, p); });
}

std::vector<metric_value> evaluate_each(const chip& c, std::span<const metric> metrics, precision p) {
  // compare's 18 metrics read the chip's values 25 times (its compute figure 9): read each once.
  std::array<std::optional<metric_value>, raw_metric_count> already_read;
  const auto raw = [&](metric raw_metric) {
    const auto index = static_cast<std::size_t>(raw_metric);
    if (index >= already_read.size()) return read_raw(c, raw_metric, p);
    if (!already_read[index]) already_read[index] = read_raw(c, raw_metric, p);
    return *already_read[index];
  };
  std::vector<metric_value> values;
  values.reserve(metrics.size());
  for (metric m : metrics) values.push_back(evaluate_with(c, m, raw));
  return values;
}

}  // namespace xpuspec
