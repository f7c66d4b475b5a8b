// `train`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

// "0.345 implied by run llama-3.1-405b (Llama 3.1 405B on nvidia-h100-sxm)".
inline std::string utilisation_origin(const utilisation_choice& u) {
  if (u.given) return fmt::format("{} (given with --mfu)", human_number(u.mfu));
  if (!u.runs_given) return fmt::format("{}: the fallback (no published runs were given); give --mfu", human_number(u.mfu));
  if (!u.run) return fmt::format("{}: no published run on this vendor's chips (`xpuspec runs`); give --mfu", human_number(u.mfu));
  return fmt::format("{} {} by run {} ({} on {}; `xpuspec runs`){}", human_number(u.mfu),
                     u.run->implied ? "implied" : "reported", u.run->run_id, u.run->model, u.run->chip_id,
                     u.run->implied ? ""
                                    : ": the report's own figure, as no run on this vendor's chips publishes chip-hours; "
                                      "figures implied by chip-hours run lower (Llama 3.1 405B: 38-43% reported, 34.5% "
                                      "implied)");
}

template <>
struct view<train_report> {
  static grid layout(const train_report& r) {
    const train_job& job = r.job;
    grid g;
    g.preamble.emplace_back("model", fmt::format("{} parameters, {} active per token; {} tokens", big_number(job.params),
                                                 big_number(job.active_params), big_number(job.tokens)));
    g.preamble.emplace_back("compute", fmt::format("{} FLOP = 6 x active parameters x tokens", big_number(r.flops)));
    const std::string mfu = job.mfu ? fmt::format("MFU {} (given)", human_number(*job.mfu))
                                    : std::string("MFU per chip from published runs (see notes)");
    g.preamble.emplace_back("assumes", fmt::format("{} of dense {} peak; training state {} bytes per parameter "
                                                   "(activations not counted); energy at TDP (a system's: its system "
                                                   "power) for the whole run",
                                                   mfu, to_string(job.prec), human_number(job.bytes_per_param)));
    if (job.days) {
      g.preamble.emplace_back("deadline", fmt::format("{} day{}", human_number(*job.days), *job.days == 1 ? "" : "s"));
    }
    if (job.chips) g.preamble.emplace_back("fleet", fmt::format("{} chips", *job.chips));
    g.headers = {"chip", metric_unit(metric::tflops, job.prec), "MFU", "chips (time)", "chips (memory)", "chips",
                 "binding", "days", "energy MWh"};
    for (const auto& row : r.rows) {
      g.rows.push_back({{row.subject->id},
                        metric_cell(row.tflops, false),
                        {fmt::format("{} {}", human_number(row.utilisation.mfu),
                                     row.utilisation.given ? "given"
                                     : !row.utilisation.run ? "default"
                                     : row.utilisation.run->implied ? "implied" : "reported"),
                         true},
                        count_cell(row.chips_for_time),
                        count_cell(row.chips_for_memory),
                        count_cell(row.chips),
                        {row.fits ? row.binding : "does not fit"},
                        number_cell(row.days),
                        number_cell(row.energy_mwh)});
    }
    for (const auto& row : r.rows) {
      if (row.subject->is_system()) {
        g.notes.push_back(fmt::format("{}: a system of {} chips; its chip counts are systems", row.subject->id,
                                      row.subject->system_chips));
      }
    }
    if (!job.mfu) {
      for (const auto& row : r.rows) g.notes.push_back(fmt::format("{}: MFU {}", row.subject->id, utilisation_origin(row.utilisation)));
    }
    for (const auto& row : r.rows) {
      if (!row.missing_reason.empty()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.missing_reason));
      if (!row.fits) {
        g.notes.push_back(fmt::format("{}: the training state needs {} chips' memory, more than the {} given",
                                      row.subject->id, *row.chips_for_memory, *row.chips));
      }
    }
    g.notes.emplace_back(basis_legend);
    return g;
  }

  static json document(const train_report& r) {
    json rows = json::array();
    for (const auto& row : r.rows) {
      json entry = chip_summary(*row.subject);
      entry["tflops"] = metric_json(row.tflops);
      entry["mfu"] = row.utilisation.mfu;
      entry["mfu_from"] = row.utilisation.given ? json("given")
                          : row.utilisation.run ? json({{"run", row.utilisation.run->run_id},
                                                        {"chip", row.utilisation.run->chip_id},
                                                        {"kind", row.utilisation.run->implied ? "implied" : "reported"}})
                                                : json("fallback");
      entry["chips_for_time"] = count_or_null(row.chips_for_time);
      entry["chips_for_memory"] = count_or_null(row.chips_for_memory);
      entry["chips"] = count_or_null(row.chips);
      entry["binding"] = row.binding.empty() ? json(nullptr) : json(row.binding);
      entry["fits"] = row.fits;
      entry["days"] = number_or_null(row.days);
      entry["energy_mwh"] = number_or_null(row.energy_mwh);
      entry["missing_reason"] = row.missing_reason.empty() ? json(nullptr) : json(row.missing_reason);
      rows.push_back(std::move(entry));
    }
    const train_job& job = r.job;
    return json({{"schema_version", json_schema_version},
                 {"assumptions", {{"params", job.params}, {"active_params", job.active_params}, {"tokens", job.tokens},
                                  {"mfu", number_or_null(job.mfu)}, {"bytes_per_param", job.bytes_per_param},
                                  {"precision", to_string(job.prec)}, {"days", number_or_null(job.days)},
                                  {"chips", count_or_null(job.chips)},
                                  {"flops_formula", "6 * active_params * tokens"},
                                  {"energy", "TDP (a system's: its system power) x chips x hours"}}},
                 {"flops", r.flops},
                 {"chips", std::move(rows)}});
  }

  static records rows(const train_report& r) {
    records out{{"id", "tflops", "mfu", "mfu_run", "chips_for_time", "chips_for_memory", "chips", "binding", "fits", "days",
                              "energy_mwh"}, {}};
    for (const auto& row : r.rows) {
      out.rows.push_back({row.subject->id, field_number(row.tflops.number), field_number(row.utilisation.mfu),
                     row.utilisation.run ? row.utilisation.run->run_id : "", field_count(row.chips_for_time), field_count(row.chips_for_memory),
                     field_count(row.chips), row.binding, row.fits ? "true" : "false", field_number(row.days),
                     field_number(row.energy_mwh)});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(train_report);

}  // namespace xpuspec::render
