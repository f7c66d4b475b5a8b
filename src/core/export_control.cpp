#include "xpuspec/export_control.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/document_reader.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// Three-valued: one result equal to `decisive` decides (a failed test fails "all", a met paragraph meets "any");
// without one, an unknown result leaves the answer unknown.
std::optional<bool> decide(const std::vector<std::optional<bool>>& results, bool decisive) {
  bool unknown = false;
  for (const auto& r : results) {
    if (r == decisive) return decisive;
    if (!r) unknown = true;
  }
  if (unknown) return std::nullopt;
  return !decisive;
}

threshold_test read_test(const document_reader& in, const json& t, const std::string& where) {
  if (!t.is_object()) in.fail(where, "a test must be an object");
  const std::string input = in.text(t, "input", where);
  const auto m = metric_from_string(input);
  if (!m) in.fail(where, fmt::format("\"{}\" is not a metric id{}", input, did_you_mean(input, metric_names())));
  threshold_test out{*m, 0, std::nullopt, in.text(t, "text", where)};
  if (!t.contains("at_least")) in.fail(where, "\"at_least\" is missing");
  out.at_least = in.number(t.at("at_least"), where + "/at_least");
  if (t.contains("below")) {
    out.below = in.number(t.at("below"), where + "/below");
    if (*out.below <= out.at_least) in.fail(where, "\"below\" must be above \"at_least\"");
  }
  return out;
}

}  // namespace

export_rules parse_export_rules(std::string_view text, std::string_view origin) {
  const document_reader in(origin);
  export_rules out;
  auto frame = in.read_list(text, "rules", "a rule", [&](const json& r, const std::string& where, const auto& sources) {
    export_rule rule{in.text(r, "id", where), in.text(r, "title", where), in.text(r, "summary", where),
                     in.text(r, "source", where), {}};
    in.cited(sources, rule.source, where);
    const json alternatives = r.value("alternatives", json::array());
    if (!alternatives.is_array() || alternatives.empty()) in.fail(where, "\"alternatives\" must be a non-empty array");
    in.each_object(alternatives, where + "/alternatives", "an alternative", [&](const json& alt, const std::string& at) {
      threshold_alternative parsed{in.text(alt, "part", at), {}};
      const json tests = alt.value("all", json::array());
      if (!tests.is_array() || tests.empty()) in.fail(at, "\"all\" must be a non-empty array of tests");
      for (std::size_t t = 0; t < tests.size(); ++t) {
        parsed.tests.push_back(read_test(in, tests.at(t), fmt::format("{}/all/{}", at, t)));
      }
      rule.alternatives.push_back(std::move(parsed));
    });
    out.rules.push_back(std::move(rule));
  });
  out.about = std::move(frame.about);
  out.sources = std::move(frame.sources);
  return out;
}

export_rules bundled_export_rules() {
  const auto [text, origin] = bundled_document_or_error("export-control/3a090.json");
  return parse_export_rules(text, origin);
}

export_control_report make_export_control(const std::vector<const chip*>& chips, export_rules rules) {
  export_control_report report{std::move(rules), {}};
  for (const chip* c : chips) {
    export_control_row row{c,  evaluate(*c, metric::tpp, precision::bf16), tpp_precision(*c), tpp_unknown_precisions(*c),
                           evaluate(*c, metric::performance_density, precision::bf16), {}};
    const bool tpp_lower_bound = !row.tpp_unknown.empty();
    for (const auto& rule : report.rules.rules) {
      rule_result result{rule.id, std::nullopt, {}};
      std::vector<std::optional<bool>> alternatives;
      for (const auto& alternative : rule.alternatives) {
        std::vector<std::optional<bool>> tests;
        for (const auto& test : alternative.tests) {
          // TPP is the same at every precision; the others read here (scale-up bandwidth) have none.
          const metric_value v = evaluate(*c, test.input, precision::bf16);
          std::optional<bool> met;
          if (v.known()) met = *v.number >= test.at_least && (!test.below || *v.number < *test.below);
          // A TPP (or its density) that is only a lower bound cannot fail an "at least" test: the unknown
          // precision might pass it. Above a "below" bound it fails whatever the unknown is.
          const bool from_tpp = test.input == metric::tpp || test.input == metric::performance_density;
          if (met == false && from_tpp && tpp_lower_bound && *v.number < test.at_least) met = std::nullopt;
          tests.push_back(met);
          result.tests.push_back({alternative.part, test, v, met});
        }
        alternatives.push_back(decide(tests, false));  // all tests
      }
      result.meets = decide(alternatives, true);  // any paragraph
      row.rules.push_back(std::move(result));
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace xpuspec
