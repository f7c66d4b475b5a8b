// `export-control`: the report's view, written once; the format writers in src/render/ render it.

#include <fmt/format.h>

#include "render/view.hpp"

namespace xpuspec::render {
namespace {

constexpr std::string_view caution = "threshold arithmetic, not legal advice";

std::string_view verdict(const std::optional<bool>& meets) {
  if (!meets) return "unknown";
  return *meets ? "meets" : "not met";
}

json verdict_json(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }

std::string bounds(const threshold_test& t) {
  return t.below ? fmt::format(">= {} and < {}", human_number(t.at_least), human_number(*t.below))
                 : fmt::format(">= {}", human_number(t.at_least));
}

// "TPP 2368 [e] >= 2400: no" — one test as a reader checks it by hand.
std::string test_line(const test_result& t) {
  const std::string value = t.value.known() ? human_number(*t.value.number) + std::string(basis_marker(t.value.basis))
                                            : "unknown (" + t.value.reason + ")";
  const std::string_view answer = !t.met ? "unknown" : (*t.met ? "yes" : "no");
  return fmt::format("{} {} {}: {}", definition(t.test.input).name, value, bounds(t.test), answer);
}

std::string tpp_origin(const export_control_row& row) {
  if (!row.tpp_from) return "unknown: " + row.tpp.reason;
  const value& dense = row.subject->at(*row.tpp_from).dense;
  std::string out = fmt::format("from {} dense {} {} x {} bits", to_string(*row.tpp_from), human_number(*dense.amount),
                                metric_unit(metric::tflops, *row.tpp_from), bit_length(*row.tpp_from));
  if (!row.tpp_unknown.empty()) {
    std::vector<std::string_view> names;
    for (precision p : row.tpp_unknown) names.push_back(to_string(p));
    out += fmt::format(", at least: {} unknown", fmt::join(names, ", "));
  }
  return out;
}

}  // namespace

template <>
struct view<export_control_report> {
  static grid layout(const export_control_report& r) {
    grid g;
    g.preamble.emplace_back("note", std::string(caution));
    for (const auto& rule : r.rules.rules) g.preamble.emplace_back(rule.id, rule.summary);
    g.headers = {"chip", "TPP", "density"};
    for (const auto& rule : r.rules.rules) g.headers.push_back(rule.id);
    for (const auto& row : r.rows) {
      std::vector<cell> line{{row.subject->id}, metric_cell(row.tpp, true), metric_cell(row.density, true)};
      for (const auto& result : row.rules) line.push_back({std::string(verdict(result.meets)), false, !result.meets});
      g.rows.push_back(std::move(line));
    }
    for (const auto& row : r.rows) {
      g.notes.push_back(fmt::format("{}: TPP {}", row.subject->id, tpp_origin(row)));
      for (const auto& result : row.rules) {
        std::vector<std::string> tests;
        for (const auto& t : result.tests) tests.push_back(fmt::format("{} {}", t.part, test_line(t)));
        g.notes.push_back(fmt::format("  {} {}: {}", result.rule, verdict(result.meets), fmt::join(tests, "; ")));
      }
    }
    g.notes.push_back(
        "meets: some paragraph's tests all pass; not met: every paragraph fails a test; unknown: a missing input, or a "
        "TPP that is only a lower bound, decides it");
    g.notes.push_back("scale-up bandwidth stands in for the 2022 rule's transfer rate over all I/O (PCIe and network not added)");
    for (const auto& s : r.rules.sources) g.notes.push_back(fmt::format("[{}] {} {}", s.id, s.title, s.url));
    g.notes.emplace_back(basis_legend);
    return g;
  }

  static json document(const export_control_report& r) {
    json rules = json::array();
    for (const auto& rule : r.rules.rules) {
      rules.push_back({{"rule", rule.id}, {"title", rule.title}, {"summary", rule.summary}, {"source", rule.source}});
    }
    json sources = sources_json(r.rules.sources);
    json chips = json::array();
    for (const auto& row : r.rows) {
      json entry = chip_summary(*row.subject);
      entry["tpp"] = metric_json(row.tpp);
      entry["tpp_precision"] = row.tpp_from ? json(to_string(*row.tpp_from)) : json(nullptr);
      json unknown = json::array();
      for (precision p : row.tpp_unknown) unknown.push_back(to_string(p));
      entry["tpp_lower_bound"] = !row.tpp_unknown.empty();
      entry["tpp_unknown_precisions"] = std::move(unknown);
      entry["performance_density"] = metric_json(row.density);
      json results = json::array();
      for (const auto& result : row.rules) {
        json checks = json::array();
        for (const auto& t : result.tests) {
          json check = metric_json(t.value);
          check["part"] = t.part;
          check["input"] = definition(t.test.input).name;
          check["at_least"] = t.test.at_least;
          check["below"] = number_or_null(t.test.below);
          check["met"] = verdict_json(t.met);
          check["text"] = t.test.text;
          checks.push_back(std::move(check));
        }
        results.push_back({{"rule", result.rule}, {"meets", verdict_json(result.meets)}, {"checks", std::move(checks)}});
      }
      entry["rules"] = std::move(results);
      chips.push_back(std::move(entry));
    }
    return json({{"schema_version", json_schema_version},
                 {"note", caution},
                 {"rules", std::move(rules)},
                 {"sources", std::move(sources)},
                 {"chips", std::move(chips)}});
  }

  static records rows(const export_control_report& r) {
    records out{{"id", "rule", "meets", "part", "input", "value", "basis", "at_least", "below", "met"}, {}};
    for (const auto& row : r.rows) {
      for (const auto& result : row.rules) {
        for (const auto& t : result.tests) {
          out.rows.push_back({row.subject->id, result.rule, std::string(verdict(result.meets)), t.part,
                              std::string(definition(t.test.input).name), field_number(t.value.number),
                              t.value.known() ? std::string(to_string(t.value.basis)) : "",
                              field_number(t.test.at_least), field_number(t.test.below),
                              !t.met ? "" : (*t.met ? "true" : "false")});
        }
      }
    }
    return out;
  }
};

XPUSPEC_RENDER_VIEW(export_control_report);

}  // namespace xpuspec::render
