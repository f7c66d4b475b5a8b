#pragma once
// Findings about chip files: where (file, line, column), how bad, what, and which rule, so people can read them
// and tools (CI annotations, editors) can place them.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/error.hpp"

namespace xpuspec {

// info: worth a reader's look, never a failure (not even with --strict).
enum class severity { error, warning, info };
std::string_view to_string(severity s);

struct finding {
  std::string file;
  text_position where{0, 0};  // line 0: the finding is about the file as a whole
  severity level = severity::error;
  std::string message;
  std::string rule;
};

struct rule_def {
  std::string_view id;
  severity level;
  std::string_view why;  // one sentence: the mistake the rule exists to catch
};

std::span<const rule_def> all_rules();
const rule_def* find_rule(std::string_view id);

// A finding at the level its rule has (an unknown rule is an error).
finding make_finding(std::string file, text_position where, std::string_view rule, std::string message);

// One file's findings in the order of its lines, whichever check found them; ties keep their order.
void sort_by_position(std::vector<finding>& findings);

// "FILE:LINE:COL: message" (or "FILE: message" without a position): how load errors read.
std::string to_line(const finding& f);

}  // namespace xpuspec
