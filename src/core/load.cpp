#include "xpuspec/load.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "xpuspec/error.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// What a value in a chip file measures: a unit-bearing quantity, or a plain number.
struct value_kind {
  enum { quantity, count, usd } kind;
  dimension dim = dimension::power;
};

constexpr value_kind quantity_of(dimension d) { return {value_kind::quantity, d}; }
constexpr value_kind plain_count{value_kind::count};
constexpr value_kind plain_usd{value_kind::usd};

std::vector<std::string> as_strings(std::span<const std::string_view> keys) {
  return {keys.begin(), keys.end()};
}

std::string_view type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

const std::vector<std::string_view> chip_keys{
    "$schema", "id",      "name",   "vendor", "family",       "aliases", "form_factor", "status", "released",
    "process", "compute", "memory", "power",  "interconnect", "price",   "source",      "sources", "notes"};
const std::vector<std::string_view> long_form_keys{"value", "unit", "basis", "source", "note"};
const std::vector<std::string_view> rate_keys{"dense", "sparse"};
const std::vector<std::string_view> process_keys{"node", "nm"};
const std::vector<std::string_view> memory_keys{"capacity", "type", "bandwidth"};
const std::vector<std::string_view> power_keys{"tdp", "term"};
const std::vector<std::string_view> interconnect_keys{"name", "bandwidth", "direction", "domain"};
const std::vector<std::string_view> price_keys{"usd"};
const std::vector<std::string_view> source_keys{"title", "url", "accessed", "publisher"};
const std::vector<std::string_view> directions{"unidirectional", "bidirectional"};

class reader {
 public:
  reader(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

  void index(const json& doc) {
    positions_ = index_json_positions(text_);
    if (!positions_.duplicate_keys.empty()) {
      const std::string& pointer = positions_.duplicate_keys.front();
      fail_at_key(pointer, fmt::format("duplicate key \"{}\"", last_token(pointer)));
    }
    if (!doc.is_object()) fail("", fmt::format("a chip file must be a JSON object, not {}", type_name(doc)));
  }

  [[noreturn]] void fail(std::string_view pointer, std::string_view message) const {
    throw error(located(origin_, position_of(text_, positions_.offset_of(pointer)), message));
  }

  [[noreturn]] void fail_at_key(std::string_view pointer, std::string_view message) const {
    throw error(located(origin_, position_of(text_, positions_.key_offset_of(pointer)), message));
  }

  void check_keys(const json& object, const std::string& pointer, const std::vector<std::string_view>& allowed,
                  std::string_view what) const {
    if (!object.is_object()) fail(pointer, fmt::format("{} must be an object, not {}", what, type_name(object)));
    for (const auto& [key, unused] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail_at_key(pointer + "/" + pointer_escape(key),
                    fmt::format("unknown key \"{}\" in {}{}", key, what, did_you_mean(key, as_strings(allowed))));
      }
    }
  }

  std::string text_field(const json& object, const std::string& pointer, std::string_view key, bool required) const {
    const std::string here = pointer + "/" + std::string(key);
    if (!object.contains(key)) {
      if (required) fail(pointer, fmt::format("missing required key \"{}\"", key));
      return "";
    }
    const json& node = object.at(std::string(key));
    if (!node.is_string()) fail(here, fmt::format("\"{}\" must be a string, not {}", key, type_name(node)));
    std::string s = node.get<std::string>();
    if (required && s.empty()) fail(here, fmt::format("\"{}\" must not be empty", key));
    return s;
  }

