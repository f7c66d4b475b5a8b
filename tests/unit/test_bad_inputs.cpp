// The committed corpus of bad chip files (tests/bad): each must give its expected finding (rule, position and
// message) from validate, and none may crash. Cases that would be silly to commit are generated here.

#include "catch.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/validate.hpp"

using namespace xpuspec;

namespace {

struct corpus_case {
  std::string file, where, rule, fragment;
};

std::vector<corpus_case> corpus() {
  std::ifstream table(test::source_dir() / "bad" / "expected.tsv");
  std::vector<corpus_case> cases;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    corpus_case c;
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.where, '\t');
    std::getline(fields, c.rule, '\t');
    std::getline(fields, c.fragment);
    cases.push_back(c);
  }
  return cases;
}

validation_report validate_one(const std::filesystem::path& path) {
  return validate({layer_from_paths({path.string()})});
}

// Rules that make a file unusable as data (the rest are validate's plausibility rules).
bool load_fails(const std::string& rule) {
  for (const char* r : {"file", "json-syntax", "duplicate-key", "unknown-key", "wrong-type", "missing-key", "enum",
                        "pattern", "positive", "schema", "quantity", "unit", "positive-finite", "source-missing",
                        "source-unknown", "sparse-below-dense", "plausible-range"}) {
    if (rule == r) return true;
  }
  return false;
}

std::string where_of(const finding& f) {
  return f.where.line ? std::to_string(f.where.line) + ":" + std::to_string(f.where.column) : "-";
}

}  // namespace

TEST_CASE("every file of the bad-input corpus gives exactly its expected finding", "[bad]") {
  const auto cases = corpus();
  CHECK(cases.size() >= 40);
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.file) {
      const auto path = test::source_dir() / "bad" / c.file;
      const validation_report report = validate_one(path);
      if (c.rule == "none") {
        CHECK(report.findings.empty());
        CHECK(report.chips == 1);
        continue;
      }
      INFO(report.findings.size() << " findings; first: " << (report.findings.empty() ? "" : report.findings[0].message));
      REQUIRE(report.findings.size() == 1);
      const finding& f = report.findings.front();
      CHECK(f.file == path.string());
      CHECK(to_string(f.rule) == c.rule);
      CHECK(where_of(f) == c.where);
      CHECK_THAT(f.message, test::contains(c.fragment));
      // Loading agrees with validate on what makes a file unusable, and says where.
      if (f.level == severity::error && load_fails(std::string(to_string(f.rule)))) {
        CHECK_THROWS_WITH(parse_chip(test::read(path), c.file), test::starts_with(c.file + ":" + c.where + ": "));
      }
    }
  }
}

TEST_CASE("the corpus breaks every single-file rule at least once", "[bad]") {
  std::set<std::string> broken;
  for (const auto& c : corpus()) broken.insert(c.rule);
  // Rules about several files or about unreadable paths are exercised by the generated cases below.
  const std::set<std::string> elsewhere{"duplicate-id", "duplicate-alias", "duplicate-values", "file", "schema"};
  for (const auto& rule : all_rules()) {
    INFO(rule.id);
    CHECK((broken.count(std::string(rule.id)) == 1 || elsewhere.count(std::string(rule.id)) == 1));
  }
}

TEST_CASE("generated hostile inputs fail cleanly", "[bad]") {
  // 100 000 levels of nesting where a string is expected.
  const std::string deep = test::chip_json("deep", "[]", "\"notes\": " + std::string(100000, '[') +
                                                             std::string(100000, ']') + ", ");
  CHECK_THROWS_WITH(parse_chip(deep, "deep.json"), test::contains("\"notes\" entries must be a string"));
  // Unbalanced nesting, 100 000 deep: a syntax error at the end, not a stack overflow.
  CHECK_THROWS_WITH(parse_chip(std::string(100000, '['), "open.json"),
                    test::contains("open.json:1:") && test::contains("unexpected end of input"));
  // Every byte value alone.
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    CHECK_THROWS_AS(parse_chip(one, "byte.json"), error);
  }
}

