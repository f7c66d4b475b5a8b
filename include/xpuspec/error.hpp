#pragma once
// The one exception type of the core. The CLI catches it once, in main, and prints each line of what() as a
// diagnostic; several lines mean several problems found in one pass.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "xpuspec/rules.hpp"

namespace xpuspec {

class error : public std::runtime_error {
 public:
  explicit error(const std::string& message) : std::runtime_error(message) {}
  // An error that is also a finding of one validate rule says which, so callers never classify it by its text.
  error(const std::string& message, rule_id rule) : std::runtime_error(message), rule_(rule) {}
  std::optional<rule_id> rule() const { return rule_; }

 private:
  std::optional<rule_id> rule_;
};

// Where a problem is, as people and editors read it: 1-based line and column (in bytes).
struct text_position {
  std::size_t line = 1;
  std::size_t column = 1;
};

// "FILE:LINE:COL: message", the form compilers use, so terminals and editors can jump to it.
std::string located(std::string_view file, text_position where, std::string_view message);

}  // namespace xpuspec
