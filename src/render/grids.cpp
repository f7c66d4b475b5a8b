#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "render/grid.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec::render {
namespace {

// Values that are not straight off a datasheet carry a marker, so an estimate never passes for a vendor figure.
std::string_view basis_marker(basis b) {
  switch (b) {
    case basis::vendor: return "";
    case basis::measured: return " [m]";
    case basis::derived: return " [d]";
    case basis::estimate: return " [e]";
    case basis::projected: return " [p]";
  }
  return "";
}

constexpr std::string_view basis_legend =
    "[d] derived from vendor figures  [e] estimate  [p] projected (not shipping)  [m] measured  —  missing";

cell metric_cell(const metric_value& v, bool derived) {
  if (v.known()) return {human_number(*v.number) + std::string(basis_marker(v.basis)), true, false};
  // A raw value says why it is missing; a ratio over it is just missing, its reason listed below the table.
  return {derived ? "—" : std::string(to_string(v.missing)), true, true};
}

// The value in the field's unit, and as the file wrote it when that was another unit ("137.4 GB (128 GiB)"),
// so a reader can match it to the datasheet.
std::string written_value(const value& v, std::string_view unit) {
  if (!v.known()) return std::string(to_string(v.missing));
  std::string text = fmt::format("{} {}", human_number(*v.amount), unit);
  try {
    const quantity_text as_written = split_quantity(v.written);
    if (!as_written.unit.empty() && as_written.unit != unit) text += fmt::format(" ({})", v.written);
  } catch (const error&) {
    // Plain counts and prices are written without a unit; nothing to add.
  }
  return text;
}

}  // namespace

grid list_grid(const list_report& r) {
  grid g;
  g.headers = {"id", "name", "vendor", "form factor", "status", "released"};
  for (const chip* c : r.chips) {
    g.rows.push_back({{c->id}, {c->name}, {c->vendor}, {c->form_factor}, {c->status}, {c->released}});
  }
  g.notes.push_back(fmt::format("{} chip{}", r.chips.size(), r.chips.size() == 1 ? "" : "s"));
  return g;
}

grid show_grid(const show_report& r) {
  const chip& c = *r.subject;
  grid g;
  auto add = [&](std::string key, const std::string& text) {
    if (!text.empty()) g.preamble.emplace_back(std::move(key), text);
  };
  add("chip", fmt::format("{} ({})", c.name, c.id));
  add("vendor", c.vendor);
  add("family", c.family);
  add("form factor", c.form_factor);
  add("status", c.status);
  add("released", c.released);
  if (!c.process_node.empty() || c.process_nm) {
    add("process", c.process_nm ? fmt::format("{} ({} nm)", c.process_node, human_number(*c.process_nm))
                                : c.process_node);
  }
  add("memory type", c.memory_type);
  add("power term", c.power_term);
  if (!c.interconnect_name.empty() || !c.interconnect_direction.empty()) {
    add("interconnect", c.interconnect_direction.empty()
                            ? c.interconnect_name
                            : fmt::format("{} ({})", c.interconnect_name, c.interconnect_direction));
  }
  add("aliases", fmt::format("{}", fmt::join(c.aliases, ", ")));
  add("from", c.bundled ? fmt::format("bundled data ({})", c.origin) : c.origin);

  g.headers = {"field", "value", "basis", "source", "note"};
  for (const auto& e : r.entries) {
    const value& v = *e.entry;
    g.rows.push_back({{e.field},
                      {written_value(v, e.unit), true, !v.known()},
                      {v.known() ? std::string(to_string(v.basis)) : "", false, false},
                      {v.source},
                      {v.note}});
  }
  for (const auto& note : c.notes) g.notes.push_back("Note: " + note);
  for (const auto& s : c.sources) {
    g.notes.push_back(fmt::format("[{}] {}{}{}: {}{}{}", s.id, s.title, s.publisher.empty() ? "" : ", " + s.publisher,
                                  s.published.empty() ? "" : ", " + s.published, s.url,
                                  s.via.empty() ? "" : fmt::format(" (read via {})", s.via),
                                  s.accessed.empty() ? "" : fmt::format(" (accessed {})", s.accessed)));
  }
  return g;
}

