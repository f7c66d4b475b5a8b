// The field table (xpuspec/fields.hpp) is the one description of a chip file's values; the JSON Schema that editors
// and validate read is written by hand beside it. These tests hold the two together in both directions, so a value
// field added to one and not the other fails here rather than in a user's editor.

#include "catch.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "xpuspec/fields.hpp"
#include "xpuspec/schema.hpp"

using namespace xpuspec;
using schema_json = nlohmann::json;

namespace {

// The schema definition a value of this kind takes.
std::set<std::string> definitions_for(const value_kind& kind) {
  if (!kind.plain) {
    switch (kind.dim) {
      case dimension::memory: return {"#/definitions/memory"};
      case dimension::bandwidth: return {"#/definitions/bandwidth"};
      case dimension::power: return {"#/definitions/power"};
      default: return {};
    }
  }
  // Whole counts, prices and other plain numbers.
  return {"#/definitions/count", "#/definitions/chip_count", "#/definitions/usd", "#/definitions/positive_number"};
}

const std::set<std::string> value_definitions{
    "#/definitions/memory", "#/definitions/bandwidth",  "#/definitions/power",          "#/definitions/count",
    "#/definitions/chip_count", "#/definitions/usd",    "#/definitions/positive_number", "#/definitions/float_rate",
    "#/definitions/integer_rate"};

}  // namespace

TEST_CASE("every value field of the table is in the schema, as the kind of value it is", "[fields]") {
  const schema_json schema = schema_json::parse(chip_schema_text());
  for (const value_field& field : value_fields) {
    const std::string group(field.group);
    INFO(group << "." << field.key);
    REQUIRE(schema["properties"].contains(group));
    if (field.member == nullptr) {
      for (precision p : all_precisions) {
        const schema_json& entry = schema["properties"][group]["properties"][std::string(to_string(p))];
        CHECK(entry["$ref"] == (is_integer(p) ? "#/definitions/integer_rate" : "#/definitions/float_rate"));
      }
      continue;
    }
    const schema_json& properties = schema["properties"][group]["properties"];
    REQUIRE(properties.contains(std::string(field.key)));
    const schema_json& entry = properties[std::string(field.key)];
    REQUIRE(entry.contains("$ref"));
    CHECK(definitions_for(field.kind).count(entry["$ref"].get<std::string>()) == 1);
    CHECK(field.kind.min > 0);
    CHECK(field.kind.min < field.kind.max);
    CHECK_FALSE(field.meaning.empty());
  }
}

TEST_CASE("every value the schema allows has a row in the field table", "[fields]") {
  const schema_json schema = schema_json::parse(chip_schema_text());
  std::set<std::string> in_table;
  for (const value_field& field : value_fields) in_table.insert(std::string(field.group) + "." + std::string(field.key));
  std::size_t values = 0;
  for (const auto& [group, node] : schema["properties"].items()) {
    if (!node.contains("properties")) continue;
    for (const auto& [key, entry] : node["properties"].items()) {
      if (!entry.contains("$ref") || value_definitions.count(entry["$ref"].get<std::string>()) == 0) continue;
      ++values;
      INFO(group << "." << key);
      CHECK(in_table.count(group == "compute" ? "compute." : group + "." + key) == 1);
    }
  }
  CHECK(values >= 20);
}

TEST_CASE("the schema's quantity patterns accept every unit the loader accepts, and no other", "[fields]") {
  // An editor must not underline a value the tool reads: each field's pattern is checked against the unit table.
  const std::vector<std::pair<dimension, std::vector<std::string>>> places{
      {dimension::float_compute, {"compute", "bf16"}}, {dimension::integer_compute, {"compute", "int8"}},
      {dimension::memory, {"memory", "capacity"}},     {dimension::bandwidth, {"memory", "bandwidth"}},
      {dimension::power, {"power", "tdp"}}};
  const auto chip_with = [](const std::vector<std::string>& at, const std::string& text) {
    schema_json doc{{"id", "x"}, {"name", "X"}, {"vendor", "V"}, {"status", "shipping"}};
    doc[at[0]][at[1]] = text;
    return doc;
  };
  for (const auto& [dim, at] : places) {
    for (const auto unit : accepted_units(dim)) {
      for (const std::string number : {"1", "0.5", "3.35", ".5", "1e3", "2.5E-1"}) {
        INFO(at[0] << "." << at[1] << " = " << number << " " << unit);
        CHECK(check_schema(chip_with(at, number + " " + std::string(unit))).empty());
      }
    }
    // Another dimension's unit ("80 W" as a memory capacity) is the classic slip the pattern exists for.
    for (const auto& [other, unused] : places) {
      if (other == dim) continue;
      for (const auto unit : accepted_units(other)) {
        INFO(at[0] << "." << at[1] << " = 80 " << unit);
        CHECK_FALSE(check_schema(chip_with(at, "80 " + std::string(unit))).empty());
      }
    }
    for (const std::string bad : {"1 furlongs", "0 W", "-1 TFLOPS", "nan TB/s", "80", "unknwon", " unknown "}) {
      INFO(at[0] << "." << at[1] << " = " << bad);
      CHECK_FALSE(check_schema(chip_with(at, bad)).empty());
    }
  }
}
