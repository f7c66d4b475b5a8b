// `roofline`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<roofline_report> {
  static grid layout(const roofline_report& r) {
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

  static json document(const roofline_report& r) {
    json chips = json::array();
    for (const auto& row : r.rows) {
      json points = json::array();
      for (const auto& p : row.points) {
        points.push_back({{"intensity", p.intensity},
                          {"attainable_tflops", number_or_null(p.attainable.number)},
                          {"bound", p.attainable.known() ? json(p.memory_bound ? "memory" : "compute") : json(nullptr)}});
      }
      json entry = chip_summary(*row.subject);
      entry["peak_tflops"] = metric_json(row.peak);
      entry["knee_flop_per_byte"] = metric_json(row.knee);
      entry["points"] = std::move(points);
      chips.push_back(std::move(entry));
    }
    return json({{"schema_version", json_schema_version},
                 {"precision", to_string(r.prec)},
                 {"intensities", r.intensities},
                 {"chips", std::move(chips)}});
  }

  static records rows(const roofline_report& r) {
    records out{{"id", "intensity_flop_per_byte", "attainable_tflops", "bound", "peak_tflops", "knee_flop_per_byte"}, {}};
    for (const auto& row : r.rows) {
      for (const auto& p : row.points) {
        out.rows.push_back({row.subject->id, field_number(p.intensity), field_number(p.attainable.number),
                       p.attainable.known() ? (p.memory_bound ? "memory" : "compute") : "", field_number(row.peak.number),
                       field_number(row.knee.number)});
      }
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(roofline_report);

}  // namespace xpuspec::render
