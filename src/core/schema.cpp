#include "xpuspec/schema.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include <unordered_map>

#include <fmt/format.h>

#include "core/regex.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// The keywords of draft-07 that the chip schema uses, each failure typed by the keyword that failed, so a rule id
// follows from the keyword and never from a message's wording. (if/anyOf only decide; they never fail alone.)
enum class keyword { type, required, additional_properties, enumeration, pattern, exclusive_minimum, min_length };

struct violation {
  std::vector<std::string> tokens;  // where in the document
  keyword failed;
  std::string key;  // required and additional_properties: the key missing or not allowed
  const json* node = nullptr;  // the schema node whose keyword failed
};

enum type_bit : unsigned {
  t_number = 1,
  t_integer = 2,
  t_string = 4,
  t_object = 8,
  t_array = 16,
  t_boolean = 32,
  t_null = 64,
};

unsigned type_bits(std::string_view t) {
  if (t == "number") return t_number;
  if (t == "integer") return t_integer;
  if (t == "string") return t_string;
  if (t == "object") return t_object;
  if (t == "array") return t_array;
  if (t == "boolean") return t_boolean;
  return t_null;
}

bool admits_bits(unsigned bits, const json& value) {
  switch (value.type()) {
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return (bits & (t_number | t_integer)) != 0;
    case json::value_t::number_float: {
      if (bits & t_number) return true;
      // Draft 6 on: an integer is any number with no fractional part, so 2.0 is one (draft 4 said otherwise).
      const double x = value.get<double>();
      return (bits & t_integer) && std::isfinite(x) && std::trunc(x) == x;
    }
    case json::value_t::string: return (bits & t_string) != 0;
    case json::value_t::object: return (bits & t_object) != 0;
    case json::value_t::array: return (bits & t_array) != 0;
    case json::value_t::boolean: return (bits & t_boolean) != 0;
    default: return (bits & t_null) != 0;
  }
}

// One schema object with its keywords looked up once: evaluating a file then walks these, never the schema's own
// JSON (a keyword lookup there is a string search per keyword per value, most of a file's validation time).
struct schema_node {
  const json* source = nullptr;  // the schema's JSON, for messages
  const schema_node* ref = nullptr;
  std::optional<unsigned> types;
  const json* enumeration = nullptr;
  std::optional<double> min_length;
  const ascii_regex* pattern = nullptr;
  std::optional<double> exclusive_minimum;
  const schema_node* items = nullptr;
  std::vector<const schema_node*> any_of;
  const schema_node* condition = nullptr;
  const schema_node* then_branch = nullptr;
  const schema_node* else_branch = nullptr;
  std::vector<std::string> required;
  std::unordered_map<std::string, const schema_node*> properties;
  bool forbids_others = false;                    // additionalProperties: false
  const schema_node* others = nullptr;            // additionalProperties: {schema}
};

// The schema, parsed once, with every $ref resolved and every pattern compiled: evaluating a file then only walks
// it. Read-only after construction, so threads share it.
struct compiled_schema {
  json document;
  // By text: the schema repeats its value patterns (a unit's two places, "unsupported|unpublished|unknown" eight
  // times), and each is compiled once.
  std::unordered_map<std::string, ascii_regex> patterns;
  std::unordered_map<const json*, std::unique_ptr<schema_node>> nodes;
  const schema_node* root = nullptr;

