// JSON for scripts: numbers are plain JSON numbers in the unit the metric id names, at 12 significant digits (the
// number policy, tidy_number: no binary noise such as 206.15843020800003); a missing
// value is null with its reason beside it. The shape is stable; schema_version bumps on any breaking change.
//
// JSON Lines (https://jsonlines.org): the same document's records one per line, so `xpuspec ... --format jsonl`
// streams into `jq -c`, `grep` or a line-at-a-time reader. Written from the view's own document (not its text), so
// the two formats cannot disagree about a record.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "render/formats.hpp"
#include "render/view.hpp"
#include "render/grid.hpp"
#include "render/record_writer.hpp"

namespace xpuspec::render {
namespace {

// A file name from the disk may not be UTF-8; JSON must be, so such bytes become U+FFFD rather than an error.
std::string library_dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// The characters a JSON string holds as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> plain_in_string = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7f; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// Whether every byte of s is plain_in_string. Strings are most of what a JSON report writes (100 KB of a compare
// of every chip), and a byte at a time this test was a sixth of writing one: where SSE2 is (every x86-64), it
// takes sixteen at a time, as signed bytes, so one with its high bit set is "below a space" too.
bool plain_string(std::string_view s) noexcept {
#if defined(__SSE2__)
  const auto plain_block = [](const char* at) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i control_or_high = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20));
    const __m128i quote_or_backslash =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
    const __m128i del = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x7f));
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control_or_high, quote_or_backslash), del)) == 0;
  };
  constexpr std::size_t block = 16;
  if (s.size() < block) {  // a metric id, a unit: padded with a plain byte to one block
    std::array<char, block> padded;  // NOLINT: filled before it is read
    padded.fill('a');
    std::copy(s.begin(), s.end(), padded.begin());
    return plain_block(padded.data());
  }
  for (std::size_t at = 0; at + block < s.size(); at += block) {
    if (!plain_block(s.data() + at)) return false;
  }
  return plain_block(s.data() + s.size() - block);  // the last block, overlapping the one before
#else
  return std::all_of(s.begin(), s.end(), [](char c) { return plain_in_string[static_cast<unsigned char>(c)]; });
#endif
}

// The library's text of the document with the number policy applied (tidy_number), byte for byte (the unit tests
// hold the two equal over every view), written faster: most strings here are plain ASCII, which are copied whole
// instead of run through the library's UTF-8 decoder a byte at a time (a third of `compare --all --json`).
// Anything else in a string, and any rare type, is the library's. It writes a document node (value) or a record's
// events (record_writer.hpp), with the same separators either way: a container's first member decides its line.
class json_writer final : public record_writer {
 public:
  // With a sink, records_member and spill() hand the text written so far to it a piece at a time.
  explicit json_writer(int indent, const sink* out = nullptr) : indent_(indent), sink_(out) {
    if (sink_ != nullptr) out_.reserve(piece_room);  // as render::pieces does, and why
  }

  void value(const json& j, int depth) {
    switch (j.type()) {
      case json::value_t::object: return container(j, depth, '{', '}');
      case json::value_t::array: return container(j, depth, '[', ']');
      case json::value_t::string: return write_string(j.get_ref<const std::string&>());
      case json::value_t::boolean: out_ += j.get<bool>() ? "true" : "false"; return;
      case json::value_t::null: out_ += "null"; return;
      case json::value_t::number_integer: write_integer(j.get<std::int64_t>()); return;
      case json::value_t::number_unsigned: write_integer(j.get<std::uint64_t>()); return;
      case json::value_t::number_float: return write_number(j.get<double>());
      default: out_ += library_dump(j, -1); return;
    }
  }

  std::string take() { return std::move(out_); }

  // The document's own object, written as head members and then the records: begin_object_at_top() before the
  // first member, end_object_at_top() after the records.
  void begin_object_at_top() { out_ += '{'; }
  void member(const std::string& key, const json& j, bool first) {
    item(first, 0);
    name(key);
    value(j, 1);
  }
  // The records as an array member, each written by `record(i, *this)` as events at depth 2.
  template <typename Record>
  void records_member(std::string_view key, std::size_t count, Record&& record, bool first) {
    item(first, 0);
    name(key);
    out_ += '[';
    for (std::size_t i = 0; i < count; ++i) {
      item(i == 0, 1);
      events_at(2);
      record(i);
      spill();
    }
    close(']', 1, count > 0);
  }
  void end_object_at_top() { close('}', 0, true); }  // the records member is always there