grid compare_grid(const compare_report& r) {
  grid g;
  g.preamble.emplace_back("precision", fmt::format("{} (dense; sparse figures are never compared)", to_string(r.prec)));
  if (r.baseline) g.preamble.emplace_back("baseline", fmt::format("{} (ratios are value / baseline)", r.baseline->id));
  g.headers = {"metric", "unit"};
  g.key_columns = 2;  // one column per chip: on a narrow terminal they wrap, each block with metric and unit
  for (const auto& row : r.rows) g.headers.push_back(row.subject->id);
  bool any_marker = false;
  for (std::size_t m = 0; m < r.metrics.size(); ++m) {
    const metric_def& def = definition(r.metrics[m]);
    std::vector<cell> line{{std::string(def.name)}, {metric_unit(def.id, r.prec)}};
    for (const auto& row : r.rows) {
      cell c = metric_cell(row.values[m], def.derived);
      any_marker = any_marker || row.values[m].basis != basis::vendor || c.muted;
      if (!row.relative.empty() && row.relative[m]) c.text += fmt::format(" ({})", human_ratio(*row.relative[m]));
      line.push_back(std::move(c));
    }
    g.rows.push_back(std::move(line));
  }
  for (const auto& row : r.rows) {
    const chip& c = *row.subject;
    const std::string typed = row.requested == c.id ? "" : fmt::format("{} = ", row.requested);
    g.notes.push_back(fmt::format("{}{}: {}{}", typed, c.id, c.name, c.bundled ? "" : fmt::format(" (from {})", c.origin)));
  }
  for (const auto& row : r.rows) {
    std::set<std::string> reasons;
    for (const auto& v : row.values) {
      if (!v.known()) reasons.insert(v.reason);
    }
    for (const auto& reason : reasons) g.notes.push_back(fmt::format("{}: {}", row.subject->id, reason));
  }
  if (any_marker) g.notes.emplace_back(basis_legend);
  return g;
}

grid rank_grid(const rank_report& r) {
  const metric_def& def = definition(r.by);
  grid g;
  g.preamble.emplace_back("ranked by", fmt::format("{} ({}), {}", def.name, metric_unit(r.by, r.prec),
                                                   r.ascending ? "lowest first" : "highest first"));
  g.preamble.emplace_back("precision", fmt::format("{} (dense)", to_string(r.prec)));
  g.headers = {"#", "id", "vendor", std::string(def.name)};
  double largest = 0;
  for (const auto& row : r.rows) {
    if (row.value.known()) largest = std::max(largest, *row.value.number);
  }
  bool any_marker = false;
  for (const auto& row : r.rows) {
    cell value = metric_cell(row.value, def.derived);
    any_marker = any_marker || row.value.basis != basis::vendor || value.muted;
    g.rows.push_back({{row.rank ? std::to_string(row.rank) : "-", true}, {row.subject->id}, {row.subject->vendor},
                      std::move(value)});
    if (row.value.known() && largest > 0) {
      g.bars.emplace_back(*row.value.number / largest);
    } else {
      g.bars.emplace_back(std::nullopt);
    }
  }
  for (const auto& row : r.rows) {
    if (!row.value.known()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.value.reason));
  }
  if (any_marker) g.notes.emplace_back(basis_legend);
  return g;
}

grid metrics_grid(const metrics_report& r) {
  grid g;
  g.headers = {"id", "unit", "formula", "meaning"};
  for (const auto& def : all_metrics()) {
    g.rows.push_back({{std::string(def.name)}, {metric_unit(def.id, r.prec)}, {std::string(def.formula)},
                      {std::string(def.meaning)}});
  }
  g.notes.emplace_back("Raw values are read from the chip file (see `xpuspec show CHIP`); derived ones are the formula "
                       "over them. A metric over a missing value is missing (null in JSON, — in a table), never 0.");
  return g;
}

