// JSON for scripts: numbers are plain JSON numbers in the unit the metric id names, at 12 significant digits (the
// number policy, tidy_number: no binary noise such as 206.15843020800003); a missing
// value is null with its reason beside it. The shape is stable; schema_version bumps on any breaking change.
//
// JSON Lines (https://jsonlines.org): the same document's records one per line, so `xpuspec ... --format jsonl`
// streams into `jq -c`, `grep` or a line-at-a-time reader. Written from the view's own document (not its text), so
// the two formats cannot disagree about a record.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/formats.hpp"
#include "render/view.hpp"
#include "render/grid.hpp"

namespace xpuspec::render {
namespace {

// A file name from the disk may not be UTF-8; JSON must be, so such bytes become U+FFFD rather than an error.
std::string library_dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// The library's text of the document with the number policy applied (tidy_number), byte for byte (the unit tests
// hold the two equal over every view), written faster: most
// strings here are plain ASCII, which are copied whole instead of run through the library's UTF-8 decoder a byte at
// a time (a third of `compare --all --json`). Anything else in a string, and any rare type, is the library's.
class json_writer {
 public:
  // With a sink, records_member and spill() hand the text written so far to it a piece at a time.
  explicit json_writer(int indent, const sink* out = nullptr) : indent_(indent), sink_(out) {}

  void value(const json& j, int depth) {
    switch (j.type()) {
      case json::value_t::object: return container(j, depth, '{', '}');
      case json::value_t::array: return container(j, depth, '[', ']');
      case json::value_t::string: return string(j.get_ref<const std::string&>());
      case json::value_t::boolean: out_ += j.get<bool>() ? "true" : "false"; return;
      case json::value_t::null: out_ += "null"; return;
      case json::value_t::number_integer: fmt::format_to(std::back_inserter(out_), "{}", j.get<std::int64_t>()); return;
      case json::value_t::number_unsigned: fmt::format_to(std::back_inserter(out_), "{}", j.get<std::uint64_t>()); return;
      case json::value_t::number_float: {
        // The number policy (tidy_number) as each number is written: a pass over the tree before writing was a
        // tenth of `compare --all --json`.
        const double x = j.get<double>();
        if (!std::isfinite(x)) {
          out_ += "null";
          return;
        }
        std::array<char, 64> digits{};
        char* end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), x);
        if (!within_tidy_digits({digits.data(), static_cast<std::size_t>(end - digits.data())})) {
          end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), tidy_number(x));
        }
        out_.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
        return;
      }
      default: out_ += library_dump(j, -1); return;
    }
  }

  std::string take() { return std::move(out_); }

  // An object's members one at a time, for a document written as head and records; begin() before the first.
  void begin_object() { out_ += indent_ >= 0 ? "{\n" : "{"; }
  void member(const std::string& key, const json& j, bool first) {
    item(first, 0);
    name(key);
    value(j, 1);
  }
  template <typename Record>
  void records_member(std::string_view key, std::size_t count, Record&& record, bool first) {
    item(first, 0);
    name(key);
    if (count == 0) {
      out_ += "[]";
      return;
    }
    out_ += indent_ >= 0 ? "[\n" : "[";
    for (std::size_t i = 0; i < count; ++i) {
      item(i == 0, 1);
      value(record(i), 2);
      spill();
    }
    close(']', 1);
  }
  void end_object() { close('}', 0); }

  void raw(std::string_view text) { out_ += text; }
  // Hands what is written so far to the sink once it is a piece (formats.hpp).
  void spill() {
    if (sink_ != nullptr && out_.size() >= piece_bytes) finish();
  }
  // The rest to the sink; without one, the text stays for take().
  void finish() {
    if (sink_ == nullptr || out_.empty()) return;
    (*sink_)(out_);
    out_.clear();
  }

 private:
  void container(const json& j, int depth, char open, char close_with) {
    if (j.empty()) {
      out_ += open;
      out_ += close_with;
      return;
    }
    out_ += open;
    if (indent_ >= 0) out_ += '\n';
    bool first = true;
    if (j.is_object()) {
      for (const auto& [key, member] : j.get_ref<const json::object_t&>()) {
        item(first, depth);
        first = false;
        name(key);
        value(member, depth + 1);
      }
    } else {
      for (const auto& member : j) {
        item(first, depth);
        first = false;
        value(member, depth + 1);
      }
    }
    close(close_with, depth);
  }

  // The separator before a member of a container at `depth` (none before the first), and its indent.
  void item(bool first, int depth) {
    if (!first) out_ += indent_ >= 0 ? ",\n" : ",";
    if (indent_ >= 0) out_.append(static_cast<std::size_t>(indent_ * (depth + 1)), ' ');
  }
  void name(std::string_view key) {
    string(key);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  // Ends a container at `depth` that has members.
  void close(char bracket, int depth) {
    if (indent_ >= 0) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(indent_ * depth), ' ');
    }
    out_ += bracket;
  }

  void string(std::string_view s) {
    const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
    });
    if (!plain) {
      out_ += library_dump(json(std::string(s)), -1);
      return;
    }
    out_ += '"';
    out_ += s;
    out_ += '"';
  }

  int indent_;
  const sink* sink_;
  std::string out_;
};

std::string dump(const json& j, int indent) {
  json_writer w(indent);
  w.value(j, 0);
  return w.take();
}

}  // namespace

std::string write_json(const json& document) {
  std::string out = dump(document, 2);
  out += '\n';
  return out;
}

std::string write_jsonl(const json& document) {
  std::string out;
  const auto lines = [&](const json& records) {
    for (const auto& record : records) out += dump(record, -1) + "\n";
    return out;
  };
  // Per-chip reports: one chip a line. Catalogues (metrics, sources, rules): one entry a line.
  if (const auto chips = document.find("chips"); chips != document.end() && chips->is_array()) return lines(*chips);
  for (const auto& [key, member] : document.items()) {
    if (member.is_array()) return lines(member);
  }
  // One record: a chip sheet is the chip itself; a match is the whole answer.
  const auto& record = document.size() == 2 && document.contains("chip") ? document.at("chip") : document;
  return dump(record, -1) + "\n";
}

void write_json_records(const any_view& v, const sink& out) {
  const json head = v.head(v.report);
  json_writer w(2, &out);
  w.begin_object();
  bool first = true;
  for (const auto& [key, member] : head.items()) {
    w.member(key, member, first);
    first = false;
  }
  w.records_member(records_key, v.count(v.report), [&](std::size_t i) { return v.record(v.report, i); }, first);
  w.end_object();
  w.raw("\n");
  w.finish();
}

void write_jsonl_records(const any_view& v, const sink& out) {
  json_writer w(-1, &out);
  for (std::size_t i = 0, n = v.count(v.report); i < n; ++i) {
    w.value(v.record(v.report, i), 0);
    w.raw("\n");
    w.spill();
  }
  w.finish();
}

}  // namespace xpuspec::render
