#include "xpuspec/error.hpp"

#include <fmt/format.h>

namespace xpuspec {

std::string located(std::string_view file, text_position where, std::string_view message) {
  return fmt::format("{}:{}:{}: {}", file, where.line, where.column, message);
}

}  // namespace xpuspec
