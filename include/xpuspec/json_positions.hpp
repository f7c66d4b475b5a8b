#pragma once
// Where each value of a JSON document starts, by JSON pointer, so a finding about a value can name its line and
// column. nlohmann::json keeps no positions (before 3.12), so this is one pass over the already-parsed text.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

}  // namespace xpuspec
