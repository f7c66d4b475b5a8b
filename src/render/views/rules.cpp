// `rules`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {

template <>
struct view<rules_report> {
  static grid layout(const rules_report&) {
    grid g;
    g.headers = {"rule", "severity", "why"};
    for (const auto& rule : all_rules()) {
      g.rows.push_back({{std::string(rule.id)}, {std::string(to_string(rule.level))}, {std::string(rule.why)}});
    }
    g.notes.emplace_back("Warnings fail `validate` only with --strict.");
    return g;
  }

  static json document(const rules_report&) {
    json rules = json::array();
    for (const auto& rule : all_rules()) {
      rules.push_back({{"id", rule.id}, {"severity", to_string(rule.level)}, {"why", rule.why}});
    }
    return json({{"schema_version", json_schema_version}, {"rules", std::move(rules)}});
  }

  static records rows(const rules_report&) {
    records out{{"rule", "severity", "why"}, {}};
    for (const auto& rule : all_rules()) {
      out.rows.push_back({std::string(rule.id), std::string(to_string(rule.level)), std::string(rule.why)});
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(rules_report);

}  // namespace xpuspec::render