  std::vector<std::string> string_list(const json& object, const std::string& pointer, std::string_view key) const {
    std::vector<std::string> out;
    if (!object.contains(key)) return out;
    const std::string here = pointer + "/" + std::string(key);
    const json& node = object.at(std::string(key));
    if (!node.is_array()) fail(here, fmt::format("\"{}\" must be an array of strings, not {}", key, type_name(node)));
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (!node[i].is_string()) {
        fail(here + "/" + std::to_string(i), fmt::format("\"{}\" entries must be strings, not {}", key,
                                                         type_name(node[i])));
      }
      out.push_back(node[i].get<std::string>());
    }
    return out;
  }

  // A value as the file wrote it, in any of its forms: "700 W", "unpublished", or the long form with its own
  // basis, source and note.
  value read_value(const json& node, const std::string& pointer, value_kind kind) const {
    value v;
    v.pointer = pointer;
    if (node.is_object()) {
      check_keys(node, pointer, long_form_keys, "a value");
      if (!node.contains("value")) fail(pointer, "a value written long needs a \"value\" key");
      if (node.contains("basis")) {
        const json& b = node["basis"];
        const auto parsed = b.is_string() ? basis_from_string(b.get<std::string>()) : std::nullopt;
        if (!parsed) {
          fail(pointer + "/basis",
               fmt::format("\"basis\" must be one of vendor, derived, estimate, measured, projected{}",
                           b.is_string() ? did_you_mean(b.get<std::string>(), {"vendor", "derived", "estimate",
                                                                               "measured", "projected"})
                                         : ""));
        }
        v.basis = *parsed;
      }
      v.source = text_field(node, pointer, "source", false);
      v.note = text_field(node, pointer, "note", false);
      const json& inner = node["value"];
      const std::string inner_pointer = pointer + "/value";
      if (node.contains("unit")) {
        const std::string unit = text_field(node, pointer, "unit", true);
        if (!inner.is_number()) {
          fail(inner_pointer, fmt::format("with \"unit\", \"value\" must be a number, not {}", type_name(inner)));
        }
        if (kind.kind != value_kind::quantity) fail(pointer + "/unit", "this value is a plain number and takes no unit");
        read_scalar(fmt::format("{} {}", number_text(inner), unit), inner_pointer, kind, v);
      } else {
        read_scalar(inner, inner_pointer, kind, v);
      }
      v.pointer = pointer;
      return v;
    }
    read_scalar(node, pointer, kind, v);
    return v;
  }

  static std::string number_text(const json& number) {
    return number.is_number_float() ? fmt::format("{}", number.get<double>()) : number.dump();
  }

  void read_scalar(const json& node, const std::string& pointer, value_kind kind, value& v) const {
    if (node.is_string()) {
      read_scalar(node.get<std::string>(), pointer, kind, v);
      return;
    }
    if (node.is_number() && kind.kind != value_kind::quantity) {
      read_scalar(number_text(node), pointer, kind, v);
      return;
    }
    if (node.is_number()) {
      fail(pointer, fmt::format("{} needs a unit: write it as a string such as \"{} {}\"", number_text(node),
                                number_text(node), canonical_unit(kind.dim)));
    }
    fail(pointer, fmt::format("expected {}, not {}", expected(kind), type_name(node)));
  }

  void read_scalar(const std::string& text, const std::string& pointer, value_kind kind, value& v) const {
    v.written = text;
    if (const auto missing = absence_from_string(text)) {
      v.missing = *missing;
      return;
    }
    double amount = 0;
    try {
      if (kind.kind == value_kind::quantity) {
        amount = parse_quantity(text, kind.dim);
      } else {
        amount = parse_plain_number(text);
      }
    } catch (const error& e) {
      fail(pointer, e.what());
    }
    if (!(amount > 0)) fail(pointer, fmt::format("\"{}\" must be positive", text));
    if (kind.kind == value_kind::count && amount != std::floor(amount)) {
      fail(pointer, fmt::format("\"{}\" must be a whole number of chips", text));
    }
    v.amount = amount;
  }

  static double parse_plain_number(const std::string& text) {
    std::size_t used = 0;
    double number = 0;
    try {
      number = std::stod(text, &used);
    } catch (const std::exception&) {
      throw error(fmt::format("\"{}\" is not a number", text));
    }
    if (used != text.size() || !std::isfinite(number)) throw error(fmt::format("\"{}\" is not a number", text));
    return number;
  }

  static std::string expected(value_kind kind) {
    if (kind.kind == value_kind::count) return "a whole number";
    if (kind.kind == value_kind::usd) return "a number of US dollars";
    return fmt::format("a quantity such as \"1 {}\" or unsupported/unpublished/unknown", canonical_unit(kind.dim));
  }

  // Checks the value's source exists; a known value must have one, so nothing is a number from nowhere.
  void resolve_source(value& v, const chip& c) const {
    if (v.source.empty() && v.known()) v.source = c.default_source;
    if (v.source.empty()) {
      if (v.known()) fail(v.pointer, "this value has no source: add \"source\" at the top of the file or on the value");
      return;
    }
    if (!c.find_source(v.source)) {
      std::vector<std::string> ids;
      for (const auto& s : c.sources) ids.push_back(s.id);
      fail(v.pointer, fmt::format("unknown source \"{}\": it is not a key of \"sources\"{}", v.source,
                                  did_you_mean(v.source, ids)));
    }
  }

  std::string_view origin() const { return origin_; }

 private:
  static std::string last_token(const std::string& pointer) {
    return pointer.substr(pointer.rfind('/') + 1);
  }

  std::string_view text_;
  std::string_view origin_;
  json_positions positions_;
};

const std::regex id_pattern("^[a-z0-9][a-z0-9._-]*$");
const std::regex date_pattern("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");

