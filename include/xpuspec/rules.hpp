#pragma once
// validate's rules, listed once: each rule's id (an enumerator for code, a word for users and tools), its severity
// and the one sentence saying which mistake it exists to catch. The enum and the table are both made from this list,
// so they cannot drift apart; code names a rule by its enumerator and never by its text.

#include <cstdint>
#include <optional>
#include <string_view>

namespace xpuspec {

// info: worth a reader's look, never a failure (not even with --strict).
enum class severity { error, warning, info };
std::string_view to_string(severity s);

// X(enumerator, id, severity, why)
// clang-format off
#define XPUSPEC_RULES(X) \
  /* Reading and structure: a file that breaks these cannot be loaded at all. */ \
  X(file, "file", error, "A path given as a chip file must be a readable regular file of sane size.") \
  X(json_syntax, "json-syntax", error, "A chip file must be valid JSON (UTF-8, no NaN/Infinity, numbers a double can hold).") \
  X(duplicate_key, "duplicate-key", error, "JSON parsers keep one of two equal keys silently; the other value is lost.") \
  X(unknown_key, "unknown-key", error, "A misspelt key (\"bandwith\") would otherwise be ignored, and its value read as unknown.") \
  X(wrong_type, "wrong-type", error, "Each key has one shape (chip-file schema); anything else is a mistake, not data.") \
  X(missing_key, "missing-key", error, "id, name, vendor and status identify a chip; a source needs a title and a URL.") \
  X(enum_word, "enum", error, "status, basis and direction take a fixed set of words, so tools can rely on them.") \
  X(pattern, "pattern", error, "ids, aliases and dates have one spelling, so names resolve and dates sort.") \
  X(positive, "positive", error, "Counts and prices are positive: 0 is never a stand-in for unknown.") \
  X(schema, "schema", error, "The file must match data/schema/chip.schema.json.") \
  /* Values: units, ranges and provenance. */ \
  X(quantity, "quantity", error, "A value is a number with a unit (\"3.35 TB/s\") or unsupported/unpublished/unknown.") \
  X(unit, "unit", error, "A unit must exist and fit its field: a bandwidth in W, or TFLOPS for int8, is a slip.") \
  X(positive_finite, "positive-finite", error, "Spec values are positive and finite: 0, negatives, NaN and inf are never data.") \
  X(plausible_range, "plausible-range", error, "A value no accelerator has (1e-320 TB/s, a 1e300 GB memory) is a typo or a unit slip, and would make every ratio meaningless.") \
  X(source_missing, "source-missing", error, "Every known value must trace to a source; a number from nowhere is not data.") \
  X(source_unknown, "source-unknown", error, "A value's source must be one of the file's \"sources\".") \
  X(source_url, "source-url", error, "A source must have an http(s) URL, so a reviewer can open it.") \
  X(source_accessed, "source-accessed", error, "A source needs the date it was read (YYYY-MM-DD): web pages change.") \
  X(note_required, "note-required", error, "An estimate, derivation or projection must say from what, in its note.") \
  /* Plausibility: the field's classic mistakes. */ \
  X(sparse_below_dense, "sparse-below-dense", error, "A sparse figure below the dense one means the two were swapped.") \
  X(sparse_not_double, "sparse-not-double", error, "2:4 sparsity doubles dense throughput; any other ratio means a sparse figure was filed as dense or a typo.") \
  X(precision_ladder, "precision-ladder", error, "Lower precision is never slower on one chip (fp8 >= bf16 >= tf32 >= fp32 >= fp64); a break means a misfiled figure.") \
  X(fp8_vs_bf16, "fp8-vs-bf16", error, "No chip runs FP8 at more than twice its BF16 rate; more means a sparse FP8 figure beside a dense BF16 one.") \
  X(efficiency_bounds, "efficiency-bounds", warning, "Dense TFLOPS per watt above 20 or a roofline knee outside 1..5000 FLOP/byte is physically implausible today.") \
  X(memory_bounds, "memory-bounds", error, "Bandwidth and capacity must be possible for the memory type (an HBM2e part at 10 TB/s is wrong, or 1024-based).") \
  X(memory_year, "memory-year", warning, "A memory type cannot ship before it existed (HBM3e before 2023).") \
  X(announced_basis, "announced-basis", warning, "Figures for a chip that is not shipping are projections, and should be marked so.") \
  X(release_passed, "release-passed", warning, "A chip still announced or projected after its release date has shipped or slipped: say which.") \
  X(die_bounds, "die-bounds", error, "A logic die is at most the reticle (858 mm²) and no process packs 350 million transistors per mm²: more means per-die and total, or units, were mixed.") \
  X(price_age, "price-age", warning, "A price is dated: its source needs the price list's date, and a price older than 12 months no longer says what the chip costs.") \
  X(source_older, "source-older", info, "A source older than the newest one a chip cites may have been revised by it: worth a look, not an error.") \
  X(interconnect_direction, "interconnect-direction", warning, "Scale-up bandwidth per direction and with both directions added differ by 2x: say which (or \"unstated\").") \
  /* Across files. */ \
  X(duplicate_id, "duplicate-id", error, "Two files with one id: which one a name means would depend on load order.") \
  X(duplicate_values, "duplicate-values", warning, "Two chips with every spec figure equal are one SKU under two ids, or a copied file whose figures were never edited.") \
  X(duplicate_alias, "duplicate-alias", error, "Two chips answering to one alias: a user typing it could get either.") \
  X(id_filename, "id-filename", error, "A chip's file is named after its id (ID.json), so the file for a chip is easy to find.") \
// clang-format on

enum class rule_id : std::uint8_t {
#define XPUSPEC_RULE_ENUMERATOR(enumerator, id, level, why) enumerator,
  XPUSPEC_RULES(XPUSPEC_RULE_ENUMERATOR)
#undef XPUSPEC_RULE_ENUMERATOR
};

std::string_view to_string(rule_id r);  // "unknown-key"
std::optional<rule_id> rule_from_string(std::string_view id);

}  // namespace xpuspec
