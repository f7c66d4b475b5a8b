#include "xpuspec/load.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "xpuspec/error.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/names.hpp"
#include "xpuspec/schema.hpp"
#include "xpuspec/units.hpp"

namespace xpuspec {
namespace {

using json = nlohmann::json;

// Thrown after a value's problem is recorded, to skip the rest of that value and go on with the next.
struct value_rejected {};

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

class reader {
 public:
  reader(std::string_view text, std::string_view origin, load_result& out)
      : text_(text), origin_(origin), out_(out) {}

  void report(rule_id rule, std::string_view pointer, std::string message, bool at_key = false) {
    const text_position where = at_key ? out_.map.key_at(pointer) : out_.map.value_at(pointer);
    out_.findings.push_back(make_finding(std::string(origin_), where, rule, std::move(message)));
  }

  [[noreturn]] void reject(rule_id rule, std::string_view pointer, std::string message) {
    report(rule, pointer, std::move(message));
    throw value_rejected{};
  }

  // Parses the text; false (with a finding) when it is not JSON.
  bool parse(json& doc) {
    if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      out_.findings.push_back(make_finding(std::string(origin_), {1, 1}, rule_id::json_syntax,
                                           "empty file: a chip file is one JSON object"));
      return false;
    }
    try {
      doc = json::parse(text_);
      return true;
    } catch (const json::parse_error& e) {
      // nlohmann's message carries its own "[json.exception...] parse error at line L, column C: "; keep the
      // part after it. A lexer error ("last read: ...") ends at the bad character; a parser error ends at the
      // token it did not expect, and a reader looks for that token's start.
      std::string message = e.what();
      if (const auto at = message.find(": ", message.find("parse error")); at != std::string::npos) {
        message = message.substr(at + 2);
      }
      std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
      if (message.find("last read: '") == std::string::npos) offset = token_start(text_, offset);
      out_.findings.push_back(
          make_finding(std::string(origin_), out_.map.at_offset(offset), rule_id::json_syntax, printable(message)));
    } catch (const json::exception& e) {
      // Other parse-time failures (a number too large for a double) carry no position; find the token.
      std::string message = e.what();
      if (const auto bracket = message.find("] "); bracket != std::string::npos) message = message.substr(bracket + 2);
      std::size_t offset = 0;
      if (const auto quote = message.find('\''); quote != std::string::npos) {
        const auto end = message.find('\'', quote + 1);
        if (end != std::string::npos) offset = text_.find(message.substr(quote + 1, end - quote - 1));
        if (offset == std::string_view::npos) offset = 0;
      }
      out_.findings.push_back(
          make_finding(std::string(origin_), out_.map.at_offset(offset), rule_id::json_syntax, printable(message)));
    }
    return false;
  }

  // A value as the file wrote it, in any of its forms: "700 W", "unpublished", or the long form with its own
  // basis, source and note. The schema has checked the shape; this checks the content.
  value read_value(const json& node, const std::string& pointer, value_kind kind) {
    value v;
    if (node.is_object()) {
      if (const auto b = node.find("basis"); b != node.end()) v.basis = *basis_from_string(b->get<std::string>());
      v.source = node.value("source", "");
      v.note = node.value("note", "");
      const json& inner = node["value"];
      if (const auto unit = node.find("unit"); unit != node.end()) {
        read_text(fmt::format("{} {}", number_text(inner), unit->get<std::string>()), pointer + "/value", kind, v);
      } else {
        read_scalar(inner, pointer + "/value", kind, v);
      }
      return v;
    }
    read_scalar(node, pointer, kind, v);
    return v;
  }

  // Checks that each value's source exists; a known value must have one, so nothing is a number from nowhere.
  // A problem shared by many values (no source anywhere, a bad default) is reported once, at its first value.
  void resolve_sources(chip& c, bool default_source_ok) {
    std::vector<const value*> unsourced;
    for_each_value(c, [&](std::string_view, value& v, std::string_view) {
      if (v.source.empty() && v.known()) {
        if (!default_source_ok) return;  // already reported at "source"
        v.source = c.default_source;
      }
      if (v.source.empty()) {
        if (v.known()) unsourced.push_back(&v);
        return;
      }
      if (!c.find_source(v.source)) {
        std::vector<std::string> ids;
        for (const auto& s : c.sources) ids.push_back(s.id.str());
        report(rule_id::source_unknown, pointer_of(c, v), fmt::format("unknown source \"{}\": it is not a key of \"sources\"{}",
                                                        v.source, did_you_mean(v.source, ids)));
      }
    });
    if (!unsourced.empty()) {
      report(rule_id::source_missing, pointer_of(c, *unsourced.front()),
             fmt::format("{} no source: add \"source\" at the top of the file or on the value",
                         unsourced.size() == 1 ? "this value has"
                                               : fmt::format("this and {} more values have", unsourced.size() - 1)));
    }
  }

