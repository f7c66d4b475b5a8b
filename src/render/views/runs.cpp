// `runs`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {
namespace {

std::string percent(double fraction) { return human_number(fraction * 100) + "%"; }

cell percent_cell(const metric_value& v) {
  if (!v.known()) return {std::string(to_string(v.missing)), true, true};
  return {percent(*v.number) + std::string(basis_marker(v.basis)), true, false};
}

json fraction_json(const std::optional<double>& x) { return number_or_null(x); }

// "6 x 405e9 x 15.6e12 = 3.791e25 FLOP / (3.084e7 h x 3600 s x 989.4 TFLOPS) = 34.51%": checkable by hand.
std::string arithmetic(const run_row& row) {
  const training_run& run = row.run;
  const std::string flop = fmt::format("6 x {}e9 x {}e12 = {} FLOP", human_number(run.params_active_b),
                                       human_number(run.tokens_t), human_number(row.model_flop));
  if (!row.implied_mfu.known()) return fmt::format("{}; no implied MFU: {}", flop, row.implied_mfu.reason);
  return fmt::format("{} / ({} h x 3600 s x {} {} {} dense{}) = {}", flop, human_number(*run.chip_hours),
                     human_number(*row.peak.number), metric_unit(metric::tflops, run.peak_precision),
                     to_string(run.peak_precision), basis_marker(row.peak.basis), percent(*row.implied_mfu.number));
}

}  // namespace

template <>
struct view<runs_report> {
  static grid layout(const runs_report& r) {
    grid g;
    g.preamble.emplace_back("implied MFU", "6 x active parameters x tokens / (chip-hours x 3600 x dense peak)");
    g.headers = {"run", "chip", "chips", "active B", "tokens T", "chip-hours", "implied MFU", "reported MFU"};
    for (const auto& row : r.rows) {
      const training_run& run = row.run;
      g.rows.push_back({{run.id},
                        {row.subject->id},
                        number_cell(run.chips),
                        number_cell(run.params_active_b),
                        number_cell(run.tokens_t),
                        number_cell(run.chip_hours),
                        percent_cell(row.implied_mfu),
                        run.reported_mfu ? cell{percent(*run.reported_mfu), true, false} : cell{"unpublished", true, true}});
    }
    for (const auto& row : r.rows) {
      g.notes.push_back(fmt::format("{}: {}", row.run.id, arithmetic(row)));
      for (const auto& note : row.run.notes) g.notes.push_back("  " + note);
    }
    g.notes.emplace_back(
        "published chip-hours may include restarts, evaluation, downtime or later stages (see each run's notes), so the "
        "implied MFU can be below the MFU a run reports");
    for (const auto& s : r.data.sources) {
      g.notes.push_back(fmt::format("[{}] {} {}{}", s.id, s.title, s.url, s.via.empty() ? "" : " (read via " + s.via + ")"));
    }
    g.notes.emplace_back(basis_legend);
    return g;
  }

  static json document(const runs_report& r) {
    json runs = json::array();
    for (const auto& row : r.rows) {
      const training_run& run = row.run;
      runs.push_back({{"id", run.id},
                      {"model", run.model},
                      {"organisation", run.organisation},
                      {"params_total_b", run.params_total_b},
                      {"params_active_b", run.params_active_b},
                      {"tokens_t", run.tokens_t},
                      {"chip", row.subject->id},
                      {"chips", number_or_null(run.chips)},
                      {"chip_hours", number_or_null(run.chip_hours)},
                      {"model_flop", row.model_flop},
                      {"peak_precision", to_string(run.peak_precision)},
                      {"peak_tflops", metric_json(row.peak)},
                      {"implied_mfu", fraction_json(row.implied_mfu.number)},
                      {"implied_mfu_detail", metric_json(row.implied_mfu)},
                      {"reported_mfu", fraction_json(run.reported_mfu)},
                      {"sources", run.sources},
                      {"notes", run.notes}});
    }
    json sources = sources_json(r.data.sources);
    return json({{"schema_version", json_schema_version}, {"runs", std::move(runs)}, {"sources", std::move(sources)}});
  }

  static records rows(const runs_report& r) {
    records out{{"id", "model", "chip", "chips", "params_active_b", "tokens_t", "chip_hours", "model_flop",
                 "peak_tflops", "implied_mfu", "reported_mfu"},
                {}};
    for (const auto& row : r.rows) {
      const training_run& run = row.run;
      out.rows.push_back({run.id, run.model, row.subject->id, field_number(run.chips), field_number(run.params_active_b),
                          field_number(run.tokens_t), field_number(run.chip_hours), field_number(row.model_flop),
                          field_number(row.peak.number), field_number(row.implied_mfu.number),
                          field_number(run.reported_mfu)});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(runs_report);

}  // namespace xpuspec::render