TEST_CASE("unreadable paths are findings of rule 'file', and the rest is still checked", "[bad]") {
  test::scratch_dir dir;
  test::write(dir.path() / "fine.json", test::chip_json("fine"));
  REQUIRE(::mkfifo((dir.path() / "pipe.json").c_str(), 0600) == 0);
  {
    std::ofstream big(dir.path() / "huge.json", std::ios::binary);
    const std::string block(1 << 20, ' ');
    for (int i = 0; i < 100; ++i) big << block;  // 100 MiB
  }
  std::filesystem::create_directories(dir.path() / "folder.json");  // a directory named like a chip file
  const validation_report report = validate({layer_from_paths({dir.path().string()})});
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].rule == rule_id::file);
  CHECK_THAT(report.findings[0].message, test::contains("too large for a chip file"));
  CHECK(report.findings[1].rule == rule_id::file);
  CHECK(report.findings[1].message == "not a regular file");
  CHECK(report.chips == 1);
  CHECK_THROWS_WITH(layer_from_paths({(dir.path() / "nowhere").string()}), test::contains("no such file"));
}

TEST_CASE("ids and aliases are unique across all files given", "[bad]") {
  test::scratch_dir dir;
  test::write(dir.path() / "one.json", test::chip_json("one", R"(["x"])", "\"released\": \"2024\", "));
  test::write(dir.path() / "two.json", test::chip_json("two", R"(["X", "ONE"])"));
  test::write(dir.path() / "sub" / "one.json", test::chip_json("one"));
  const validation_report report = validate({layer_from_paths({dir.path().string()})});
  std::vector<std::string> rules;
  for (const auto& f : report.findings) rules.emplace_back(to_string(f.rule));
  CHECK(rules == std::vector<std::string>{"duplicate-id", "duplicate-alias", "duplicate-alias"});
  CHECK_THAT(report.findings[0].message, test::contains("\"one\" is already the id of \"one\" in"));
  CHECK_THAT(report.findings[1].message, test::contains("\"X\" is already an alias of \"one\""));
  CHECK_THAT(report.findings[2].message, test::contains("\"ONE\" is already the id of \"one\""));
}

TEST_CASE("two chips with every spec figure equal are flagged, once, and a chip with one figure apart is not",
          "[bad]") {
  test::scratch_dir dir;
  const std::string figures = R"("memory": {"capacity": "80 GB", "bandwidth": "2 TB/s"}, "power": {"tdp": "500 W"}, )";
  test::write(dir.path() / "one.json", test::chip_json("one", "[]", figures));
  test::write(dir.path() / "two.json", test::chip_json("two", "[]", figures));
  test::write(dir.path() / "three.json", test::chip_json("three", "[]", figures));
  const std::string other = R"("memory": {"capacity": "80 GB", "bandwidth": "2 TB/s"}, "power": {"tdp": "400 W"}, )";
  test::write(dir.path() / "four.json", test::chip_json("four", "[]", other));
  // Three figures only (no power) are too few for equality to mean a copy.
  const std::string few = R"("memory": {"capacity": "80 GB", "bandwidth": "2 TB/s"}, )";
  test::write(dir.path() / "five.json", test::chip_json("five", "[]", few));
  test::write(dir.path() / "six.json", test::chip_json("six", "[]", few));
  const validation_report report = validate({layer_from_paths({dir.path().string()})});
  std::vector<std::string> lines;
  for (const auto& f : report.findings) lines.push_back(std::string(to_string(f.rule)) + " " + f.message.substr(0, f.message.find(':')));
  // Files are read in name order: one, three, two.
  CHECK(lines == std::vector<std::string>{
                     "duplicate-values every compute, memory, power and interconnect figure of \"three\" equals those "
                     "of \"one\" in " + (dir.path() / "one.json").string(),
                     "duplicate-values every compute, memory, power and interconnect figure of \"two\" equals those "
                     "of \"one\" in " + (dir.path() / "one.json").string()});
  CHECK(report.findings.front().level == severity::warning);
}

