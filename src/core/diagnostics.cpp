#include "xpuspec/diagnostics.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

namespace xpuspec {
namespace {

constexpr std::array<rule_def, 36> rules{{
    // Reading and structure: a file that breaks these cannot be loaded at all.
    {"file", severity::error, "A path given as a chip file must be a readable regular file of sane size."},
    {"json-syntax", severity::error, "A chip file must be valid JSON (UTF-8, no NaN/Infinity, numbers a double can hold)."},
    {"duplicate-key", severity::error, "JSON parsers keep one of two equal keys silently; the other value is lost."},
    {"unknown-key", severity::error, "A misspelt key (\"bandwith\") would otherwise be ignored, and its value read as unknown."},
    {"wrong-type", severity::error, "Each key has one shape (chip-file schema); anything else is a mistake, not data."},
    {"missing-key", severity::error, "id, name, vendor and status identify a chip; a source needs a title and a URL."},
    {"enum", severity::error, "status, basis and direction take a fixed set of words, so tools can rely on them."},
    {"pattern", severity::error, "ids, aliases and dates have one spelling, so names resolve and dates sort."},
    {"positive", severity::error, "Counts and prices are positive: 0 is never a stand-in for unknown."},
    {"schema", severity::error, "The file must match data/schema/chip.schema.json."},
    // Values: units, ranges and provenance.
    {"quantity", severity::error, "A value is a number with a unit (\"3.35 TB/s\") or unsupported/unpublished/unknown."},
    {"unit", severity::error, "A unit must exist and fit its field: a bandwidth in W, or TFLOPS for int8, is a slip."},
    {"positive-finite", severity::error, "Spec values are positive and finite: 0, negatives, NaN and inf are never data."},
    {"plausible-range", severity::error, "A value no accelerator has (1e-320 TB/s, a 1e300 GB memory) is a typo or a unit slip, and would make every ratio meaningless."},
    {"source-missing", severity::error, "Every known value must trace to a source; a number from nowhere is not data."},
    {"source-unknown", severity::error, "A value's source must be one of the file's \"sources\"."},
    {"source-url", severity::error, "A source must have an http(s) URL, so a reviewer can open it."},
    {"source-accessed", severity::error, "A source needs the date it was read (YYYY-MM-DD): web pages change."},
    {"note-required", severity::error, "An estimate, derivation or projection must say from what, in its note."},
    // Plausibility: the field's classic mistakes.
    {"sparse-below-dense", severity::error, "A sparse figure below the dense one means the two were swapped."},
    {"sparse-not-double", severity::error, "2:4 sparsity doubles dense throughput; any other ratio means a sparse figure was filed as dense or a typo."},
    {"precision-ladder", severity::error, "Lower precision is never slower on one chip (fp8 >= bf16 >= tf32 >= fp32 >= fp64); a break means a misfiled figure."},
    {"fp8-vs-bf16", severity::error, "No chip runs FP8 at more than twice its BF16 rate; more means a sparse FP8 figure beside a dense BF16 one."},
    {"efficiency-bounds", severity::warning, "Dense TFLOPS per watt above 20 or a roofline knee outside 1..5000 FLOP/byte is physically implausible today."},
    {"memory-bounds", severity::error, "Bandwidth and capacity must be possible for the memory type (an HBM2e part at 10 TB/s is wrong, or 1024-based)."},
    {"memory-year", severity::warning, "A memory type cannot ship before it existed (HBM3e before 2023)."},
    {"announced-basis", severity::warning, "Figures for a chip that is not shipping are projections, and should be marked so."},
    {"release-passed", severity::warning, "A chip still announced or projected after its release date has shipped or slipped: say which."},
    {"die-bounds", severity::error, "A logic die is at most the reticle (858 mm²) and no process packs 350 million transistors per mm²: more means per-die and total, or units, were mixed."},
    {"price-age", severity::warning, "A price is dated: its source needs the price list's date, and a price older than 12 months no longer says what the chip costs."},
    {"source-older", severity::info, "A source older than the newest one a chip cites may have been revised by it: worth a look, not an error."},
    {"interconnect-direction", severity::warning, "Scale-up bandwidth per direction and with both directions added differ by 2x: say which (or \"unstated\")."},
    // Across files.
    {"duplicate-id", severity::error, "Two files with one id: which one a name means would depend on load order."},
    {"duplicate-values", severity::warning, "Two chips with every spec figure equal are one SKU under two ids, or a copied file whose figures were never edited."},
    {"duplicate-alias", severity::error, "Two chips answering to one alias: a user typing it could get either."},
    {"id-filename", severity::error, "A chip's file is named after its id (ID.json), so the file for a chip is easy to find."},
}};

}  // namespace

std::string_view to_string(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
  }
  return "error";
}

std::span<const rule_def> all_rules() { return rules; }

const rule_def* find_rule(std::string_view id) {
  for (const auto& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string to_line(const finding& f) {
  if (f.where.line == 0) return fmt::format("{}: {}", f.file, f.message);
  return located(f.file, f.where, f.message);
}

finding make_finding(std::string file, text_position where, std::string_view rule, std::string message) {
  const rule_def* def = find_rule(rule);
  return {std::move(file), where, def ? def->level : severity::error, std::move(message), std::string(rule)};
}

void sort_by_position(std::vector<finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
}

}  // namespace xpuspec
