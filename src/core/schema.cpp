#include "xpuspec/schema.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
// GCC 12 reports a false -Wrestrict inside valijson's json_pointer string handling (a known GCC 12 issue with
// std::string::replace); it is in the library, not here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "xpuspec/bundled.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

struct compiled_schema {
  json document;
  valijson::Schema schema;
};

// Parsed and compiled once per process: every file validated after the first pays only for validation.
const compiled_schema& chip_schema() {
  static const std::unique_ptr<compiled_schema> compiled = [] {
    auto c = std::make_unique<compiled_schema>();
    c->document = json::parse(bundled_schema());
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(c->document);
    parser.populateSchema(adapter, c->schema);
    return c;
  }();
  return *compiled;
}

// The schema nodes that apply at one place of a document: a property's schema, what its $ref points to, and
// the then/else branches of a conditional (either may be the one in force).
void expand(const json& root, const json* node, std::vector<const json*>& out, int depth = 0) {
  if (node == nullptr || !node->is_object() || depth > 16) return;
  out.push_back(node);
  if (const auto ref = node->find("$ref"); ref != node->end() && ref->is_string()) {
    const std::string target = ref->get<std::string>();
    if (target.starts_with("#")) {
      try {
        expand(root, &root.at(json::json_pointer(target.substr(1))), out, depth + 1);
      } catch (const json::exception&) {
      }
    }
  }
  for (const char* branch : {"then", "else"}) {
    if (const auto b = node->find(branch); b != node->end()) expand(root, &*b, out, depth + 1);
  }
}

std::vector<const json*> nodes_at(const std::vector<std::string>& tokens) {
  const json& root = chip_schema().document;
  std::vector<const json*> current;
  expand(root, &root, current);
  for (const auto& token : tokens) {
    std::vector<const json*> next;
    for (const json* node : current) {
      if (const auto props = node->find("properties"); props != node->end() && props->contains(token)) {
        expand(root, &(*props)[token], next);
      } else if (const auto extra = node->find("additionalProperties"); extra != node->end() && extra->is_object()) {
        expand(root, &*extra, next);
      }
      if (const auto items = node->find("items"); items != node->end() && items->is_object()) {
        expand(root, &*items, next);
      }
    }
    current = std::move(next);
  }
  return current;
}

std::string description_of(const std::vector<const json*>& nodes) {
  for (const json* node : nodes) {
    if (const auto d = node->find("description"); d != node->end() && d->is_string()) return d->get<std::string>();
  }
  return "";
}

std::vector<std::string> property_names(const std::vector<const json*>& nodes) {
  std::vector<std::string> names;
  for (const json* node : nodes) {
    if (const auto props = node->find("properties"); props != node->end() && props->is_object()) {
      for (const auto& [key, unused] : props->items()) {
        if (std::find(names.begin(), names.end(), key) == names.end()) names.push_back(key);
      }
    }
  }
  return names;
}

std::string_view type_phrase(std::string_view type) {
  if (type == "string") return "a string";
  if (type == "number") return "a number";
  if (type == "integer") return "a whole number";
  if (type == "object") return "an object";
  if (type == "array") return "an array";
  if (type == "boolean") return "true or false";
  return "null";
}

std::string_view actual_type(const json& j) {
  switch (j.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_float: return "a number";
    default: return "a whole number";
  }
}

bool admits(const json& type, const json& value) {
  auto one = [&](const std::string& t) {
    if (t == "number") return value.is_number();
    if (t == "integer") return value.is_number_integer();
    if (t == "string") return value.is_string();
    if (t == "object") return value.is_object();
    if (t == "array") return value.is_array();
    if (t == "boolean") return value.is_boolean();
    return value.is_null();
  };
  if (type.is_string()) return one(type.get<std::string>());
  return std::any_of(type.begin(), type.end(), [&](const json& t) { return t.is_string() && one(t.get<std::string>()); });
}

// "memory" or "compute.bf16" for messages; "a chip file" at the top.
std::string where_of(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return "a chip file";
  return fmt::format("{}", fmt::join(tokens, "."));
}

// The name a message gives the value: its key, or "<parent>" entries for an array element.
std::string field_of(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return "the file";
  const std::string& last = tokens.back();
  if (!last.empty() && std::all_of(last.begin(), last.end(), ::isdigit) && tokens.size() > 1) {
    return fmt::format("\"{}\" entries", tokens[tokens.size() - 2]);
  }
  return fmt::format("\"{}\"", last);
}

std::string pointer_of(const std::vector<std::string>& tokens) {
  std::string pointer;
  for (const auto& t : tokens) {
    pointer += '/';
    pointer += pointer_escape(t);
  }
  return pointer;
}

std::string shown(const json& value) {
  return value.is_string() ? fmt::format("\"{}\"", value.get<std::string>()) : value.dump();
}

