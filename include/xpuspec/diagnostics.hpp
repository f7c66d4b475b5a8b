#pragma once
// Findings about chip files: where (file, line, column), how bad, what, and which rule, so people can read them
// and tools (CI annotations, editors) can place them.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/error.hpp"
#include "xpuspec/rules.hpp"

namespace xpuspec {

struct finding {
  std::string file;
  text_position where{0, 0};  // line 0: the finding is about the file as a whole
  severity level = severity::error;
  std::string message;
  rule_id rule = rule_id::schema;
};

struct rule_def {
  rule_id rule;
  std::string_view id;
  severity level;
  std::string_view why;  // one sentence: the mistake the rule exists to catch
};

std::span<const rule_def> all_rules();
const rule_def* find_rule(std::string_view id);

const rule_def& definition(rule_id r);

// A finding at the level its rule has.
finding make_finding(std::string file, text_position where, rule_id rule, std::string message);

// One file's findings in the order of its lines, whichever check found them; ties keep their order.
void sort_by_position(std::vector<finding>& findings);

// "FILE:LINE:COL: message" (or "FILE: message" without a position): how load errors read.
std::string to_line(const finding& f);

}  // namespace xpuspec