grid sources_grid(const sources_report& r) {
  grid g;
  std::set<const chip*> chips;
  for (const auto& use : r.uses) chips.insert(use.subject);
  for (const auto& c : r.caveats) chips.insert(c.subject);
  if (r.selection.is_default()) {
    g.preamble.emplace_back("data", fmt::format("{} chips citing {} sources; {} values are not plain vendor figures or "
                                                "are missing (listed below the table)",
                                                chips.size(), r.uses.size(), r.caveats.size()));
  } else {
    g.preamble.emplace_back("data", fmt::format("{} values of {} chip{} are {} (listed below the table); the table "
                                                "holds the {} source{} they cite",
                                                r.caveats.size(), chips.size(), chips.size() == 1 ? "" : "s",
                                                r.selection.describe(), r.uses.size(), r.uses.size() == 1 ? "" : "s"));
  }
  if (r.selection.is_default()) g.preamble.emplace_back("generated by", "xpuspec sources --format markdown");
  g.headers = {"chip", "source", "publisher", "published", "accessed", "url", "read via", "cited for"};
  for (const auto& use : r.uses) {
    g.rows.push_back({{use.subject->id},
                      {use.source->title},
                      {use.source->publisher},
                      {use.source->published},
                      {use.source->accessed},
                      {use.source->url},
                      {use.source->via},
                      {use.fields.empty() ? "(no value)" : fmt::format("{}", fmt::join(use.fields, ", "))}});
  }
  g.notes.emplace_back(r.selection.is_default() ? "Values that are not plain vendor figures, or are missing, and why:"
                                               : fmt::format("Values that are {}, and why:", r.selection.describe()));
  for (const auto& c : r.caveats) {
    const value& v = *c.entry;
    const std::string what = v.known() ? fmt::format("{} ({})", v.written, to_string(v.basis))
                                       : std::string(to_string(v.missing));
    g.notes.push_back(fmt::format("- {} {}: {}{}", c.subject->id, c.field, what, v.note.empty() ? "" : " — " + v.note));
  }
  return g;
}

namespace {

// "1.267 MW", "716.8 kW", "700 W": power totals read best in the unit that keeps them short.
std::string human_power(double watts) {
  if (watts >= 1e6) return human_number(watts / 1e6) + " MW";
  if (watts >= 1e4) return human_number(watts / 1e3) + " kW";
  return human_number(watts) + " W";
}

std::string power_line(const power_side& side, std::size_t chips, const chip& c) {
  if (!side.each.known()) return fmt::format("{} x {}: {}", chips, c.id, side.each.reason);
  return fmt::format("{} x {} at {}{} = {}", chips, c.id, human_power(*side.each.number), basis_marker(side.each.basis),
                     human_power(*side.total_w));
}

}  // namespace

grid match_grid(const match_report& r) {
  grid g;
  const chip& subject = *r.subject;
  const chip& target = *r.target;
  if (r.chips_needed) {
    g.preamble.emplace_back("answer", fmt::format("{} x {} match {} x {} (bound by {})", *r.chips_needed, subject.id,
                                                  r.count, target.id, to_string(*r.binding)));
  } else {
    g.preamble.emplace_back("answer", "no dimension can be compared: the data needed is missing (see below)");
  }
  g.preamble.emplace_back("precision", fmt::format("{} (dense)", to_string(r.prec)));
  g.headers = {"dimension", "unit", "per " + subject.id, "per " + target.id, "ratio", fmt::format("chips for {}", r.count)};
  for (const auto& d : r.dimensions) {
    const bool binding = r.binding && *r.binding == d.dim;
    g.rows.push_back({{std::string(to_string(d.dim)) + (binding ? " *" : "")},
                      {metric_unit(d.measure, r.prec)},
                      metric_cell(d.chip_value, false),
                      metric_cell(d.target_value, false),
                      {d.ratio ? human_ratio(*d.ratio) : "—", true, !d.ratio},
                      {d.chips ? std::to_string(*d.chips) : "—", true, !d.chips}});
  }
  g.notes.emplace_back("* binding: the dimension that needs the most chips; the others are then more than matched.");
  g.notes.push_back("power: " + power_line(r.subject_power, r.chips_needed.value_or(0), subject) + " vs " +
                    power_line(r.target_power, r.count, target));
  if (r.subject_cost_usd && r.target_cost_usd) {
    g.notes.push_back(fmt::format("list price: {} USD vs {} USD", human_number(*r.subject_cost_usd),
                                  human_number(*r.target_cost_usd)));
  }
  for (const auto& d : r.dimensions) {
    if (!d.chips) g.notes.push_back(fmt::format("{}: {}", to_string(d.dim), d.missing_reason));
  }
  g.notes.emplace_back("Counts assume work splits perfectly across chips; they are a floor, not a forecast.");
  g.notes.emplace_back(basis_legend);
  return g;
}

