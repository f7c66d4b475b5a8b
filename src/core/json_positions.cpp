#include "xpuspec/json_positions.hpp"

#include <algorithm>
#include <unordered_set>

namespace xpuspec {
namespace {

// Chip files are a few levels deep; positions below this depth are not recorded, so a hostile file nested
// 100 000 levels deep costs linear time and memory instead of a pointer string per level per level.
constexpr std::size_t max_tracked_depth = 64;

struct frame {
  bool is_array = false;
  bool tracked = false;
  std::size_t index = 0;
  std::string base;
  std::unordered_set<std::string> keys;
};

class scanner {
 public:
  explicit scanner(std::string_view text) : text_(text) {}

  json_positions run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    std::string pointer;
    bool tracked = true;
    for (;;) {
      // A value starts here.
      skip_space();
      if (pos_ >= text_.size()) break;
      if (tracked) out_.value_offset.emplace(pointer, pos_);
      const char c = text_[pos_];
      if (c == '{' || c == '[') {
        frame f;
        f.is_array = c == '[';
        f.tracked = tracked && stack_.size() < max_tracked_depth;
        if (f.tracked) f.base = pointer;
        ++pos_;
        skip_space();
        const char close = f.is_array ? ']' : '}';
        stack_.push_back(std::move(f));
        if (pos_ < text_.size() && text_[pos_] == close) {
          ++pos_;
          stack_.pop_back();
        } else {
          if (!next_member(pointer, tracked)) break;
          continue;
        }
      } else if (c == '"') {
        skip_string();
      } else {
        while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
      }
      // The value just ended: move to the next member, or close containers.
      if (!after_value(pointer, tracked)) break;
    }
    return std::move(out_);
  }

 private:
  static bool is_delimiter(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  void skip_string() {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
  }

  std::string read_key() {
    std::string key;
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

  // Positions at the first member of the innermost container; sets pointer to the member's pointer.
  bool next_member(std::string& pointer, bool& tracked) {
    frame& top = stack_.back();
    tracked = top.tracked;
    if (top.is_array) {
      if (tracked) pointer = top.base + "/" + std::to_string(top.index);
      return true;
    }
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    const std::size_t key_start = pos_;
    std::string key = read_key();
    if (tracked) {
      pointer = top.base + "/" + pointer_escape(key);
      if (top.keys.insert(key).second) {
        out_.key_offset.emplace(pointer, key_start);
      } else {
        // The second occurrence is the one to point at: the first was fine until it came along.
        out_.duplicate_keys.push_back(pointer);
        out_.key_offset[pointer] = key_start;
      }
    }
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
    return true;
  }

  bool after_value(std::string& pointer, bool& tracked) {
    for (;;) {
      skip_space();
      if (stack_.empty() || pos_ >= text_.size()) return false;
      const char c = text_[pos_++];
      if (c == ',') {
        ++stack_.back().index;
        return next_member(pointer, tracked);
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

}  // namespace

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::size_t json_positions::offset_of(std::string_view pointer) const {
  std::string p(pointer);
  for (;;) {
    if (auto it = value_offset.find(p); it != value_offset.end()) return it->second;
    const auto slash = p.rfind('/');
    if (slash == std::string::npos) return 0;
    p.resize(slash);
  }
}

std::size_t json_positions::key_offset_of(std::string_view pointer) const {
  if (auto it = key_offset.find(std::string(pointer)); it != key_offset.end()) return it->second;
  return offset_of(pointer);
}

json_positions index_json_positions(std::string_view text) { return scanner(text).run(); }

source_map::source_map(std::string_view text) : size_(text.size()) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
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