  // A record's events, starting at `depth`.
  void events_at(int depth) {
    base_ = depth;
    open_.clear();
    named_ = false;
  }
  void begin_object() override { open_container('{'); }
  void end_object() override { close_container('}'); }
  void begin_array() override { open_container('['); }
  void end_array() override { close_container(']'); }
  void key(std::string_view k) override {
    next_member();
    name(k);
    named_ = true;
  }
  void string(std::string_view s) override {
    before_value();
    write_string(s);
  }
  void number(double x) override {
    before_value();
    write_number(x);
  }
  void count(std::uint64_t n) override {
    before_value();
    write_integer(n);
  }
  void boolean(bool b) override {
    before_value();
    out_ += b ? "true" : "false";
  }
  void null() override {
    before_value();
    out_ += "null";
  }

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
    out_ += open;
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
    close(close_with, depth, !first);
  }

  // The separator before a member of a container at `depth` (none but the line break before the first), and
  // its indent.
  void item(bool first, int depth) {
    if (indent_ < 0) {
      if (!first) out_ += ',';
      return;
    }
    // The separator, line break and indent as one copy: a compare of every chip writes eight thousand.
    static constexpr std::string_view breaks = ",\n                                                              ";
    const std::string_view separator = breaks.substr(first ? 1 : 0);  // with or without the comma
    const std::size_t line_break = first ? 1 : 2;
    const auto spaces = static_cast<std::size_t>(indent_ * (depth + 1));
    if (line_break + spaces <= separator.size()) {
      out_.append(separator.substr(0, line_break + spaces));
    } else {
      out_.append(separator.substr(0, line_break)).append(spaces, ' ');
    }
  }
  void name(std::string_view key) { write_string(key, indent_ >= 0 ? ": " : ":"); }
  // Ends a container at `depth`: an empty one is "{}" or "[]", one with members closes on its own line.
  void close(char bracket, int depth, bool had_members) {
    if (had_members && indent_ >= 0) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(indent_ * depth), ' ');
    }
    out_ += bracket;
  }

  // Events: each open container's depth is base_ and one more per container around it.
  int depth() const { return base_ + static_cast<int>(open_.size()) - 1; }
  // A member of an array (an object's members come after their key, which placed them).
  void next_member() {
    if (open_.empty()) return;
    item(open_.back(), depth());
    open_.back() = false;
  }
  void before_value() {
    if (named_) {
      named_ = false;
      return;
    }
    next_member();
  }
  void open_container(char bracket) {
    before_value();
    out_ += bracket;
    open_.push_back(true);
  }
  void close_container(char bracket) {
    const bool had_members = !open_.back();
    const int at = depth();
    open_.pop_back();
    close(bracket, at, had_members);
  }

  void write_number(double x) {
    if (!std::isfinite(x)) {
      out_ += "null";
      return;
    }
    // The number policy (tidy_number) as each number is written: a pass over the tree before writing was a
    // tenth of `compare --all --json`. Tidied first, so the digits are found once: a number that needs no
    // tidying comes back unchanged.
    std::array<char, 64> digits{};
    char* end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), tidy_number(x));
    out_.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
  }
  template <typename Integer>
  void write_integer(Integer n) {
    std::array<char, 24> digits{};  // "-9223372036854775808" and "18446744073709551615" fit
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
    out_.append(digits.data(), end);
  }
  // The string, and then `after` (a key's colon).
  void write_string(std::string_view s, std::string_view after = {}) {
    if (!plain_string(s)) {
      out_.append(library_dump(json(std::string(s)), -1)).append(after);
      return;
    }
    // Most strings here are a metric id or a short value: quoted in a buffer on the stack and appended as one.
    std::array<char, 128> quoted;  // NOLINT: written before it is read
    if (s.size() + after.size() + 2 <= quoted.size()) {
      char* end = quoted.data();
      *end++ = '"';
      end = std::copy(s.begin(), s.end(), end);
      *end++ = '"';
      end = std::copy(after.begin(), after.end(), end);
      out_.append(quoted.data(), static_cast<std::size_t>(end - quoted.data()));
      return;
    }
    out_.append(1, '"').append(s).append(1, '"').append(after);
  }

  int indent_;
  const sink* sink_;
  std::string out_;
  // Events: per open container, whether it has no member yet; and whether a key waits for its value.
  int base_ = 0;
  std::vector<bool> open_;
  bool named_ = false;
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
  w.begin_object_at_top();
  bool first = true;
  for (const auto& [key, member] : head.items()) {
    w.member(key, member, first);
    first = false;
  }
  w.records_member(records_key, v.count(v.report), [&](std::size_t i) { v.record(v.report, i, w); }, first);
  w.end_object_at_top();
  w.raw("\n");
  w.finish();
}

void write_jsonl_records(const any_view& v, const sink& out) {
  json_writer w(-1, &out);
  for (std::size_t i = 0, n = v.count(v.report); i < n; ++i) {
    w.events_at(0);
    v.record(v.report, i, w);
    w.raw("\n");
    w.spill();
  }
  w.finish();
}

}  // namespace xpuspec::render