TEST_CASE("a user alias equal to a bundled chip's id is a finding; replacing that chip is not", "[bad]") {
  test::scratch_dir dir;
  test::write(dir.path() / "mine.json", test::chip_json("mine", R"(["H100", "nvidia-h100-sxm"])"));
  test::write(dir.path() / "nvidia-a100-sxm.json", test::chip_json("nvidia-a100-sxm", R"(["a100"])"));
  validation_layer layer = layer_from_paths({dir.path().string()});
  layer.ids_beneath = bundled_ids();
  const validation_report report = validate({layer});
  // "H100" is a bundled alias (shadowed, allowed); the file replacing nvidia-a100-sxm may keep its aliases.
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].rule == rule_id::duplicate_alias);
  CHECK_THAT(report.findings[0].message, test::contains("\"nvidia-h100-sxm\" is the id of a bundled chip"));
  // Without the bundled data beneath, nothing clashes.
  CHECK(validate({layer_from_paths({dir.path().string()})}).findings.empty());
}

TEST_CASE("validate reports the same findings in the same order on one thread or many", "[bad]") {
  // Files are checked in parallel, chunk by chunk; the whole corpus is more than one chunk and holds duplicate
  // ids across files (copied below), so ordering and the cross-file checks are both exercised.
  test::scratch_dir dir;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "bad")) {
    for (int copy = 0; copy < 3; ++copy) {
      std::filesystem::copy_file(entry.path(), dir.path() / (std::to_string(copy) + entry.path().filename().string()));
    }
  }
  const auto lines = [&](std::size_t jobs) {
    std::vector<std::string> out;
    const validation_report report = validate({layer_from_paths({dir.path().string()})}, jobs);
    for (const auto& f : report.findings) out.push_back(to_line(f) + " [" + std::string(to_string(f.rule)) + "]");
    out.push_back(std::to_string(report.files) + " files, " + std::to_string(report.chips) + " chips");
    return out;
  };
  const auto one = lines(1);
  CHECK(one.size() > 150);
  CHECK(std::count_if(one.begin(), one.end(), [](const std::string& l) { return l.ends_with("[duplicate-id]"); }) > 0);
  CHECK(lines(4) == one);
  CHECK(lines(0) == one);
}

TEST_CASE("the bundled data passes validate --strict", "[bad][data]") {
  const validation_report report = validate({bundled_layer()});
  for (const auto& f : report.findings) INFO(to_line(f) << " [" << to_string(f.rule) << "]");
  CHECK(report.findings.empty());
  CHECK(report.chips == report.files);
  CHECK_FALSE(report.failed(true));
}

TEST_CASE("every rule has an id and a reason", "[bad]") {
  std::set<std::string_view> ids;
  for (const auto& rule : all_rules()) {
    CHECK(ids.insert(rule.id).second);
    CHECK(rule.why.size() > 20);
    CHECK(find_rule(rule.id) == &rule);
  }
}

TEST_CASE("a source's accessed date is YYYY-MM-DD with a month 01-12 and a day 01-31", "[bad]") {
  const auto accessed_findings = [](const std::string& date) {
    test::scratch_dir dir;
    std::string text = test::chip_json("one");
    text.replace(text.find("2026-11-22"), 10, date);
    test::write(dir.path() / "one.json", text);
    std::size_t count = 0;
    for (const auto& f : validate({layer_from_paths({dir.path().string()})}).findings) {
      count += f.rule == rule_id::source_accessed;
    }
    return count;
  };
  for (const char* good : {"2026-11-22", "2024-01-01", "2024-12-31", "2024-02-29"}) {
    INFO(good);
    CHECK(accessed_findings(good) == 0);
  }
  for (const char* bad : {"2026-13-01", "2026-00-10", "2026-11-32", "2026-11-00", "2026-1-22", "2026-11", "2026",
                          "20261122", "2026/11/22", "2026-11-2x", " 2026-11-22", "2026-11-22 ", "２０２６-11-22"}) {
    INFO(bad);
    CHECK(accessed_findings(bad) == 1);
  }
}
