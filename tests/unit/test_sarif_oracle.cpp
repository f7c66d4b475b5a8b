// `validate --format sarif` against the OASIS SARIF 2.1.0 JSON Schema (tests/sarif/), with valijson as the
// validator: the findings of the whole bad corpus, of a clean run, and of a file whose name needs escaping in a URI.

#include "catch.hpp"

#include <filesystem>

#include "valijson.hpp"

#include "helpers.hpp"
#include "render/render.hpp"
#include "xpuspec/validate.hpp"

namespace {

// Every error valijson finds, as "context: description" lines, so a failure says where the document is wrong.
std::string sarif_problems(const nlohmann::json& document) {
  static const nlohmann::json schema_document =
      nlohmann::json::parse(test::read(test::source_dir() / "sarif" / "sarif-schema-2.1.0.json"));
  static valijson::Schema schema;
  static const bool parsed = [] {
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(schema_document);
    parser.populateSchema(adapter, schema);
    return true;
  }();
  (void)parsed;
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  std::string out;
  if (!validator.validate(schema, target, &results)) {
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
      std::string where;
      for (const auto& part : e.context) where += part;
      out += where + ": " + e.description + "\n";
    }
  }
  return out;
}

nlohmann::json sarif_of(const std::vector<std::string>& paths) {
  const xpuspec::validation_report report = xpuspec::validate({xpuspec::layer_from_paths(paths)}, 1);
  return nlohmann::json::parse(
      xpuspec::render::render(report, xpuspec::render::findings_format::sarif, xpuspec::render::style{}));
}

}  // namespace

TEST_CASE("validate's SARIF passes the SARIF 2.1.0 schema: the bad corpus, a clean run, an odd file name",
          "[sarif]") {
  const nlohmann::json corpus = sarif_of({(test::source_dir() / "bad").string()});
  CHECK(sarif_problems(corpus).empty());
  CHECK(corpus["runs"][0]["results"].size() > 50);
  // A rule index points at its rule.
  for (const auto& result : corpus["runs"][0]["results"]) {
    const auto& rules = corpus["runs"][0]["tool"]["driver"]["rules"];
    CHECK(rules.at(result["ruleIndex"].get<std::size_t>())["id"] == result["ruleId"]);
  }

  const nlohmann::json clean = sarif_of({(test::source_dir() / "data" / "chips").string()});
  CHECK(sarif_problems(clean).empty());

  const test::scratch_dir dir;
  const auto odd = dir.path() / "a chip #1 é.json";
  test::write(odd, "{\"id\": 1}");
  const nlohmann::json escaped = sarif_of({odd.string()});
  CHECK(sarif_problems(escaped).empty());
  const std::string uri = escaped["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  CHECK(uri.starts_with("file:///"));
  CHECK(uri.find("a%20chip%20%231%20%C3%A9.json") != std::string::npos);

  // The schema check itself can fail: a result without a message is not SARIF.
  nlohmann::json broken = corpus;
  broken["runs"][0]["results"][0].erase("message");
  CHECK_FALSE(sarif_problems(broken).empty());
}
