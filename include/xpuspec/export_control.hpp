#pragma once
// Export-control threshold arithmetic: a chip's TPP and performance density against the US ECCN 3A090 thresholds
// (data/export-control/3a090.json). It says which numeric tests a spec sheet passes, with the basis of every input;
// it is not legal advice (end use, destination and datacenter marketing are not on a spec sheet).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/metrics.hpp"
#include "xpuspec/model.hpp"

namespace xpuspec {

// One numeric test of a rule: at_least <= input (< below).
struct threshold_test {
  metric input;
  double at_least = 0;
  std::optional<double> below;
  std::string text;  // the rule's own words for it
};

// A rule is met when any alternative is, and an alternative when all its tests are.
struct threshold_alternative {
  std::string part;  // the paragraph: "a.1", "b.2"
  std::vector<threshold_test> tests;
};

struct export_rule {
  std::string id;  // "3a090-2022", "3a090a-2023": the rule's paragraph and year
  std::string title;
  std::string summary;
  std::string source;  // key into export_rules::sources
  std::vector<threshold_alternative> alternatives;
};

struct export_rules {
  std::string about;
  std::vector<export_rule> rules;
  std::vector<source_ref> sources;
};

// Reads a rules file; a malformed one is an xpuspec::error naming `origin` and what is wrong.
export_rules parse_export_rules(std::string_view text, std::string_view origin);
// The bundled data/export-control/3a090.json.
export_rules bundled_export_rules();

struct test_result {
  std::string part;
  threshold_test test;
  metric_value value;
  std::optional<bool> met;  // nullopt: the input is unknown
};

struct rule_result {
  std::string rule;
  std::optional<bool> meets;  // nullopt: a test that decides it has an unknown input
  std::vector<test_result> tests;
};

struct export_control_row {
  const chip* subject;
  metric_value tpp;
  std::optional<precision> tpp_from;  // the precision whose dense figure gives the TPP
  std::vector<precision> tpp_unknown;  // when not empty, the TPP is a lower bound: a test it fails is unknown
  metric_value density;
  std::vector<rule_result> rules;  // one per export_rules::rules, in order
};

struct export_control_report {
  export_rules rules;
  std::vector<export_control_row> rows;
};

export_control_report make_export_control(const std::vector<const chip*>& chips, export_rules rules);

}  // namespace xpuspec
