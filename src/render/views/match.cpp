// `match`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {
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

json power_json(const power_side& side) {
  return {{"each_w", number_or_null(side.each.number)}, {"total_w", number_or_null(side.total_w)},
          {"missing", side.each.known() ? json(nullptr) : json(side.each.reason)}};
}

}  // namespace

template <>
struct view<match_report> {
  static grid layout(const match_report& r) {
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
    if (r.subject->is_system() != r.target->is_system()) {
      // A system's power covers its CPUs, switches, optics and fans; a chip's TDP covers the chip.
      const chip& system = r.subject->is_system() ? *r.subject : *r.target;
      g.notes.push_back(fmt::format("{} is a system of {} chips: counts of it are systems, and its power covers more "
                                    "than chips (CPUs, switches, fans), so the power line is not like for like",
                                    system.id, system.system_chips));
    }
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

  static json document(const match_report& r) {
    json dimensions = json::object();
    for (const auto& d : r.dimensions) {
      dimensions[std::string(to_string(d.dim))] = {{"metric", definition(d.measure).name},
                                                   {"unit", metric_unit(d.measure, r.prec)},
                                                   {"chip", metric_json(d.chip_value)},
                                                   {"target", metric_json(d.target_value)},
                                                   {"ratio", number_or_null(d.ratio)},
                                                   {"chips", d.chips ? json(*d.chips) : json(nullptr)},
                                                   {"missing", d.chips ? json(nullptr) : json(d.missing_reason)}};
    }
    return json({{"schema_version", json_schema_version},
                 {"precision", to_string(r.prec)},
                 {"chip", chip_summary(*r.subject)},
                 {"target", chip_summary(*r.target)},
                 {"count", r.count},
                 {"dimensions", std::move(dimensions)},
                 {"binding", r.binding ? json(to_string(*r.binding)) : json(nullptr)},
                 {"chips_needed", r.chips_needed ? json(*r.chips_needed) : json(nullptr)},
                 {"power", {{"chip", power_json(r.subject_power)}, {"target", power_json(r.target_power)}}},
                 {"cost_usd", {{"chip", number_or_null(r.subject_cost_usd)}, {"target", number_or_null(r.target_cost_usd)}}}});
  }

  static records rows(const match_report& r) {
    records out{{"dimension", "metric", "unit", "chip", "chip_value", "target", "target_value", "ratio",
                              "count", "chips", "binding"}, {}};
    for (const auto& d : r.dimensions) {
      out.rows.push_back({std::string(to_string(d.dim)), std::string(definition(d.measure).name), metric_unit(d.measure, r.prec),
                     r.subject->id, field_number(d.chip_value.number), r.target->id, field_number(d.target_value.number),
                     field_number(d.ratio), std::to_string(r.count), d.chips ? std::to_string(*d.chips) : "",
                     r.binding && *r.binding == d.dim ? "true" : "false"});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(match_report);

}  // namespace xpuspec::render
