#pragma once
// Where each value of a JSON document starts, by JSON pointer, so a finding about a value can name its line and
// column. nlohmann::json keeps no positions (before 3.12), so this is one pass over the already-parsed text.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xpuspec/error.hpp"

namespace xpuspec {

struct json_positions {
  std::unordered_map<std::string, std::size_t> value_offset;  // "/compute/bf16" -> byte offset of the value
  std::unordered_map<std::string, std::size_t> key_offset;    // "/compute/bf16" -> byte offset of its key
  std::vector<std::string> duplicate_keys;                    // pointers of keys that appear twice in one object

  // The offset of the value at `pointer`, or of its nearest ancestor that has one.
  std::size_t offset_of(std::string_view pointer) const;
  std::size_t key_offset_of(std::string_view pointer) const;
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
  const std::vector<std::string>& duplicate_keys() const { return positions_.duplicate_keys; }

 private:
  json_positions positions_;
  std::vector<std::size_t> line_starts_{0};
  std::size_t size_ = 0;
};

}  // namespace xpuspec
