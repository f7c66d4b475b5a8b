#pragma once
// Where each value of a JSON document starts, by JSON pointer, so a finding about a value can name its line and
// column. nlohmann::json keeps no positions (before 3.12), so this is one pass over the already-parsed text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xpuspec/error.hpp"

namespace xpuspec {

// Built for every file loaded, and looked up only for the few values a finding is about, so the index is flat:
// one entry per value with its container and member name, not a pointer string per value.
class json_positions {
 public:
  json_positions() = default;

  struct entry {
    std::size_t parent;        // entry of the containing object or array; npos for the root
    std::string key;           // member name, decoded; empty for array elements and the root
    std::size_t index;         // position among the container's members
    std::size_t value_offset;  // byte offset where the value starts
    std::size_t key_offset;    // byte offset of the member's key (of its last occurrence, if duplicated)
    bool is_array;
  };

  // The offset of the value at `pointer`, or of its nearest ancestor that has one.
  std::size_t offset_of(std::string_view pointer) const;
  std::size_t key_offset_of(std::string_view pointer) const;
  // Pointers of keys that appear twice in one object, at the later occurrence.
  const std::vector<std::string>& duplicate_keys() const { return duplicate_keys_; }

 private:
  friend class position_scanner;
  struct member {  // an object member by (parent, key), an array element by (parent, index)
    std::size_t parent;
    std::string_view key;
    std::size_t index;
    bool operator==(const member&) const = default;
  };
  member member_of(std::size_t entry) const;
  // The slot of `wanted` in the member index: the one holding it, or the empty one where it would go.
  std::size_t slot_of(const member& wanted) const;
  // (entry, index of the deepest entry found, whether every token matched)
  std::pair<std::size_t, bool> resolve(std::string_view pointer) const;
  std::string pointer_of(std::size_t entry) const;

  std::vector<entry> entries_;  // document order; entries_[0] is the root value
  // Every non-root entry by (parent, key or index): open addressing over entry numbers + 1 (0: empty), at most
  // half full. A node-based map allocated once per value, a third of indexing a file.
  std::vector<std::uint32_t> members_;
  std::vector<std::string> duplicate_keys_;
};

// `text` must be valid JSON (parse it with nlohmann first): this pass does not report syntax errors.
json_positions index_json_positions(std::string_view text);

std::string pointer_escape(std::string_view key);

// Pointer to line and column in one file: the value offsets plus an index of line starts, so each lookup is a
// binary search rather than a scan from the top.
class source_map {
 public:
  source_map() = default;
  explicit source_map(std::string_view text);  // indexes lines only: usable before the JSON is known valid
  void index_values(std::string_view text);    // then the value positions, once it is

  text_position at_offset(std::size_t offset) const;
  text_position value_at(std::string_view pointer) const { return at_offset(positions_.offset_of(pointer)); }
  text_position key_at(std::string_view pointer) const { return at_offset(positions_.key_offset_of(pointer)); }
  const std::vector<std::string>& duplicate_keys() const { return positions_.duplicate_keys(); }

 private:
  json_positions positions_;
  std::vector<std::size_t> line_starts_{0};
  std::size_t size_ = 0;
};

}  // namespace xpuspec
