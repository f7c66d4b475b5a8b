// The committed corpus of bad chip files (tests/bad): each must fail to load with the finding and position that
// expected.tsv records, and none may crash.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"

TEST_CASE("every file of the bad-input corpus fails with its expected finding", "[bad]") {
  std::ifstream table(test::source_dir() / "bad" / "expected.tsv");
  REQUIRE(table);
  std::size_t cases = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, where, fragment;
    std::getline(fields, file, '\t');
    std::getline(fields, where, '\t');
    std::getline(fields, fragment);
    ++cases;
    DYNAMIC_SECTION(file) {
      const std::string text = test::read(test::source_dir() / "bad" / file);
      CHECK_THROWS_WITH(xpuspec::parse_chip(text, file),
                        Catch::StartsWith(file + ":" + where + ": ") && Catch::Contains(fragment));
    }
  }
  CHECK(cases >= 40);
}

TEST_CASE("generated hostile inputs fail cleanly", "[bad]") {
  // 100 000 levels of nesting where a string is expected.
  const std::string deep = test::chip_json("deep", "[]", "\"notes\": " + std::string(100000, '[') +
                                                             std::string(100000, ']') + ", ");
  CHECK_THROWS_WITH(xpuspec::parse_chip(deep, "deep.json"), Catch::Contains("\"notes\" entries must be strings"));
  // Unbalanced nesting, 100 000 deep: a syntax error at the end, not a stack overflow.
  CHECK_THROWS_WITH(xpuspec::parse_chip(std::string(100000, '['), "open.json"),
                    Catch::Contains("open.json:1:") && Catch::Contains("unexpected end of input"));
  // Every byte value alone.
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    CHECK_THROWS_AS(xpuspec::parse_chip(one, "byte.json"), xpuspec::error);
  }
}
