// validate's findings as lines: compiler-style text for people and editors, and GitHub Actions workflow commands,
// which a CI log turns into annotations on the files' lines.

#include <cctype>

#include <fmt/format.h>

#include "render/formats.hpp"
#include "render/grid.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {
namespace {

using ansi::cyan;
using ansi::red;
using ansi::reset;
using ansi::yellow;

// Workflow-command escaping: % and line breaks everywhere, and , and : too inside a property value.
std::string escape_data(std::string_view text) {
  return substitute(text, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

// A file path as a SARIF artifact URI (RFC 3986): a relative path stays relative to the run's working folder, an
// absolute one becomes file:///...; every byte outside the unreserved set and '/' is percent-encoded, so a space, a
// '#' or a non-UTF-8 byte in a file name cannot break the URI.
std::string artifact_uri(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += plain && u < 0x80 ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return out;
}

std::string escape_property(std::string_view text) {
  return substitute(text, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {',', "%2C"}, {':', "%3A"}});
}

}  // namespace

std::string to_text(const validation_report& r, const style& s) {
  std::string out;
  for (const auto& f : r.findings) {
    const std::string_view level = to_string(f.level);
    const std::string_view color = f.level == severity::error ? red : f.level == severity::warning ? yellow : cyan;
    const std::string shown = s.color ? fmt::format("{}{}{}", color, level, reset) : std::string(level);
    const std::string where =
        f.where.line ? fmt::format("{}:{}:{}", printable(f.file, true), f.where.line, f.where.column)
                     : printable(f.file, true);
    out += fmt::format("{}: {}: {} [{}]\n", where, shown, f.message, to_string(f.rule));
  }
  return out;
}

std::string to_github(const validation_report& r) {
  std::string out;
  for (const auto& f : r.findings) {
    std::string properties = "file=" + escape_property(f.file);
    if (f.where.line) properties += fmt::format(",line={},col={}", f.where.line, f.where.column);
    const std::string rule(to_string(f.rule));
    properties += ",title=" + escape_property("xpuspec " + rule);
    // GitHub's workflow commands are error, warning and notice.
    const std::string_view command = f.level == severity::info ? "notice" : to_string(f.level);
    out += fmt::format("::{} {}::{}\n", command, properties, escape_data(f.message + " [" + rule + "]"));
  }
  return out;
}

json findings_document(const validation_report& r) {
  json findings = json::array();
  for (const auto& f : r.findings) {
    findings.push_back({{"file", f.file},
                        {"line", f.where.line ? json(f.where.line) : json(nullptr)},
                        {"column", f.where.line ? json(f.where.column) : json(nullptr)},
                        {"severity", to_string(f.level)},
                        {"rule", to_string(f.rule)},
                        {"message", f.message}});
  }
  return json({{"schema_version", json_schema_version},
               {"files", r.files},
               {"chips", r.chips},
               {"errors", r.count(severity::error)},
               {"warnings", r.count(severity::warning)},
               {"infos", r.count(severity::info)},
               {"findings", std::move(findings)}});
}

json sarif_document(const validation_report& r) {
  // GitHub reads "error", "warning" and "note" as a result's level.
  const auto level = [](severity s) { return s == severity::info ? std::string("note") : std::string(to_string(s)); };
  json rules = json::array();
  for (const auto& rule : all_rules()) {
    rules.push_back({{"id", rule.id},
                     {"name", rule.id},
                     {"shortDescription", {{"text", rule.why}}},
                     {"fullDescription", {{"text", rule.why}}},
                     {"defaultConfiguration", {{"level", level(rule.level)}}}});
  }
  json results = json::array();
  for (const auto& f : r.findings) {
    const auto rule_index = static_cast<std::size_t>(f.rule);
    json location = {{"artifactLocation", {{"uri", artifact_uri(f.file)}}}};
    if (f.where.line) location["region"] = {{"startLine", f.where.line}, {"startColumn", f.where.column}};
    results.push_back({{"ruleId", to_string(f.rule)},
                       {"ruleIndex", rule_index},
                       {"level", level(f.level)},
                       {"message", {{"text", f.message}}},
                       {"locations", json::array({{{"physicalLocation", std::move(location)}}})}});
  }
  return json({{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({{{"tool", {{"driver", {{"name", "xpuspec"},
                                                          {"version", XPUSPEC_VERSION},
                                                          {"rules", std::move(rules)}}}}},
                                      {"results", std::move(results)}}})}});
}

}  // namespace xpuspec::render
