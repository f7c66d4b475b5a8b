#include "xpuspec/json_positions.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <functional>

#include "core/hash_mix.hpp"

namespace xpuspec {
namespace {

// Chip files are a few levels deep; positions below this depth are not recorded, so a hostile file nested
// 100 000 levels deep costs linear time and memory instead of a pointer string per level per level.
constexpr std::size_t max_tracked_depth = 64;

// The place just after the string that opens at `open` (text.size() if it is not closed). Strings are most of a
// chip file (notes, titles): memchr finds each quote, and a quote after an odd run of backslashes is escaped.
std::size_t string_end(std::string_view text, std::size_t open) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin + open + 1; at < end;) {
    const auto* quote = static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(end - at)));
    if (quote == nullptr) break;
    std::size_t backslashes = 0;
    while (quote - backslashes > begin + open + 1 && quote[-1 - static_cast<std::ptrdiff_t>(backslashes)] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 0) return static_cast<std::size_t>(quote - begin) + 1;
    at = quote + 1;
  }
  return text.size();
}

}  // namespace

class position_scanner {
  // Nested rather than in an anonymous namespace: the class has external linkage (the header befriends it), so
  // its members' types must too.
  struct frame {
    bool is_array = false;
    bool tracked = false;
    std::size_t index = 0;
    std::size_t entry = 0;  // the container's own entry, when tracked
  };

 public:
  explicit position_scanner(std::string_view text) : text_(text) {}

