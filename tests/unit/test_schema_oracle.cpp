// valijson as the oracle of the core's schema evaluator (src/core/schema.cpp): both must call the same documents
// valid — every bundled chip, every file of the bad corpus, and thousands of mutations of real chip files (each
// value replaced by a value of another shape, each key removed, a key added). The evaluator exists so the core
// types each failure by its keyword and needs no validator library; this test keeps it honest to draft-07.

#include "catch.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "valijson.hpp"

#include "helpers.hpp"
#include "xpuspec/schema.hpp"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

struct oracle {
  json document = json::parse(xpuspec::chip_schema_text());
  valijson::Schema schema;
  valijson::Validator validator;
  oracle() {
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema);
  }
  bool valid(const json& chip) {
    valijson::adapters::NlohmannJsonAdapter target(chip);
    return validator.validate(schema, target, nullptr);
  }
};

std::optional<json> read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::exception&) {
    return std::nullopt;  // not JSON: a syntax case of the corpus, for the parser rather than the schema
  }
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every place in the document: the pointers of all values below the root.
void places(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  if (!value.is_structured()) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const auto child = value.is_object() ? at / it.key() : at / static_cast<std::size_t>(&*it - &value.front());
    out.push_back(child);
    places(*it, child, out);
  }
}

}  // namespace

TEST_CASE("the schema evaluator and valijson agree on every chip file and the bad corpus") {
  oracle o;
  std::size_t compared = 0;
  for (const auto& dir : {test::source_dir() / ".." / "data" / "chips", test::source_dir() / "bad",
                          test::source_dir() / "data" / "chips"}) {
    for (const auto& path : files_in(dir)) {
      const auto chip = read(path);
      if (!chip) continue;
      INFO(path.string());
      CHECK(xpuspec::check_schema(*chip).empty() == o.valid(*chip));
      ++compared;
    }
  }
  CHECK(compared > 100);
}

TEST_CASE("the schema evaluator and valijson agree on mutations of real chip files") {
  oracle o;
  const std::vector<json> replacements{0,     -1,         2.5,  "",         "x",        "unknown", "80 GB",
                                       true,  nullptr,    json::array(), json::object(), json{{"value", 1}},
                                       json{{"value", "1 GB"}, {"unit", "GB"}}, json{{"dense", "1 TFLOPS"}},
                                       json::array({"a", 1})};
  std::size_t compared = 0;
  std::size_t invalid = 0;
  const auto files = files_in(test::source_dir() / ".." / "data" / "chips");
  // Every fifth bundled chip: all field shapes occur among them, and the sanitizer build stays quick.
  for (std::size_t f = 0; f < files.size(); f += 5) {
    const auto chip = read(files[f]);
    REQUIRE(chip);
    std::vector<json::json_pointer> where;
    places(*chip, json::json_pointer(), where);
    for (const auto& at : where) {
      const auto compare = [&](const json& mutated, const std::string& what) {
        INFO(files[f].filename().string() << " " << at.to_string() << ": " << what);
        const bool ours = xpuspec::check_schema(mutated).empty();
        CHECK(ours == o.valid(mutated));
        ++compared;
        if (!ours) ++invalid;
      };
      for (const auto& replacement : replacements) {
        json mutated = *chip;
        mutated[at] = replacement;
        compare(mutated, "= " + replacement.dump());
      }
      json removed = *chip;
      const auto parent = at.parent_pointer();
      if (removed[parent].is_object()) {
        removed[parent].erase(at.back());
        compare(removed, "removed");
        json added = *chip;
        added[parent]["bogus_key"] = 1;
        compare(added, "bogus_key added beside it");
      }
    }
  }
  // Both kinds must occur, or the comparison says little.
  CHECK(compared > 5000);
  CHECK(invalid > compared / 4);
  CHECK(invalid < compared);
}

TEST_CASE("an editor with the schema alone underlines every mistake JSON Schema can express", "[schema]") {
  // A third-party validator (valijson) with only data/schema/chip.schema.json, over the bad corpus: every file whose
  // mistake is about shape, words or the form of a quantity must fail. What a schema cannot say (a number too large
  // for a double, sparse below dense, a source that does not exist, ...) is left to validate.
  const std::set<std::string> expressible{"unknown-key", "wrong-type", "missing-key", "enum", "pattern",
                                          "positive",    "quantity",   "unit"};
  // positive-finite cases the schema states too: a zero or negative figure, NaN written as a string.
  const std::set<std::string> expressible_files{"negative-value.json", "zero-tdp.json", "nan-in-string.json",
                                                "zero-domain.json"};
  oracle o;
  std::ifstream table(test::source_dir() / "bad" / "expected.tsv");
  std::size_t checked = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, where, rule;
    std::getline(fields, file, '\t');
    std::getline(fields, where, '\t');
    std::getline(fields, rule, '\t');
    if (expressible.count(rule) == 0 && expressible_files.count(file) == 0) continue;
    const auto chip = read(test::source_dir() / "bad" / file);
    if (!chip) continue;
    INFO(file << " (" << rule << ")");
    CHECK_FALSE(o.valid(*chip));
    ++checked;
  }
  CHECK(checked >= 20);
}