grid roofline_grid(const roofline_report& r) {
  grid g;
  g.preamble.emplace_back("precision", fmt::format("{} (dense)", to_string(r.prec)));
  g.preamble.emplace_back("model", "attainable = min(peak, memory bandwidth x intensity); (m) = memory-bound there");
  g.headers = {"chip", metric_unit(metric::tflops, r.prec) + " peak", "knee FLOP/B"};
  for (double x : r.intensities) g.headers.push_back(fmt::format("@{}", human_number(x)));
  for (const auto& row : r.rows) {
    std::vector<cell> line{{row.subject->id}, metric_cell(row.peak, false), metric_cell(row.knee, true)};
    for (const auto& point : row.points) {
      cell c = metric_cell(point.attainable, true);
      if (point.attainable.known() && point.memory_bound) c.text += " (m)";
      line.push_back(std::move(c));
    }
    g.rows.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < r.intensities.size(); ++i) {
    const roofline_row* best = nullptr;
    for (const auto& row : r.rows) {
      const auto& a = row.points[i].attainable;
      if (a.known() && (!best || *a.number > *best->points[i].attainable.number)) best = &row;
    }
    if (best) {
      g.notes.push_back(fmt::format("at {} FLOP/byte: {} is fastest ({} {})", human_number(r.intensities[i]),
                                    best->subject->id, human_number(*best->points[i].attainable.number),
                                    metric_unit(metric::tflops, r.prec)));
    }
  }
  for (const auto& row : r.rows) {
    if (!row.knee.known()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.knee.reason));
  }
  g.notes.emplace_back(basis_legend);
  return g;
}

namespace {

std::string optional_count(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : "—"; }
std::string optional_number(const std::optional<double>& x) { return x ? human_number(*x) : "—"; }

}  // namespace

