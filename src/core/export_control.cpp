#include "xpuspec/export_control.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

class rules_reader {
 public:
  explicit rules_reader(std::string_view origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw error(bounded(printable(fmt::format("{}: {}: {}", origin_, where, what), true)));
  }

  std::string text(const json& object, const char* key, const std::string& where, bool required = true) const {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) fail(where, fmt::format("\"{}\" is missing", key));
      return {};
    }
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be a string", key));
    return it->get<std::string>();
  }

  double number(const json& value, const std::string& where) const {
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
      fail(where, "a threshold must be a finite number, 0 or more");
    }
    return value.get<double>();
  }

  threshold_test test(const json& t, const std::string& where) const {
    if (!t.is_object()) fail(where, "a test must be an object");
    const std::string input = text(t, "input", where);
    const auto m = metric_from_string(input);
    if (!m) fail(where, fmt::format("\"{}\" is not a metric id{}", input, did_you_mean(input, metric_names())));
    threshold_test out{*m, 0, std::nullopt, text(t, "text", where)};
    if (!t.contains("at_least")) fail(where, "\"at_least\" is missing");
    out.at_least = number(t.at("at_least"), where + "/at_least");
    if (t.contains("below")) {
      out.below = number(t.at("below"), where + "/below");
      if (*out.below <= out.at_least) fail(where, "\"below\" must be above \"at_least\"");
    }
    return out;
  }

 private:
  std::string_view origin_;
};

}  // namespace

export_rules parse_export_rules(std::string_view text, std::string_view origin) {
  const rules_reader in(origin);
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    in.fail("JSON", e.what());
  }
  if (!doc.is_object() || !doc.contains("rules") || !doc.at("rules").is_array()) {
    in.fail("/", "expected an object with a \"rules\" array");
  }
  export_rules out;
  out.about = in.text(doc, "about", "/", false);
  const json sources = doc.value("sources", json::object());
  if (!sources.is_object()) in.fail("/sources", "must be an object");
  for (const auto& [id, s] : sources.items()) {
    const std::string where = "/sources/" + id;
    if (!s.is_object()) in.fail(where, "must be an object");
    out.sources.push_back({id, in.text(s, "title", where), in.text(s, "url", where), in.text(s, "accessed", where),
                           in.text(s, "publisher", where, false), in.text(s, "via", where, false),
                           in.text(s, "published", where, false)});
  }
  for (std::size_t i = 0; i < doc.at("rules").size(); ++i) {
    const json& r = doc.at("rules").at(i);
    const std::string where = fmt::format("/rules/{}", i);
    if (!r.is_object()) in.fail(where, "a rule must be an object");
    export_rule rule{in.text(r, "id", where), in.text(r, "title", where), in.text(r, "summary", where),
                     in.text(r, "source", where), {}};
    const bool cited = std::any_of(out.sources.begin(), out.sources.end(), [&](const source_ref& s) { return s.id == rule.source; });
    if (!cited) in.fail(where, fmt::format("source \"{}\" is not a key of \"sources\"", rule.source));
    const json alternatives = r.value("alternatives", json::array());
    if (!alternatives.is_array() || alternatives.empty()) in.fail(where, "\"alternatives\" must be a non-empty array");
    for (std::size_t a = 0; a < alternatives.size(); ++a) {
      const std::string at = fmt::format("{}/alternatives/{}", where, a);
      const json& alt = alternatives.at(a);
      if (!alt.is_object()) in.fail(at, "an alternative must be an object");
      threshold_alternative parsed{in.text(alt, "part", at), {}};
      const json tests = alt.value("all", json::array());
      if (!tests.is_array() || tests.empty()) in.fail(at, "\"all\" must be a non-empty array of tests");
      for (std::size_t t = 0; t < tests.size(); ++t) parsed.tests.push_back(in.test(tests.at(t), fmt::format("{}/all/{}", at, t)));
      rule.alternatives.push_back(std::move(parsed));
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

export_rules bundled_export_rules() {
  const std::string_view name = "export-control/3a090.json";
  const auto text = bundled_document(name);
  if (!text) throw error(fmt::format("bundled:{} is missing from this build", name));
  return parse_export_rules(*text, fmt::format("bundled:{}", name));
}

export_control_report make_export_control(const std::vector<const chip*>& chips, export_rules rules) {
  export_control_report report{std::move(rules), {}};
  for (const chip* c : chips) {
    export_control_row row{c, evaluate(*c, metric::tpp, precision::bf16), tpp_precision(*c),
                           evaluate(*c, metric::performance_density, precision::bf16), {}};
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