 private:
  static std::string number_text(const json& number) {
    return number.is_number_float() ? fmt::format("{}", number.get<double>()) : number.dump();
  }

  // `amount` is in the kind's canonical unit, which the message names.
  void check_range(double amount, const value_kind& kind, const std::string& pointer, std::string_view written) {
    if (amount >= kind.min && amount <= kind.max) return;
    reject(rule_id::plausible_range, pointer,
           fmt::format("{} is outside what any accelerator has ({:g} to {:g} {}): a typo or a unit slip?", written,
                       kind.min, kind.max, kind.unit));
  }

  void read_scalar(const json& node, const std::string& pointer, value_kind kind, value& v) {
    if (node.is_string()) {
      read_text(node.get<std::string>(), pointer, kind, v);
      return;
    }
    // A bare number is a count or a price; in a quantity's field ({"value": 80} with no "unit") it has no unit, and
    // guessing one would turn 80 GB into 80 TB as easily.
    v.written = number_text(node);
    if (!kind.plain) {
      reject(rule_id::quantity, pointer, fmt::format("{} needs a unit: give \"unit\" beside \"value\", or write \"{} {}\"",
                                                     v.written, v.written, kind.unit));
    }
    const double amount = node.get<double>();
    if (!std::isfinite(amount) || !(amount > 0)) reject(rule_id::positive_finite, pointer, fmt::format("{} must be positive", v.written));
    check_range(amount, kind, pointer, v.written);
    v.amount = amount;
  }

  void read_text(const std::string& text, const std::string& pointer, value_kind kind, value& v) {
    v.written = text;
    if (const auto missing = absence_from_string(text)) {
      v.missing = *missing;
      return;
    }
    quantity_text q;
    try {
      q = split_quantity(text);
    } catch (const error& e) {
      reject(e.rule().value_or(rule_id::quantity), pointer, e.what());
    }
    if (q.unit.empty()) {
      reject(rule_id::quantity, pointer, fmt::format("\"{}\" has no unit: write e.g. \"{} {}\"", text, text, canonical_unit(kind.dim)));
    }
    double amount = 0;
    try {
      amount = parse_quantity(text, kind.dim);
    } catch (const error& e) {
      reject(e.rule().value_or(rule_id::quantity), pointer, e.what());
    }
    if (!(amount > 0)) reject(rule_id::positive_finite, pointer, fmt::format("\"{}\" must be positive", text));
    check_range(amount, kind, pointer, text);
    v.amount = amount;
  }

