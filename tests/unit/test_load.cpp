#include "catch.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "helpers.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/report.hpp"

using namespace xpuspec;

TEST_CASE("a chip file loads every field with unit, basis and source", "[load]") {
  const chip alpha = test::fixture("acme-alpha");
  CHECK(alpha.id == "acme-alpha");
  CHECK(alpha.name == "Acme Alpha 50GB");
  CHECK(alpha.aliases == std::vector<xpuspec::text>{"alpha", "Alpha-SXM"});
  CHECK(alpha.process_node == "N5");
  CHECK(alpha.process_nm == 5.0);
  CHECK(*alpha.at(precision::bf16).dense.amount == 100);
  CHECK(*alpha.at(precision::bf16).sparse.amount == 200);
  CHECK(alpha.at(precision::bf16).dense.source == "alpha-sheet");  // the file's default source
  CHECK(alpha.at(precision::bf16).dense.written == "100 TFLOPS");
  CHECK(pointer_of(alpha, alpha.at(precision::bf16).dense) == "/compute/bf16/dense");
  CHECK(pointer_of(alpha, alpha.at(precision::fp32).dense) == "/compute/fp32");  // written "fp32": "25 TFLOPS"
  CHECK(pointer_of(alpha, alpha.memory_capacity) == "/memory/capacity");
  CHECK(alpha.at(precision::fp4).dense.missing == absence::unsupported);
  CHECK(alpha.at(precision::fp4).dense.source.empty());  // a missing value needs no source
  CHECK(*alpha.tdp.amount == 500);                       // 0.5 kW
  CHECK(alpha.interconnect_direction == "bidirectional");
  CHECK(*alpha.interconnect_domain.amount == 8);
  CHECK(*alpha.price_usd.amount == 20000);
  CHECK(*alpha.die_count.amount == 1);
  CHECK(*alpha.die_area.amount == 600);
  CHECK(*alpha.transistors.amount == 50);
  CHECK(*alpha.memory_stacks.amount == 5);
  CHECK(alpha.memory_stacks.basis == basis::derived);
  REQUIRE(alpha.sources.size() == 2);
  CHECK(alpha.sources[0].url == "https://example.com/alpha.pdf");
  CHECK(alpha.sources[1].published == "2026-06-01");
  CHECK(alpha.price_cloud_hour.source == "example-cloud");
  CHECK_FALSE(alpha.bundled);
}

TEST_CASE("the long form carries its own basis, source and note", "[load]") {
  const chip beta = test::fixture("bolt-beta");
  const value& bf16 = beta.at(precision::bf16).dense;
  CHECK(*bf16.amount == 400);
  CHECK(bf16.basis == basis::estimate);
  CHECK(bf16.source == "beta-blog");
  CHECK(bf16.note == "third-party figure");
  CHECK(bf16.written == "400 TFLOPS");
  CHECK_FALSE(beta.tdp.known());
  CHECK(beta.tdp.missing == absence::unpublished);
  CHECK(beta.tdp.note == "Bolt publishes no power figure");
  CHECK(*beta.interconnect_bandwidth.amount == Approx(200));  // 1600 Gb/s
}

TEST_CASE("show lists every value the file mentions, and no precision it never mentions", "[load]") {
  const chip beta = test::fixture("bolt-beta");
  const show_report sheet = make_show(beta);
  std::vector<std::string> fields;
  for (const auto& e : sheet.entries) fields.push_back(e.field);
  CHECK(fields == std::vector<std::string>{"compute.bf16.dense", "compute.fp8.dense", "memory.capacity",
                                           "memory.bandwidth", "power.tdp", "interconnect.bandwidth",
                                           "interconnect.domain", "price.usd", "price.cloud_hour"});
}

TEST_CASE("a byte-order mark before the object is accepted", "[load]") {
  const chip c = parse_chip("\xEF\xBB\xBF" + test::chip_json("bom-chip"), "bom.json");
  CHECK(c.id == "bom-chip");
}

TEST_CASE("errors name the file, line and column of the value", "[load]") {
  const std::string text = "{\n  \"id\": \"x\",\n  \"name\": \"X\",\n  \"vendor\": \"V\",\n  \"status\": \"shipping\",\n"
                           "  \"power\": { \"tdp\": \"3.35 TB/s\" },\n  \"source\": \"s\",\n"
                           "  \"sources\": { \"s\": { \"title\": \"t\", \"url\": \"u\" } }\n}\n";
  // Line 6 is `  "power": { "tdp": "3.35 TB/s" },`; the value's quote is column 21.
  CHECK_THROWS_WITH(parse_chip(text, "dir/chip.json"),
                    test::starts_with("dir/chip.json:6:21: \"3.35 TB/s\" is in bandwidth units"));
}

