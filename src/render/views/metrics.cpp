// `metrics`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<metrics_report> {
  static grid layout(const metrics_report& r) {
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

  static json document(const metrics_report& r) {
    json metrics = json::array();
    for (const auto& def : all_metrics()) {
      metrics.push_back({{"id", def.name},
                         {"label", def.label},
                         {"unit", metric_unit(def.id, r.prec)},
                         {"formula", def.formula},
                         {"meaning", def.meaning},
                         {"derived", def.derived}});
    }
    return json({{"schema_version", json_schema_version}, {"metrics", std::move(metrics)}});
  }

  static records rows(const metrics_report& r) {
    records out{{"id", "label", "unit", "formula", "meaning", "derived"}, {}};
    for (const auto& def : all_metrics()) {
      out.rows.push_back({std::string(def.name), std::string(def.label), metric_unit(def.id, r.prec),
                     std::string(def.formula), std::string(def.meaning), def.derived ? "true" : "false"});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(metrics_report);

}  // namespace xpuspec::render
