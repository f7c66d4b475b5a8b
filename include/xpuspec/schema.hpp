#pragma once
// The chip-file schema (data/schema/chip.schema.json), compiled once and applied by a draft-07 evaluator of the
// keywords it uses. Each failure is typed by its keyword, which gives the rule id; the message says what people can
// act on: the key, what it must be, and "did you mean". valijson checks the evaluator in the tests.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xpuspec/rules.hpp"

namespace xpuspec {

struct schema_problem {
  std::string pointer;  // JSON pointer of the value (or, with at_key, of the key) at fault
  bool at_key = false;
  // The schema node says the loader checks this value itself, with a more precise finding (its quantity pattern,
  // its positive number): editors underline it from the schema, the loader reports it.
  bool checked_by_loader = false;
  rule_id rule = rule_id::schema;
  std::string message;
};

std::string_view chip_schema_text();
std::vector<schema_problem> check_schema(const nlohmann::json& document);

}  // namespace xpuspec