// nlohmann quotes the offending bytes raw; invalid UTF-8 or control bytes must not reach a terminal as they are.
std::string printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The start of the token that ends at `last`: a string back to its opening quote, a number or literal back to
// its first character, punctuation is itself.
std::size_t token_start(std::string_view text, std::size_t last) {
  if (last >= text.size()) return last;
  if (text[last] == '"') {
    for (std::size_t i = last; i-- > 0;) {
      if (text[i] != '"') continue;
      std::size_t backslashes = 0;
      while (i > backslashes && text[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return last;
  }
  auto in_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; };
  std::size_t i = last;
  while (i > 0 && in_word(text[i]) && in_word(text[i - 1])) --i;
  return i;
}

json parse_document(std::string_view text, std::string_view origin) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw error(located(origin, text_position{}, "empty file: a chip file is one JSON object"));
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's message carries its own "[json.exception...] parse error at line L, column C: "; keep the
    // part after it. A lexer error ("last read: ...") ends at the bad character; a parser error ends at the
    // token it did not expect, and a reader looks for that token's start.
    std::string message = e.what();
    if (const auto at = message.find(": ", message.find("parse error")); at != std::string::npos) {
      message = message.substr(at + 2);
    }
    std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    if (message.find("last read: '") == std::string::npos) offset = token_start(text, offset);
    throw error(located(origin, position_of(text, offset), printable(message)));
  } catch (const json::exception& e) {
    // Other parse-time failures (a number too large for a double) carry no position; find the token.
    std::string message = e.what();
    if (const auto bracket = message.find("] "); bracket != std::string::npos) message = message.substr(bracket + 2);
    std::size_t offset = 0;
    if (const auto quote = message.find('\''); quote != std::string::npos) {
      const auto end = message.find('\'', quote + 1);
      if (end != std::string::npos) offset = text.find(message.substr(quote + 1, end - quote - 1));
      if (offset == std::string_view::npos) offset = 0;
    }
    throw error(located(origin, position_of(text, offset), printable(message)));
  }
}

}  // namespace

const std::vector<std::string_view>& top_level_keys() { return chip_keys; }