  json_positions run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    // Every value but the root follows a ',', '{' or '[' outside a string: room for all in the entries, and twice
    // that in the member index, which stays at most half full. (Counting inside strings too would reserve 70 bytes
    // for every comma of a long note.)
    std::size_t most = 1;
    for (std::size_t i = pos_; i < text_.size();) {
      const char c = text_[i];
      if (c == '"') {
        i = string_end(text_, i);
        continue;
      }
      most += c == ',' || c == '{' || c == '[';
      ++i;
    }
    out_.entries_.reserve(most);
    out_.members_.assign(std::bit_ceil(std::max<std::size_t>(16, 2 * most)), 0);
    // Where the next value sits: its container's entry, member name or index, and key offset.
    std::size_t parent = npos;
    std::string key;
    std::size_t index = 0;
    std::size_t key_offset = npos;
    bool tracked = true;
    for (;;) {
      // A value starts here.
      skip_space();
      if (pos_ >= text_.size()) break;
      const std::size_t self = tracked ? add(parent, key, index, key_offset) : npos;
      const char c = text_[pos_];
      if (c == '{' || c == '[') {
        frame f;
        f.is_array = c == '[';
        f.tracked = tracked && self != npos && stack_.size() < max_tracked_depth;
        f.entry = self;
        if (self != npos) out_.entries_[self].is_array = f.is_array;
        ++pos_;
        skip_space();
        const char close = f.is_array ? ']' : '}';
        stack_.push_back(f);
        if (pos_ < text_.size() && text_[pos_] == close) {
          ++pos_;
          stack_.pop_back();
        } else {
          if (!next_member(parent, key, index, key_offset, tracked)) break;
          continue;
        }
      } else if (c == '"') {
        skip_string();
      } else {
        while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
      }
      // The value just ended: move to the next member, or close containers.
      if (!after_value(parent, key, index, key_offset, tracked)) break;
    }
    return std::move(out_);
  }

 private:
  static constexpr std::size_t npos = std::string::npos;

  std::size_t add(std::size_t parent, const std::string& key, std::size_t index, std::size_t key_offset) {
    // Never past the reserved room (run() counts enough for valid JSON): the member index stays at most half full.
    if (out_.entries_.size() == out_.entries_.capacity()) return npos;
    const std::size_t self = out_.entries_.size();
    const bool in_array = parent != npos && out_.entries_[parent].is_array;
    out_.entries_.push_back({parent, in_array ? std::string() : key, index, pos_,
                             key_offset == npos ? pos_ : key_offset, false});
    if (parent == npos) return self;
    std::uint32_t& slot = out_.members_[out_.slot_of(out_.member_of(self))];
    if (slot == 0) {
      slot = static_cast<std::uint32_t>(self + 1);
    } else {
      // The later occurrence is the one to point at: the first was fine until it came along.
      out_.duplicate_keys_.push_back(out_.pointer_of(self));
      out_.entries_[slot - 1].key_offset = key_offset;
    }
    return self;
  }

  static bool is_delimiter(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  void skip_string() { pos_ = string_end(text_, pos_); }

  std::string read_key() {
    std::string key;
    // Most keys are plain: one copy of the characters between the quotes.
    const std::size_t end = string_end(text_, pos_);
    if (end >= pos_ + 2 && text_[end - 1] == '"') {
      const std::string_view raw = text_.substr(pos_ + 1, end - pos_ - 2);
      if (raw.find('\\') == std::string_view::npos) {
        key.assign(raw);
        pos_ = end;
        return key;
      }
    }
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\' || pos_ >= text_.size()) {
        key += c;
        continue;
      }
      c = text_[pos_++];
      switch (c) {
        case 'b': key += '\b'; break;
        case 'f': key += '\f'; break;
        case 'n': key += '\n'; break;
        case 'r': key += '\r'; break;
        case 't': key += '\t'; break;
        case 'u': append_utf8(key); break;
        default: key += c;
      }
    }
    ++pos_;
    return key;
  }

  unsigned read_hex4() {
    unsigned code = 0;
    for (int i = 0; i < 4 && pos_ < text_.size(); ++i, ++pos_) {
      const char h = text_[pos_];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
    }
    return code;
  }

  void append_utf8(std::string& out) {
    unsigned code = read_hex4();
    if (code >= 0xD800 && code <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      const unsigned low = read_hex4();
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  // Positions at the next member of the innermost container and says where its value will sit.
  bool next_member(std::size_t& parent, std::string& key, std::size_t& index, std::size_t& key_offset,
                   bool& tracked) {
    const frame& top = stack_.back();
    tracked = top.tracked;
    parent = top.entry;
    index = top.index;
    if (top.is_array) {
      key.clear();
      key_offset = npos;
      return true;
    }
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    key_offset = pos_;
    key = read_key();
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
    return true;
  }

  bool after_value(std::size_t& parent, std::string& key, std::size_t& index, std::size_t& key_offset,
                   bool& tracked) {
    for (;;) {
      skip_space();
      if (stack_.empty() || pos_ >= text_.size()) return false;
      const char c = text_[pos_++];
      if (c == ',') {
        ++stack_.back().index;
        return next_member(parent, key, index, key_offset, tracked);
      }
      // '}' or ']': the container is a finished value of its parent.
      stack_.pop_back();
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<frame> stack_;
  json_positions out_;
};

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::pair<std::size_t, bool> json_positions::resolve(std::string_view pointer) const {
  if (entries_.empty()) return {std::string::npos, false};
  std::size_t current = 0;
  while (!pointer.empty()) {
    if (pointer.front() != '/') return {current, false};
    pointer.remove_prefix(1);
    const std::size_t end = std::min(pointer.find('/'), pointer.size());
    const std::string_view token = pointer.substr(0, end);
    pointer.remove_prefix(end);
    member wanted{current, {}, 0};
    std::string unescaped;
    if (entries_[current].is_array) {
      const auto [last, problem] = std::from_chars(token.data(), token.data() + token.size(), wanted.index);
      if (problem != std::errc() || last != token.data() + token.size() || token.empty()) return {current, false};
    } else {
      for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
          unescaped += token[i + 1] == '0' ? '~' : '/';
          ++i;
        } else {
          unescaped += token[i];
        }
      }
      wanted.key = unescaped;
    }
    const std::uint32_t found = members_.empty() ? 0 : members_[slot_of(wanted)];
    if (found == 0) return {current, false};
    current = found - 1;
  }
  return {current, true};
}

json_positions::member json_positions::member_of(std::size_t at) const {
  const entry& e = entries_[at];
  const bool in_array = entries_[e.parent].is_array;
  return {e.parent, in_array ? std::string_view() : std::string_view(e.key), in_array ? e.index : 0};
}

std::size_t json_positions::slot_of(const member& wanted) const {
  const std::size_t mask = members_.size() - 1;
  // Mixed before masking (murmur3's finaliser): an array's elements differ only in their index, and unmixed they
  // filled runs of adjacent slots that linear probing then walked end to end (a 2 MB matrix took minutes).
  const std::uint64_t h = mixed_hash(std::hash<std::string_view>{}(wanted.key) ^
                                     (wanted.parent * 0x9E3779B97F4A7C15ULL) ^ (wanted.index << 1));
  std::size_t slot = static_cast<std::size_t>(h) & mask;
  while (members_[slot] != 0 && member_of(members_[slot] - 1) != wanted) slot = (slot + 1) & mask;
  return slot;
}

std::string json_positions::pointer_of(std::size_t at) const {
  std::vector<std::string> tokens;
  for (std::size_t i = at; entries_[i].parent != std::string::npos; i = entries_[i].parent) {
    tokens.push_back(entries_[entries_[i].parent].is_array ? std::to_string(entries_[i].index)
                                                            : pointer_escape(entries_[i].key));
  }
  std::string out;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) out += "/" + *it;
  return out;
}

std::size_t json_positions::offset_of(std::string_view pointer) const {
  const auto [found, whole] = resolve(pointer);
  return found == std::string::npos ? 0 : entries_[found].value_offset;
}

std::size_t json_positions::key_offset_of(std::string_view pointer) const {
  const auto [found, whole] = resolve(pointer);
  if (found == std::string::npos) return 0;
  return whole ? entries_[found].key_offset : entries_[found].value_offset;
}

json_positions index_json_positions(std::string_view text) { return position_scanner(text).run(); }

source_map::source_map(std::string_view text) : size_(text.size()) {
  // memchr rather than a loop over every byte: this runs for every file loaded.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin; at < end;) {
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
    if (newline == nullptr) break;
    line_starts_.push_back(static_cast<std::size_t>(newline - begin) + 1);
    at = newline + 1;
  }
}

void source_map::index_values(std::string_view text) { positions_ = index_json_positions(text); }

text_position source_map::at_offset(std::size_t offset) const {
  offset = std::min(offset, size_);
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(after - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

}  // namespace xpuspec
