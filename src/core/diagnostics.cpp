#include "xpuspec/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "xpuspec/names.hpp"

namespace xpuspec {
namespace {

constexpr rule_def rules[] = {
#define XPUSPEC_RULE_ROW(enumerator, id, level, why) {rule_id::enumerator, id, severity::level, why},
    XPUSPEC_RULES(XPUSPEC_RULE_ROW)
#undef XPUSPEC_RULE_ROW
};

}  // namespace

std::string_view to_string(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
  }
  return "error";
}

std::span<const rule_def> all_rules() { return rules; }

const rule_def* find_rule(std::string_view id) {
  for (const auto& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string to_line(const finding& f) {
  if (f.where.line == 0) return fmt::format("{}: {}", f.file, f.message);
  return located(f.file, f.where, f.message);
}

const rule_def& definition(rule_id r) { return rules[static_cast<std::size_t>(r)]; }

std::string_view to_string(rule_id r) { return definition(r).id; }

std::optional<rule_id> rule_from_string(std::string_view id) {
  const rule_def* def = find_rule(id);
  return def ? std::optional<rule_id>(def->rule) : std::nullopt;
}

finding make_finding(std::string file, text_position where, rule_id rule, std::string message) {
  // Messages quote file content: a control character in it must not reach a terminal or forge a finding line.
  return {std::move(file), where, definition(rule).level, bounded(printable(message, true)), rule};
}

void sort_by_position(std::vector<finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
}

}  // namespace xpuspec