  const schema_node* compile(const json& j, int depth = 0) {
    if (!j.is_object() || depth > 64) return nullptr;
    if (const auto found = nodes.find(&j); found != nodes.end()) return found->second.get();
    schema_node& n = *nodes.emplace(&j, std::make_unique<schema_node>()).first->second;
    n.source = &j;
    if (const auto ref = j.find("$ref"); ref != j.end() && ref->is_string()) {
      const std::string target = ref->get<std::string>();
      if (target.starts_with("#")) n.ref = compile(document.at(json::json_pointer(target.substr(1))), depth + 1);
    }
    if (const auto t = j.find("type"); t != j.end()) {
      unsigned bits = 0;
      if (t->is_string()) bits = type_bits(t->get<std::string>());
      for (const auto& one : *t) {
        if (t->is_array() && one.is_string()) bits |= type_bits(one.get<std::string>());
      }
      n.types = bits;
    }
    if (const auto e = j.find("enum"); e != j.end() && e->is_array()) n.enumeration = &*e;
    if (const auto m = j.find("minLength"); m != j.end() && m->is_number()) n.min_length = m->get<double>();
    if (const auto p = j.find("pattern"); p != j.end() && p->is_string()) {
      const std::string& source = p->get_ref<const std::string&>();
      auto found = patterns.find(source);
      if (found == patterns.end()) found = patterns.emplace(source, ascii_regex(source, std::regex::ECMAScript)).first;
      n.pattern = &found->second;
    }
    if (const auto m = j.find("exclusiveMinimum"); m != j.end() && m->is_number()) n.exclusive_minimum = m->get<double>();
    if (const auto items = j.find("items"); items != j.end()) n.items = compile(*items, depth + 1);
    if (const auto any = j.find("anyOf"); any != j.end() && any->is_array()) {
      for (const auto& branch : *any) n.any_of.push_back(compile(branch, depth + 1));
    }
    if (const auto c = j.find("if"); c != j.end()) {
      n.condition = compile(*c, depth + 1);
      if (const auto b = j.find("then"); b != j.end()) n.then_branch = compile(*b, depth + 1);
      if (const auto b = j.find("else"); b != j.end()) n.else_branch = compile(*b, depth + 1);
    }
    if (const auto required = j.find("required"); required != j.end() && required->is_array()) {
      for (const auto& key : *required) {
        if (key.is_string()) n.required.push_back(key.get<std::string>());
      }
    }
    if (const auto props = j.find("properties"); props != j.end() && props->is_object()) {
      for (const auto& [key, rule] : props->items()) n.properties.emplace(key, compile(rule, depth + 1));
    }
    if (const auto extra = j.find("additionalProperties"); extra != j.end()) {
      n.forbids_others = extra->is_boolean() && !extra->get<bool>();
      n.others = compile(*extra, depth + 1);
    }
    return &n;
  }
};

// Parsed and compiled once per process: every file validated after the first pays only for validation.
const compiled_schema& chip_schema() {
  static const std::unique_ptr<compiled_schema> compiled = [] {
    auto c = std::make_unique<compiled_schema>();
    c->document = json::parse(bundled_schema());
    c->root = c->compile(c->document);
    return c;
  }();
  return *compiled;
}

bool admits(const json& type, const json& value);

constexpr std::size_t longest_patterned_string = 1024;

// Applies one schema node to one value. With no `out` it only answers whether the value is valid (for "if" and
// "anyOf"); with one, it records every keyword that fails, as valijson and other draft-07 validators do.
class evaluator {
 public:
  explicit evaluator(std::vector<violation>* out) : out_(out) {}

  bool valid(const schema_node* node, const json& value, int depth = 0) {
    if (node == nullptr || depth > 64) return true;
    bool ok = true;
    const auto fail = [&](keyword k, std::string key = {}) {
      ok = false;
      if (out_) out_->push_back({tokens(), k, std::move(key), node->source});
    };
    if (node->ref) {
      ok = valid(node->ref, value, depth + 1) && ok;
      if (!ok && !out_) return false;
    }
    if (node->types && !admits_bits(*node->types, value)) fail(keyword::type);
    if (node->enumeration && std::find(node->enumeration->begin(), node->enumeration->end(), value) ==
                                 node->enumeration->end()) {
      fail(keyword::enumeration);
    }
    if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      // minLength counts characters, not bytes (draft-07).
      if (node->min_length && static_cast<double>(code_points(text)) < *node->min_length) fail(keyword::min_length);
      // libstdc++'s std::regex recurses once per character: a 30 kB string would overflow the stack. Every pattern
      // here describes a short token (an id, a date, a quantity), so a longer string fails it unmatched.
      if (node->pattern && (text.size() > longest_patterned_string || !std::regex_search(text, *node->pattern))) {
        fail(keyword::pattern);
      }
    }
    if (value.is_number() && node->exclusive_minimum && !(value.get<double>() > *node->exclusive_minimum)) {
      fail(keyword::exclusive_minimum);
    }
    if (value.is_object()) ok = object_valid(*node, value, depth, fail) && ok;
    if (value.is_array() && node->items) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        path_.push_back({nullptr, i});
        ok = valid(node->items, value[i], depth + 1) && ok;
        path_.pop_back();
      }
    }
    if (!node->any_of.empty()) {
      evaluator quiet(nullptr);
      const bool one = std::any_of(node->any_of.begin(), node->any_of.end(),
                                   [&](const schema_node* branch) { return quiet.valid(branch, value, depth + 1); });
      if (!one) {
        // No branch holds: what each branch misses is what to fix.
        for (const schema_node* branch : node->any_of) ok = valid(branch, value, depth + 1) && ok;
      }
    }
    if (node->condition) {
      evaluator quiet(nullptr);
      const schema_node* branch = quiet.valid(node->condition, value, depth + 1) ? node->then_branch : node->else_branch;
      if (branch) ok = valid(branch, value, depth + 1) && ok;
    }
    return ok;
  }

 private:
  template <typename Fail>
  bool object_valid(const schema_node& node, const json& value, int depth, Fail& fail) {
    bool ok = true;
    for (const auto& key : node.required) {
      if (!value.contains(key)) fail(keyword::required, key);
    }
    for (const auto& [key, member] : value.get_ref<const json::object_t&>()) {
      const auto declared = node.properties.find(key);
      if (declared == node.properties.end() && node.forbids_others) {
        fail(keyword::additional_properties, key);
        continue;
      }
      const schema_node* rule = declared != node.properties.end() ? declared->second : node.others;
      if (rule == nullptr) continue;
      path_.push_back({&key, 0});
      ok = valid(rule, member, depth + 1) && ok;
      path_.pop_back();
    }
    return ok;
  }

  // Where the evaluator is in the document, as the keys and indexes walked: made into strings only for a failure.
  struct step {
    const std::string* key;  // nullptr: an array element
    std::size_t index;
  };
  std::vector<std::string> tokens() const {
    std::vector<std::string> out;
    out.reserve(path_.size());
    for (const auto& s : path_) out.push_back(s.key ? *s.key : std::to_string(s.index));
    return out;
  }

  std::vector<violation>* out_;
  std::vector<step> path_;
};

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
    // Draft 6 on: an integer is any number with no fractional part, so 2.0 is one (draft 4 said otherwise).
    if (t == "integer") {
      return value.is_number_integer() ||
             (value.is_number_float() && std::isfinite(value.get<double>()) &&
              std::trunc(value.get<double>()) == value.get<double>());
    }
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

