#pragma once
// The computed answers each command prints. Renderers (table, JSON, CSV, Markdown) are pure functions of these.

#include <optional>
#include <string>
#include <vector>

#include "xpuspec/catalog.hpp"
#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"

namespace xpuspec {

inline constexpr int json_schema_version = 1;

struct list_report {
  std::vector<const chip*> chips;
};

// Chips, systems (data/systems/), or both.
enum class subject_kind { chip, system, all };
std::optional<subject_kind> subject_kind_from_string(std::string_view s);

struct list_filter {
  std::vector<std::string> vendors;   // case-insensitive; empty = all
  std::vector<std::string> statuses;  // empty = all
  // Unset: chips only when listing everything (a 384-chip system atop a ranking of chips answers another
  // question), any kind when the command names what it wants.
  std::optional<subject_kind> kind;
  // Released in or after this year or month ("2023", "2023-06"); a chip with no release date does not match.
  std::string since;
  bool any() const { return !vendors.empty() || !statuses.empty() || kind || !since.empty(); }
};
bool matches(const chip& c, const list_filter& filter);
list_report make_list(const catalog& cat, const list_filter& filter);

struct compare_row {
  const chip* subject;
  text requested;  // the name the user typed ("h100"), to say which SKU it resolved to
  std::vector<metric_value> values;            // one per compare_report::metrics
  std::vector<std::optional<double>> relative;  // value / baseline's value; empty without a baseline
};

// A compare's rows are evaluated when a view asks for one, not held for every chip: a CSV or JSON compare of
// 1,000 chips then streams them holding one row, where 17 values a chip were a seventh of its peak memory
// (issue 19: 2.5 KB per chip in all). A table evaluates every row once, to lay them out.
struct compare_report {
  bool long_form = false;  // CSV and TSV: one record per chip x metric (render::long_records)
  // What the rows are evaluated from, fixed when make_compare makes the report: a row is always the one these say.
  const precision prec = precision::bf16;
  const chip* const baseline = nullptr;
  const std::vector<metric> metrics;
  const std::vector<const chip*> subjects;
  const std::vector<text> requested;                // one per subject
  const std::vector<metric_value> baseline_values;  // one per metric; empty without a baseline

  std::size_t size() const noexcept { return subjects.size(); }
  compare_row row(std::size_t index) const;
  // One subject's value of metrics[m], and its ratio to the baseline's (nullopt without a baseline, or when
  // either is missing or the baseline's is not positive).
  metric_value value(std::size_t index, std::size_t m) const;
  std::optional<double> relative(const metric_value& v, std::size_t m) const;
};

std::vector<metric> default_compare_metrics();
// `requested` holds the names as typed, one per chip (may be empty: the ids are used).
compare_report make_compare(const std::vector<const chip*>& chips, precision p, std::vector<metric> metrics,
                            const chip* baseline, const std::vector<std::string>& requested = {});

struct rank_row {
  std::size_t rank = 0;  // 1-based; 0 for chips whose value is missing (listed last)
  const chip* subject;
  metric_value value;
};

struct rank_report {
  bool long_form = false;  // CSV and TSV: the long form compare has, one record per chip
  precision prec = precision::bf16;
  metric by = metric::tflops;
  bool ascending = false;
  std::vector<rank_row> rows;
};

rank_report make_rank(const std::vector<const chip*>& chips, metric by, precision p, bool ascending,
                      std::optional<std::size_t> top);

struct sheet_entry {
  std::string field;  // "compute.bf16.dense", "memory.bandwidth", ...
  const value* entry;
  std::string unit;   // canonical unit of the field
};

struct show_report {
  const chip* subject;
  std::vector<sheet_entry> entries;
};

show_report make_show(const chip& c);

// The audit view of a data set: every source each chip cites and what it is cited for, and every value that is
// not a plain vendor figure (derived, estimate, projected, measured) or is missing, with its note.
struct source_use {
  const chip* subject;
  const source_ref* source;
  std::vector<std::string> fields;  // the values that cite it
};

struct caveat {
  const chip* subject;
  std::string field;
  const value* entry;
};

// Which values `sources` lists: by default every value that is not a plain vendor figure, or is missing for a
// reason other than "unsupported"; or exactly the values of the given bases and absences.
struct value_selection {
  std::vector<basis> bases;
  std::vector<absence> absences;
  bool is_default() const { return bases.empty() && absences.empty(); }
  bool selects(const value& v) const;
  // "estimate, unpublished": how renderers name a chosen selection.
  std::string describe() const;
};

struct sources_report {
  std::vector<source_use> uses;  // with a chosen selection: only the sources cited by a selected value
  std::vector<caveat> caveats;   // the selected values
  value_selection selection;
};

sources_report make_sources(const std::vector<const chip*>& chips, const value_selection& selection = {});

struct metrics_report {
  precision prec = precision::bf16;
};

}  // namespace xpuspec