grid train_grid(const train_report& r) {
  const train_job& job = r.job;
  grid g;
  g.preamble.emplace_back("model", fmt::format("{} parameters, {} active per token; {} tokens", big_number(job.params),
                                               big_number(job.active_params), big_number(job.tokens)));
  g.preamble.emplace_back("compute", fmt::format("{} FLOP = 6 x active parameters x tokens", big_number(r.flops)));
  g.preamble.emplace_back("assumes", fmt::format("MFU {} of dense {} peak; training state {} bytes per parameter "
                                                 "(activations not counted); energy at TDP for the whole run, chips only",
                                                 human_number(job.mfu), to_string(job.prec),
                                                 human_number(job.bytes_per_param)));
  if (job.days) {
    g.preamble.emplace_back("deadline", fmt::format("{} day{}", human_number(*job.days), *job.days == 1 ? "" : "s"));
  }
  if (job.chips) g.preamble.emplace_back("fleet", fmt::format("{} chips", *job.chips));
  g.headers = {"chip", metric_unit(metric::tflops, job.prec), "chips (time)", "chips (memory)", "chips", "binding",
               "days", "energy MWh"};
  for (const auto& row : r.rows) {
    g.rows.push_back({{row.subject->id},
                      metric_cell(row.tflops, false),
                      {optional_count(row.chips_for_time), true, !row.chips_for_time},
                      {optional_count(row.chips_for_memory), true, !row.chips_for_memory},
                      {optional_count(row.chips), true, !row.chips},
                      {row.fits ? row.binding : "does not fit"},
                      {optional_number(row.days), true, !row.days},
                      {optional_number(row.energy_mwh), true, !row.energy_mwh}});
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

grid serve_grid(const serve_report& r) {
  const serve_job& job = r.job;
  grid g;
  g.preamble.emplace_back("model", fmt::format("{} parameters, {} active per token, {} bytes each: {} GB of weights",
                                               big_number(job.params), big_number(job.active_params),
                                               human_number(job.bytes_per_param), human_number(r.weight_bytes / 1e9)));
  g.preamble.emplace_back(
      "kv cache", job.kv_bytes_per_token
                      ? fmt::format("{} GB = {} bytes/token x {} tokens x batch {}", human_number(r.kv_bytes / 1e9),
                                    human_number(*job.kv_bytes_per_token), human_number(job.context),
                                    human_number(job.batch))
                      : std::string("not counted (give --kv-bytes-per-token to include it)"));
  g.preamble.emplace_back("decode bounds",
                          fmt::format("per chip, upper bounds at peak: bandwidth = batch {} x bandwidth / (active x "
                                      "bytes + KV); compute = dense {} peak / (2 x active)",
                                      human_number(job.batch), to_string(job.prec)));
  g.headers = {"chip", "memory GB", "chips to fit", "tok/s (bandwidth)", "tok/s (compute)", "bound", "USD/h",
               "tok/USD"};
  for (const auto& row : r.rows) {
    g.rows.push_back({{row.subject->id},
                      metric_cell(row.memory_gb, false),
                      {optional_count(row.chips_to_fit), true, !row.chips_to_fit},
                      {optional_number(row.tokens_per_s_bandwidth), true, !row.tokens_per_s_bandwidth},
                      {optional_number(row.tokens_per_s_compute), true, !row.tokens_per_s_compute},
                      {row.bound.empty() ? "—" : row.bound},
                      metric_cell(row.usd_per_hour, false),
                      {optional_number(row.tokens_per_usd), true, !row.tokens_per_usd}});
  }
  g.notes.emplace_back(
      "tok/USD: the binding bound's tokens in an hour / the chip's cloud price per chip-hour (on demand, the lowest "
      "read; see `xpuspec show CHIP`), an upper bound like the rates; — where no public price was read");
  for (const auto& row : r.rows) {
    if (row.tokens_per_usd) {
      g.notes.push_back(fmt::format("{}: price {} USD/h{}", row.subject->id, human_number(*row.usd_per_hour.number),
                                    row.price_date.empty() ? " (undated)" : " as of " + row.price_date));
    }
  }
  for (const auto& row : r.rows) {
    if (row.chips_to_fit && row.domain && static_cast<double>(*row.chips_to_fit) > *row.domain) {
      g.notes.push_back(fmt::format("{}: needs {} chips to hold the model, more than one scale-up domain ({})",
                                    row.subject->id, *row.chips_to_fit, human_number(*row.domain)));
    }
    if (!row.missing_reason.empty()) g.notes.push_back(fmt::format("{}: {}", row.subject->id, row.missing_reason));
  }
  g.notes.emplace_back(basis_legend);
  return g;
}

grid rules_grid(const rules_report&) {
  grid g;
  g.headers = {"rule", "severity", "why"};
  for (const auto& rule : all_rules()) {
    g.rows.push_back({{std::string(rule.id)}, {std::string(to_string(rule.level))}, {std::string(rule.why)}});
  }
  g.notes.emplace_back("Warnings fail `validate` only with --strict.");
  return g;
}

}  // namespace xpuspec::render