schema_problem translate(const json& document, const violation& v) {
  const std::vector<std::string>& tokens = v.tokens;
  const json* value = nullptr;
  try {
    value = &document.at(json::json_pointer(pointer_of(tokens)));
  } catch (const json::exception&) {
  }
  const auto nodes = nodes_at(tokens);
  schema_problem p{pointer_of(tokens), false, false, rule_id::schema, "does not match the chip-file schema"};
  p.checked_by_loader = (v.failed == keyword::pattern || v.failed == keyword::exclusive_minimum) && v.node &&
                        v.node->value("x-xpuspec-checked-by", "") == "loader";

  const std::string& key = v.key;
  if (v.failed == keyword::additional_properties) {
    p.pointer += '/';
    p.pointer += pointer_escape(key);
    p.at_key = true;
    p.rule = rule_id::unknown_key;
    p.message = fmt::format("unknown key \"{}\" in {}{}", key, where_of(tokens), did_you_mean(key, property_names(nodes)));
  } else if (v.failed == keyword::required) {
    p.rule = rule_id::missing_key;
    p.message = tokens.empty() ? fmt::format("missing required key \"{}\"", key)
                               : fmt::format("missing required key \"{}\" in {}", key, where_of(tokens));
  } else if (v.failed == keyword::type && value != nullptr) {
    p.rule = rule_id::wrong_type;
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
  } else if (v.failed == keyword::enumeration && value != nullptr) {
    p.rule = rule_id::enum_word;
    std::vector<std::string> choices;
    for (const json* node : nodes) {
      if (const auto e = node->find("enum"); e != node->end()) {
        for (const auto& c : *e) choices.push_back(c.is_string() ? c.get<std::string>() : c.dump());
      }
    }
    p.message = fmt::format("{} {} must be one of {}{}", field_of(tokens), shown(*value), fmt::join(choices, ", "),
                            value->is_string() ? did_you_mean(value->get<std::string>(), choices) : "");
  } else if (v.failed == keyword::pattern && value != nullptr) {
    p.rule = rule_id::pattern;
    p.message = fmt::format("{} {} is not {}", field_of(tokens), shown(*value), description_of(nodes));
  } else if (v.failed == keyword::exclusive_minimum && value != nullptr) {
    p.rule = rule_id::positive;
    p.message = fmt::format("{} {} must be positive", field_of(tokens), value->dump());
  } else if (v.failed == keyword::min_length) {
    p.rule = rule_id::wrong_type;
    p.message = fmt::format("{} must not be empty", field_of(tokens));
  }
  return p;
}

}  // namespace

std::string_view chip_schema_text() { return bundled_schema(); }

std::vector<schema_problem> check_schema(const json& document) {
  const compiled_schema& schema = chip_schema();
  std::vector<violation> violations;
  evaluator(&violations).valid(schema.root, document);
  std::vector<schema_problem> problems;
  for (const auto& v : violations) {
    schema_problem p = translate(document, v);
    // One value can fail the same way through two branches that both apply (a $ref and its conditional).
    const bool seen = std::any_of(problems.begin(), problems.end(), [&](const schema_problem& q) {
      return q.pointer == p.pointer && q.message == p.message;
    });
    if (!seen) problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace xpuspec