TEST_CASE("JSON positions map pointers to offsets", "[load]") {
  const std::string text = R"({"a": {"b~c/d": [10, {"e": "x"}]}, "\u00e9": 1})";
  const json_positions p = index_json_positions(text);
  CHECK(p.offset_of("") == 0);
  CHECK(p.offset_of("/a") == 6);
  // Offsets counted by hand over the text above: '[' at 16, 10 at 17, '{' at 21, "x" at 27, 1 at 45.
  CHECK(p.offset_of("/a/b~0c~1d") == 16);
  CHECK(p.offset_of("/a/b~0c~1d/0") == 17);
  CHECK(p.offset_of("/a/b~0c~1d/1") == 21);
  CHECK(p.offset_of("/a/b~0c~1d/1/e") == 27);
  CHECK(p.offset_of("/\xC3\xA9") == 45);
  CHECK(p.key_offset_of("/a") == 1);
  CHECK(p.offset_of("/a/nothing/here") == 6);  // nearest ancestor
  CHECK(p.duplicate_keys().empty());
  CHECK(p.offset_of("/a/b~0c~1d/7") == 16);  // no such element: the array
  CHECK(p.offset_of("/a/b~0c~1d/x") == 16);  // not an index
}

TEST_CASE("JSON positions point a duplicate key at its later occurrence and keep the first value", "[load]") {
  const std::string text = R"({"k": 1, "o": {"k": 2}, "k": [3], "k": 4})";
  const json_positions p = index_json_positions(text);
  // Offsets by hand: the first "k" key at 1, its value at 6; the last top-level "k" key at 34.
  CHECK(p.duplicate_keys() == std::vector<std::string>{"/k", "/k"});
  CHECK(p.offset_of("/k") == 6);
  CHECK(p.key_offset_of("/k") == 34);
  CHECK(p.offset_of("/o/k") == 20);
}

TEST_CASE("JSON positions find the end of strings that end in backslashes or hold escaped quotes", "[load]") {
  // Each string below ends in an escaped backslash or holds an escaped quote: the scanner must not take the
  // quote after a backslash as the end, nor an escaped backslash as escaping the closing quote.
  const std::string text = R"({"a": "x\\", "b\"c": "\"", "d": "\\\"\\", "e\\": [1], "e\\": 2})";
  const json_positions p = index_json_positions(text);
  // Offsets by hand: "a" value at 6; key "b\"c" at 13, its value at 21; "d" value at 32; the keys "e\\" at 42
  // and 54 (a duplicate), the first one's value at 49.
  CHECK(p.offset_of("/a") == 6);
  CHECK(p.key_offset_of("/b\"c") == 13);
  CHECK(p.offset_of("/b\"c") == 21);
  CHECK(p.offset_of("/d") == 32);
  CHECK(p.duplicate_keys() == std::vector<std::string>{"/e\\"});
  CHECK(p.offset_of("/e\\") == 49);
  CHECK(p.key_offset_of("/e\\") == 54);
  CHECK(p.offset_of("/e\\/0") == 50);
}

TEST_CASE("JSON positions index an object of 100 000 members, duplicates among them, in linear time", "[load]") {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += fmt::format("{}\"k{}\": {}", i == 0 ? "" : ", ", i % 50000, i);
  text += "}";
  const json_positions p = index_json_positions(text);
  CHECK(p.duplicate_keys().size() == 50000);
  // A duplicate keeps the first value's place and points at the later key.
  CHECK(p.offset_of("/k49999") == text.find("\"k49999\"") + std::string_view("\"k49999\": ").size());
  CHECK(p.key_offset_of("/k49999") == text.rfind("\"k49999\""));
}

TEST_CASE("JSON positions index a matrix of 10 rows of 100 000 numbers in linear time", "[load]") {
  // Elements differ only in their index and their row: the member index must spread them, not stack them.
  std::string row = "[0";
  for (int i = 1; i < 100000; ++i) row += ",1";
  row += "]";
  std::string text = "{\"m\": [" + row;
  for (int r = 1; r < 10; ++r) text += "," + row;
  text += "]}";
  const json_positions p = index_json_positions(text);
  CHECK(p.offset_of("/m/9/99999") == text.size() - 4);
  CHECK(p.offset_of("/m/0/0") == 8);
}

TEST_CASE("JSON positions survive 100 000 levels of nesting in linear time", "[load]") {
  const std::string deep = "{\"notes\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  const json_positions p = index_json_positions(deep);
  CHECK(p.offset_of("/notes") == 10);
  CHECK(p.offset_of("/notes/0") == 11);
}

TEST_CASE("a whole number written with a zero fraction is a whole number, as JSON Schema draft 7 says", "[load]") {
  const chip c = parse_chip(test::chip_json("count-2-0", "[]", "\"interconnect\": {\"domain\": 8.0}, "), "c.json");
  CHECK(*c.interconnect_domain.amount == 8);
  CHECK_THROWS_WITH(parse_chip(test::chip_json("count-2-5", "[]", "\"interconnect\": {\"domain\": 8.5}, "), "c.json"),
                    test::contains("whole number"));
}
