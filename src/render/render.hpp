#pragma once
// Output formats. Each format is one file of pure functions from a computed report to text; this header and
// render.cpp are the one place that switches between them.

#include <string>
#include <string_view>
#include <optional>

#include "xpuspec/report.hpp"
#include "xpuspec/match.hpp"
#include "xpuspec/plan.hpp"
#include "xpuspec/validate.hpp"

namespace xpuspec::render {

enum class format { table, json, jsonl, csv, tsv, markdown };
std::optional<format> format_from_string(std::string_view name);

struct style {
  bool color = false;     // ANSI colour and bold
  bool decorate = false;  // Unicode bar characters: only for a terminal
  std::size_t width = 0;  // a table wider than this many columns is wrapped into blocks; 0: never (pipes, --wide)
};

std::string render(const list_report& r, format f, const style& s);
std::string render(const show_report& r, format f, const style& s);
std::string render(const compare_report& r, format f, const style& s);
std::string render(const rank_report& r, format f, const style& s);
std::string render(const metrics_report& r, format f, const style& s);

// Charts as self-contained SVG documents (svg.cpp).
std::string render_svg(const roofline_report& r);
std::string render_svg(const rank_report& r);

// validate's findings: compiler-style lines, JSON, or GitHub Actions workflow commands (annotations).
enum class findings_format { text, json, github };
std::string render(const validation_report& r, findings_format f, const style& s);

std::string render(const sources_report& r, format f, const style& s);
std::string render(const match_report& r, format f, const style& s);
std::string render(const roofline_report& r, format f, const style& s);
std::string render(const train_report& r, format f, const style& s);
std::string render(const serve_report& r, format f, const style& s);

// `validate --list-rules`.
struct rules_report {};
std::string render(const rules_report& r, format f, const style& s);

}  // namespace xpuspec::render