schema_problem translate(const json& document, const std::vector<std::string>& context, const std::string& text) {
  std::vector<std::string> tokens;
  for (const auto& c : context) {
    if (c == "<root>") continue;
    tokens.push_back(c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c);
  }
  const json* value = nullptr;
  try {
    value = &document.at(json::json_pointer(pointer_of(tokens)));
  } catch (const json::exception&) {
  }
  const auto nodes = nodes_at(tokens);
  schema_problem p{pointer_of(tokens), false, "schema", text};

  constexpr std::string_view unknown_marker = "'properties' or 'additionalProperties' constraints: '";
  if (const auto at = text.find(unknown_marker); at != std::string::npos) {
    const auto start = at + unknown_marker.size();
    const std::string key = text.substr(start, text.rfind('\'') - start);
    p.pointer += '/';
    p.pointer += pointer_escape(key);
    p.at_key = true;
    p.rule = "unknown-key";
    p.message = fmt::format("unknown key \"{}\" in {}{}", key, where_of(tokens), did_you_mean(key, property_names(nodes)));
  } else if (text.starts_with("Missing required property '")) {
    const std::string key = text.substr(27, text.rfind('\'') - 27);
    p.rule = "missing-key";
    p.message = tokens.empty() ? fmt::format("missing required key \"{}\"", key)
                               : fmt::format("missing required key \"{}\" in {}", key, where_of(tokens));
  } else if (text.starts_with("Value type not permitted") && value != nullptr) {
    p.rule = "wrong-type";
    // The node whose type the value broke says what was wanted.
    const json* wanted = nullptr;
    for (const json* node : nodes) {
      if (const auto t = node->find("type"); t != node->end() && !admits(*t, *value)) {
        wanted = node;
        break;
      }
    }
    std::string description = wanted ? wanted->value("description", std::string()) : description_of(nodes);
    if (description.empty()) description = description_of(nodes);
    const auto example_at = description.find("such as \"");
    if (tokens.empty()) {
      p.message = fmt::format("a chip file must be a JSON object, not {}", actual_type(*value));
    } else if (value->is_number() && example_at != std::string::npos) {
      // A bare number where a quantity belongs: say which unit the field takes.
      const auto example_end = description.find('"', example_at + 9);
      const std::string example = description.substr(example_at + 9, example_end - example_at - 9);
      const std::string unit = example.substr(example.rfind(' ') + 1);
      p.message = fmt::format("{} needs a unit: write it as a string such as \"{} {}\"", value->dump(), value->dump(),
                              unit);
    } else {
      std::vector<std::string> types;
      if (wanted && wanted->contains("type")) {
        const json& t = (*wanted)["type"];
        if (t.is_string()) types.emplace_back(type_phrase(t.get<std::string>()));
        else for (const auto& one : t) types.emplace_back(type_phrase(one.get<std::string>()));
      }
      p.message = fmt::format("{} must be {}{}, not {}", field_of(tokens), fmt::join(types, " or "),
                              description.empty() ? "" : " (" + description + ")", actual_type(*value));
    }
  } else if (text.starts_with("Failed to match against any enum values") && value != nullptr) {
    p.rule = "enum";
    std::vector<std::string> choices;
    for (const json* node : nodes) {
      if (const auto e = node->find("enum"); e != node->end()) {
        for (const auto& c : *e) choices.push_back(c.is_string() ? c.get<std::string>() : c.dump());
      }
    }
    p.message = fmt::format("{} {} must be one of {}{}", field_of(tokens), shown(*value), fmt::join(choices, ", "),
                            value->is_string() ? did_you_mean(value->get<std::string>(), choices) : "");
  } else if (text.starts_with("Failed to match regex") && value != nullptr) {
    p.rule = "pattern";
    p.message = fmt::format("{} {} is not {}", field_of(tokens), shown(*value), description_of(nodes));
  } else if (text.starts_with("Expected number greater than") && value != nullptr) {
    p.rule = "positive";
    p.message = fmt::format("{} {} must be positive", field_of(tokens), value->dump());
  } else if (text.starts_with("String should be no fewer than")) {
    p.rule = "wrong-type";
    p.message = fmt::format("{} must not be empty", field_of(tokens));
  }
  return p;
}

}  // namespace

std::string_view chip_schema_text() { return bundled_schema(); }

std::vector<schema_problem> check_schema(const json& document) {
  const compiled_schema& compiled = chip_schema();
  // The validator caches the compiled std::regex of each "pattern"; a fresh one per file recompiled them every time,
  // which was most of a file's load time. One per thread keeps the cache and stays safe for threaded callers.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  if (validator.validate(compiled.schema, target, &results)) return {};

  std::vector<schema_problem> specific;
  std::vector<schema_problem> generic;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    // valijson follows each failure with summaries ("Failed to validate against ..."): keep them only when
    // nothing more specific was said.
    auto& bucket = e.description.starts_with("Failed to validate") ? generic : specific;
    schema_problem p = translate(document, e.context, e.description);
    const bool seen = std::any_of(bucket.begin(), bucket.end(), [&](const schema_problem& q) {
      return q.pointer == p.pointer && q.message == p.message;
    });
    if (!seen) bucket.push_back(std::move(p));
  }
  return specific.empty() ? generic : specific;
}

}  // namespace xpuspec
