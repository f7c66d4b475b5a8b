#pragma once
// A chip spec sheet as loaded: every value knows its unit, basis and source, and a value that is not there says
// why (unsupported, unpublished, unknown) instead of being 0.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/text.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec {

// Ordered from most to least trustworthy; a metric computed from several values takes the least trustworthy.
enum class basis : std::uint8_t { vendor, measured, derived, estimate, projected };
enum class absence : std::uint8_t { unsupported, unpublished, unknown };

std::string_view to_string(basis b);
std::string_view to_string(absence a);
std::optional<basis> basis_from_string(std::string_view s);
std::optional<absence> absence_from_string(std::string_view s);

struct value {
  maybe_amount amount;                  // in the canonical unit of its dimension; set iff the value is known
  absence missing = absence::unknown;   // why there is no amount; meaningful only when !amount
  xpuspec::basis basis = xpuspec::basis::vendor;
  // A dense figure given as the precision's whole entry ("bf16": "989 TFLOPS"): its place in the file is
  // /compute/bf16, not /compute/bf16/dense. pointer_of() (fields.hpp) says where any value is.
  bool short_form = false;
  text source;                          // key into chip::sources; empty for a missing value with no source
  text note;
  text written;                         // the value as the file wrote it, for `show`

  bool known() const { return amount.has_value(); }
  bool operator==(const value&) const = default;
};
static_assert(sizeof(value) <= 24, "a chip holds 35 values: keep them small (issue 15: 100,000 chips in 250 MB)");

enum class precision { fp64, fp64_tensor, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4 };
inline constexpr std::size_t precision_count = 11;
inline constexpr std::array<precision, precision_count> all_precisions{
    precision::fp64, precision::fp64_tensor, precision::fp32, precision::tf32, precision::bf16, precision::fp16,
    precision::fp8,  precision::fp6,         precision::fp4,  precision::int8, precision::int4};

std::string_view to_string(precision p);
std::optional<precision> precision_from_string(std::string_view s);
bool is_integer(precision p);
// The bit length of an operation's inputs, as export-control rules count it: "the largest bit-length of the inputs
// to the multiply operation" (ECCN 3A090 Technical Note 1.c). A TF32 multiply's inputs are TF32 values, 19 bits
// (sign, 8 exponent, 10 mantissa), though they sit in 32-bit registers.
int bit_length(precision p);

struct rate {
  value dense;
  value sparse;
  bool operator==(const rate&) const = default;
};

struct source_ref {
  text id;
  text title;
  text url;
  text accessed;
  text publisher;
  // Where the text was actually read when it was not `url` itself (a stored copy, a mirror, a reproduction): a
  // value is only as good as what was read, so say what that was.
  text via;
  // The date the document itself carries (publication, revision, price list): YYYY[-MM[-DD]], or empty. Unlike
  // `accessed`, it ages: a price list of two years ago is stale however recently it was read.
  text published;
  bool operator==(const source_ref&) const = default;
};

// A value field added here gets its row in value_fields (xpuspec/fields.hpp), which the loader, `show`, the
// digester and the man page walk; a text field is read in load.cpp and written in tools/digest_chips.cpp (the
// "digested chips equal the loaded files" test fails until it is).
struct chip {
  text id;
  text name;
  text vendor;
  text family;
  text form_factor;
  text status;
  text released;
  std::vector<text> aliases;
  std::vector<text> notes;

  text process_node;
  std::optional<double> process_nm;

  // Logic dies only (not HBM or base dies), the silicon export-control rules measure.
  value die_count;
  value die_area;  // mm², all logic dies added
  value transistors;  // billions, on the logic dies

  std::array<rate, precision_count> compute;

  value memory_capacity;
  text memory_type;
  value memory_bandwidth;
  value memory_stacks;  // HBM stacks populated

  value tdp;
  text power_term;

  text interconnect_name;
  value interconnect_bandwidth;
  text interconnect_direction;
  value interconnect_domain;  // chips in one scale-up domain (a plain count)

  value price_usd;
  // The lowest public on-demand cloud price per chip-hour among those read: an instance's price / its chips.
  value price_cloud_hour;

  text default_source;
  std::vector<source_ref> sources;

  text origin;  // the file it came from ("bundled:ID.json" for compiled-in data)
  bool bundled = false;

  // A system (data/systems/, xpuspec/systems.hpp) is a chip record whose values are the whole system's: the chip
  // it is built from and how many. Empty and 0 for a chip.
  text system_chip;
  std::uint32_t system_chips = 0;
  bool is_system() const { return system_chips > 0; }

  const rate& at(precision p) const { return compute[static_cast<std::size_t>(p)]; }
  rate& at(precision p) { return compute[static_cast<std::size_t>(p)]; }
  const source_ref* find_source(std::string_view source_id) const;
  bool operator==(const chip&) const = default;
};

inline constexpr std::array<std::string_view, 4> chip_statuses{"shipping", "announced", "projected", "discontinued"};

}  // namespace xpuspec