chip parse_chip(std::string_view text, std::string_view origin, bool bundled) {
  const json doc = parse_document(text, origin);
  reader in(text, origin);
  in.index(doc);
  in.check_keys(doc, "", chip_keys, "a chip file");

  chip c;
  c.origin = std::string(origin);
  c.bundled = bundled;
  c.id = in.text_field(doc, "", "id", true);
  if (!std::regex_match(c.id, id_pattern)) {
    in.fail("/id", fmt::format("id \"{}\" must be lower-case letters, digits, '.', '-' or '_'", c.id));
  }
  c.name = in.text_field(doc, "", "name", true);
  c.vendor = in.text_field(doc, "", "vendor", true);
  c.family = in.text_field(doc, "", "family", false);
  c.form_factor = in.text_field(doc, "", "form_factor", false);
  c.status = in.text_field(doc, "", "status", true);
  if (std::find(chip_statuses.begin(), chip_statuses.end(), c.status) == chip_statuses.end()) {
    in.fail("/status", fmt::format("status \"{}\" must be one of shipping, announced, projected, discontinued{}",
                                   c.status, did_you_mean(c.status, {"shipping", "announced", "projected",
                                                                     "discontinued"})));
  }
  c.released = in.text_field(doc, "", "released", false);
  if (!c.released.empty() && !std::regex_match(c.released, date_pattern)) {
    in.fail("/released", fmt::format("released \"{}\" must be YYYY, YYYY-MM or YYYY-MM-DD", c.released));
  }
  c.aliases = in.string_list(doc, "", "aliases");
  for (std::size_t i = 0; i < c.aliases.size(); ++i) {
    const std::string lower = to_lower(c.aliases[i]);
    if (!std::regex_match(lower, id_pattern)) {
      in.fail("/aliases/" + std::to_string(i),
              fmt::format("alias \"{}\" must be letters, digits, '.', '-' or '_'", c.aliases[i]));
    }
  }
  c.notes = in.string_list(doc, "", "notes");

  // Sources first: every value below is checked against them.
  if (doc.contains("sources")) {
    const json& sources = doc["sources"];
    if (!sources.is_object()) in.fail("/sources", fmt::format("sources must be an object, not {}", type_name(sources)));
    for (const auto& [source_id, entry] : sources.items()) {
      const std::string pointer = "/sources/" + pointer_escape(source_id);
      in.check_keys(entry, pointer, source_keys, fmt::format("source \"{}\"", source_id));
      source_ref s;
      s.id = source_id;
      s.title = in.text_field(entry, pointer, "title", true);
      s.url = in.text_field(entry, pointer, "url", true);
      s.accessed = in.text_field(entry, pointer, "accessed", false);
      s.publisher = in.text_field(entry, pointer, "publisher", false);
      c.sources.push_back(std::move(s));
    }
  }
  c.default_source = in.text_field(doc, "", "source", false);
  if (!c.default_source.empty() && !c.find_source(c.default_source)) {
    in.fail("/source", fmt::format("\"source\" names \"{}\", which is not a key of \"sources\"", c.default_source));
  }

  auto read_member = [&](const json& object, const std::string& pointer, std::string_view key, value_kind kind,
                         value& out) {
    out.pointer = pointer + "/" + std::string(key);
    if (object.contains(key)) out = in.read_value(object.at(std::string(key)), out.pointer, kind);
  };

  if (doc.contains("process")) {
    const json& process = doc["process"];
    in.check_keys(process, "/process", process_keys, "process");
    c.process_node = in.text_field(process, "/process", "node", false);
    if (process.contains("nm")) {
      const json& nm = process["nm"];
      if (!nm.is_number() || !(nm.get<double>() > 0)) in.fail("/process/nm", "\"nm\" must be a positive number");
      c.process_nm = nm.get<double>();
    }
  }

  if (doc.contains("compute")) {
    const json& compute = doc["compute"];
    std::vector<std::string_view> precision_keys;
    for (precision p : all_precisions) precision_keys.push_back(to_string(p));
    in.check_keys(compute, "/compute", precision_keys, "compute");
    for (precision p : all_precisions) {
      const std::string key(to_string(p));
      const value_kind kind = quantity_of(is_integer(p) ? dimension::integer_compute : dimension::float_compute);
      rate& r = c.at(p);
      const std::string pointer = "/compute/" + key;
      r.dense.pointer = pointer + "/dense";
      r.sparse.pointer = pointer + "/sparse";
      if (compute.contains(key)) {
        const json& node = compute[key];
        const bool split = node.is_object() && (node.contains("dense") || node.contains("sparse"));
        if (split) {
          in.check_keys(node, pointer, rate_keys, fmt::format("compute.{}", key));
          read_member(node, pointer, "dense", kind, r.dense);
          read_member(node, pointer, "sparse", kind, r.sparse);
        } else {
          // A plain figure is dense: sparse numbers must say so, since they are the ones that mislead.
          r.dense = in.read_value(node, pointer, kind);
        }
        if (r.dense.known() && r.sparse.known() && r.sparse.amount < r.dense.amount) {
          in.fail(r.sparse.pointer, fmt::format("the sparse figure ({}) is below the dense one ({}): are they swapped?",
                                                r.sparse.written, r.dense.written));
        }
      }
      if (r.dense.written.empty() && r.sparse.known()) r.dense.note = "only the sparse figure is given";
    }
  }

  if (doc.contains("memory")) {
    const json& memory = doc["memory"];
    in.check_keys(memory, "/memory", memory_keys, "memory");
    read_member(memory, "/memory", "capacity", quantity_of(dimension::memory), c.memory_capacity);
    c.memory_type = in.text_field(memory, "/memory", "type", false);
    read_member(memory, "/memory", "bandwidth", quantity_of(dimension::bandwidth), c.memory_bandwidth);
  }

  if (doc.contains("power")) {
    const json& power = doc["power"];
    in.check_keys(power, "/power", power_keys, "power");
    read_member(power, "/power", "tdp", quantity_of(dimension::power), c.tdp);
    c.power_term = in.text_field(power, "/power", "term", false);
  }

  if (doc.contains("interconnect")) {
    const json& link = doc["interconnect"];
    in.check_keys(link, "/interconnect", interconnect_keys, "interconnect");
    c.interconnect_name = in.text_field(link, "/interconnect", "name", false);
    read_member(link, "/interconnect", "bandwidth", quantity_of(dimension::bandwidth), c.interconnect_bandwidth);
    c.interconnect_direction = in.text_field(link, "/interconnect", "direction", false);
    if (!c.interconnect_direction.empty() &&
        std::find(directions.begin(), directions.end(), c.interconnect_direction) == directions.end()) {
      in.fail("/interconnect/direction",
              fmt::format("direction \"{}\" must be unidirectional or bidirectional", c.interconnect_direction));
    }
    read_member(link, "/interconnect", "domain", plain_count, c.interconnect_domain);
  }

  if (doc.contains("price")) {
    const json& price = doc["price"];
    in.check_keys(price, "/price", price_keys, "price");
    read_member(price, "/price", "usd", plain_usd, c.price_usd);
  }

  for_each_value(c, [&](std::string_view, value& v, std::string_view) { in.resolve_source(v, c); });
  return c;
}

}  // namespace xpuspec
