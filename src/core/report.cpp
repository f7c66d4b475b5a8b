#include "xpuspec/report.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "xpuspec/names.hpp"
#include "xpuspec/fields.hpp"

namespace xpuspec {
namespace {

bool contains_folded(const std::vector<std::string>& wanted, std::string_view actual) {
  if (wanted.empty()) return true;
  const std::string lower = to_lower(actual);
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return to_lower(w) == lower; });
}

}  // namespace

namespace {
std::vector<const chip*> all_chips(const catalog& cat) {
  std::vector<const chip*> out;
  out.reserve(cat.chips().size());
  for (const auto& c : cat.chips()) out.push_back(&c);
  return out;
}
}  // namespace

std::optional<subject_kind> subject_kind_from_string(std::string_view s) {
  if (s == "chip") return subject_kind::chip;
  if (s == "system") return subject_kind::system;
  if (s == "all") return subject_kind::all;
  return std::nullopt;
}

bool matches(const chip& c, const list_filter& filter) {
  const subject_kind kind = filter.kind.value_or(subject_kind::chip);
  const bool kind_matches = kind == subject_kind::all || (kind == subject_kind::system) == c.is_system();
  // Dates compare as text: "2023" < "2023-06" < "2024", and a month is at or after its year.
  const bool recent_enough = filter.since.empty() || (!c.released.empty() && c.released.view() >= filter.since);
  return kind_matches && recent_enough && contains_folded(filter.vendors, c.vendor) &&
         contains_folded(filter.statuses, c.status);
}

list_report make_list(const catalog& cat, const list_filter& filter) {
  list_report report;
  // Systems are built only when the filter can want them.
  const bool with_systems = filter.kind.value_or(subject_kind::chip) != subject_kind::chip;
  for (const chip* c : with_systems ? cat.chips_and_systems() : all_chips(cat)) {
    if (matches(*c, filter)) report.chips.push_back(c);
  }
  return report;
}

std::vector<metric> default_compare_metrics() {
  std::vector<metric> out;
  for (const auto& d : all_metrics()) out.push_back(d.id);
  return out;
}

compare_report make_compare(const std::vector<const chip*>& chips, precision p, std::vector<metric> metrics,
                            const chip* baseline, const std::vector<std::string>& requested) {
  // A metric named twice (--metrics tflops,tflops) is one column: its JSON is an object keyed by metric id, where
  // a name may appear once.
  std::vector<metric> columns;
  for (metric m : metrics) {
    if (std::find(columns.begin(), columns.end(), m) == columns.end()) columns.push_back(m);
  }
  std::vector<metric_value> baseline_values;
  if (baseline) baseline_values = evaluate_each(*baseline, columns, p);
  std::vector<text> names;
  names.reserve(chips.size());
  for (std::size_t k = 0; k < chips.size(); ++k) {
    names.push_back(k < requested.size() ? text(requested[k]) : chips[k]->id);
  }
  return {false, p, baseline, std::move(columns), chips, std::move(names), std::move(baseline_values)};
}

metric_value compare_report::value(std::size_t index, std::size_t m) const {
  return evaluate(*subjects[index], metrics[m], prec);
}

std::optional<double> compare_report::relative(const metric_value& v, std::size_t m) const {
  if (!baseline) return std::nullopt;
  const metric_value& theirs = baseline_values[m];
  if (v.known() && theirs.known() && *theirs.number > 0) return *v.number / *theirs.number;
  return std::nullopt;
}

compare_row compare_report::row(std::size_t index) const {
  compare_row out{subjects[index], requested[index], evaluate_each(*subjects[index], metrics, prec), {}};
  if (baseline) {
    out.relative.reserve(metrics.size());
    for (std::size_t m = 0; m < metrics.size(); ++m) out.relative.push_back(relative(out.values[m], m));
  }
  return out;
}

rank_report make_rank(const std::vector<const chip*>& chips, metric by, precision p, bool ascending,
                      std::optional<std::size_t> top) {
  rank_report report;
  report.prec = p;
  report.by = by;
  report.ascending = ascending;
  for (const chip* c : chips) report.rows.push_back({0, c, evaluate(*c, by, p)});
  // Known values in the asked order, ties by id so the output is stable; missing values last, by id.
  std::stable_sort(report.rows.begin(), report.rows.end(), [&](const rank_row& a, const rank_row& b) {
    if (a.value.known() != b.value.known()) return a.value.known();
    if (a.value.known() && *a.value.number != *b.value.number) {
      return ascending ? *a.value.number < *b.value.number : *a.value.number > *b.value.number;
    }
    return a.subject->id < b.subject->id;
  });
  std::size_t rank = 0;
  for (auto& row : report.rows) {
    if (row.value.known()) row.rank = ++rank;
  }
  if (top && report.rows.size() > *top) report.rows.resize(*top);
  return report;
}

show_report make_show(const chip& c) {
  show_report report{&c, {}};
  for_each_value(c, [&](std::string field, const value& v, std::string_view unit) {
    // A precision or silicon detail the file never mentions is noise on a sheet; one it marks unsupported or
    // unpublished is information. The headline fields (memory, power, ...) are listed even when absent.
    const bool optional = field.starts_with("compute.") || field.starts_with("die.") || field == "memory.stacks";
    if (!v.known() && v.written.empty() && v.note.empty() && optional) return;
    report.entries.push_back({std::move(field), &v, std::string(unit)});
  });
  return report;
}

bool value_selection::selects(const value& v) const {
  if (is_default()) {
    // "unsupported" is a fact about the chip, not a gap in the data.
    return v.known() ? v.basis != basis::vendor : !v.written.empty() && v.missing != absence::unsupported;
  }
  if (v.known()) return std::find(bases.begin(), bases.end(), v.basis) != bases.end();
  return !v.written.empty() && std::find(absences.begin(), absences.end(), v.missing) != absences.end();
}

std::string value_selection::describe() const {
  std::vector<std::string_view> words;
  for (basis b : bases) words.push_back(to_string(b));
  for (absence a : absences) words.push_back(to_string(a));
  return fmt::format("{}", fmt::join(words, ", "));
}

sources_report make_sources(const std::vector<const chip*>& chips, const value_selection& selection) {
  sources_report report;
  report.selection = selection;
  for (const chip* c : chips) {
    for (const auto& s : c->sources) {
      source_use use{c, &s, {}};
      for_each_value(*c, [&](const std::string& field, const value& v, std::string_view) {
        const bool cited = v.source == s.id && (v.known() || !v.note.empty());
        if (cited && (selection.is_default() || selection.selects(v))) use.fields.push_back(field);
      });
      if (selection.is_default() || !use.fields.empty()) report.uses.push_back(std::move(use));
    }
    for_each_value(*c, [&](const std::string& field, const value& v, std::string_view) {
      if (selection.selects(v)) report.caveats.push_back({c, field, &v});
    });
  }
  return report;
}

}  // namespace xpuspec