  std::string_view text_;
  std::string_view origin_;
  load_result& out_;
};

std::vector<text> strings(const json& object, std::string_view key) {
  std::vector<text> out;
  if (const auto it = object.find(key); it != object.end()) {
    out.reserve(it->size());
    for (const auto& s : *it) out.emplace_back(s.get_ref<const std::string&>());
  }
  return out;
}

const json& member_or_empty(const json& object, std::string_view key) {
  static const json empty = json::object();
  const auto it = object.find(key);
  return it == object.end() ? empty : *it;
}

void build_chip(const json& doc, reader& in, chip& c) {
  c.id = doc["id"].get<std::string>();
  c.name = doc["name"].get<std::string>();
  c.vendor = doc["vendor"].get<std::string>();
  c.status = doc["status"].get<std::string>();
  c.family = doc.value("family", "");
  c.form_factor = doc.value("form_factor", "");
  c.released = doc.value("released", "");
  c.aliases = strings(doc, "aliases");
  c.notes = strings(doc, "notes");

  for (const auto& [source_id, entry] : member_or_empty(doc, "sources").items()) {
    c.sources.push_back({source_id, entry["title"].get<std::string>(), entry["url"].get<std::string>(),
                         entry.value("accessed", ""), entry.value("publisher", ""),
                         entry.value("via", ""), entry.value("published", "")});
  }
  c.default_source = doc.value("source", "");
  const bool default_source_ok = c.default_source.empty() || c.find_source(c.default_source) != nullptr;
  if (!default_source_ok) {
    in.report(rule_id::source_unknown, "/source",
              fmt::format("\"source\" names \"{}\", which is not a key of \"sources\"", c.default_source));
  }

  // Each value on its own: one bad value is reported and the others are still read and checked.
  auto read_member = [&](const json& object, const std::string& pointer, std::string_view key, value_kind kind,
                         value& out) {
    const auto it = object.find(key);
    if (it == object.end()) return;
    try {
      out = in.read_value(*it, pointer + "/" + std::string(key), kind);
    } catch (const value_rejected&) {
      out = value{};
    }
  };

  const json& process = member_or_empty(doc, "process");
  c.process_node = process.value("node", "");
  if (const auto nm = process.find("nm"); nm != process.end()) c.process_nm = nm->get<double>();

  for (const value_field& field : value_fields) {
    if (field.member == nullptr) continue;  // the compute rates, read below
    const std::string group(field.group);
    read_member(member_or_empty(doc, group), "/" + group, field.key, field.kind, c.*field.member);
  }

  const json& compute = member_or_empty(doc, "compute");
  for (precision p : all_precisions) {
    const std::string key(to_string(p));
    const value_kind kind = compute_kind(p);
    const std::string pointer = "/compute/" + key;
    rate& r = c.at(p);
    const auto it = compute.find(key);
    if (it == compute.end()) continue;
    if (it->is_object() && (it->contains("dense") || it->contains("sparse"))) {
      read_member(*it, pointer, "dense", kind, r.dense);
      read_member(*it, pointer, "sparse", kind, r.sparse);
    } else {
      // A plain figure is dense: sparse numbers must say so, since they are the ones that mislead.
      read_member(compute, "/compute", key, kind, r.dense);
      r.dense.short_form = true;
    }
    if (r.dense.known() && r.sparse.known() && *r.sparse.amount < *r.dense.amount) {
      in.report(rule_id::sparse_below_dense, pointer + "/sparse",
                fmt::format("the sparse figure ({}) is below the dense one ({}): are they swapped?", r.sparse.written,
                            r.dense.written));
    }
    if (r.dense.written.empty() && r.sparse.known()) r.dense.note = "only the sparse figure is given";
  }

  const json& memory = member_or_empty(doc, "memory");
  c.memory_type = memory.value("type", "");

  const json& power = member_or_empty(doc, "power");
  c.power_term = power.value("term", "");

  const json& link = member_or_empty(doc, "interconnect");
  c.interconnect_name = link.value("name", "");
  c.interconnect_direction = link.value("direction", "");

  in.resolve_sources(c, default_source_ok);
}

}  // namespace

load_result check_chip(std::string_view text, std::string_view origin, bool bundled) {
  load_result out;
  out.map = source_map(text);
  reader in(text, origin, out);
  json doc;
  if (!in.parse(doc)) return out;
  out.map.index_values(text);
  for (const auto& pointer : out.map.duplicate_keys()) {
    in.report(rule_id::duplicate_key, pointer, fmt::format("duplicate key \"{}\"", pointer.substr(pointer.rfind('/') + 1)),
              true);
  }
  // Quantity strings and long-form numbers the schema rejects are read again below, where the loader says exactly
  // what is wrong (no unit, a unit of another dimension, zero); every other schema problem stops the file here.
  // When the structure is wrong the loader does not run, so the schema's own words report those values too.
  const auto problems = check_schema(doc);
  const bool structure_ok = std::all_of(problems.begin(), problems.end(),
                                        [](const schema_problem& p) { return p.checked_by_loader; });
  const auto said_plainly = [&](const std::string& pointer) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const schema_problem& q) { return !q.checked_by_loader && q.pointer == pointer; });
  };
  for (const auto& p : problems) {
    // A deferred problem where a structural one already names the same value would say it twice.
    if (!p.checked_by_loader || (!structure_ok && !said_plainly(p.pointer))) {
      in.report(p.rule, p.pointer, p.message, p.at_key);
    }
  }
  if (structure_ok) {
    chip c;
    c.origin = std::string(origin);
    c.bundled = bundled;
    build_chip(doc, in, c);
    out.parsed = std::move(c);
  }
  out.clean = out.parsed.has_value() && out.findings.empty();
  sort_by_position(out.findings);
  return out;
}

chip parse_chip(std::string_view text, std::string_view origin, bool bundled) {
  load_result result = check_chip(text, origin, bundled);
  if (result.clean) return std::move(*result.parsed);
  std::vector<std::string> lines;
  for (const auto& f : result.findings) {
    if (f.level == severity::error) lines.push_back(to_line(f));
  }
  throw error(fmt::format("{}", fmt::join(lines, "\n")));
}

}  // namespace xpuspec
