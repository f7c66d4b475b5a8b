#include "xpuspec/error.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace xpuspec {

text_position position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  text_position where;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = offset - line_start + 1;
  return where;
}

std::string located(std::string_view file, text_position where, std::string_view message) {
  return fmt::format("{}:{}:{}: {}", file, where.line, where.column, message);
}

}  // namespace xpuspec
