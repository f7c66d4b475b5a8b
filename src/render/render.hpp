#pragma once
// Reports as text. Each report has one view (src/render/views/), each format one writer; render.cpp is the one
// place that switches between formats.

#include <functional>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "xpuspec/report.hpp"
#include "xpuspec/match.hpp"
#include "xpuspec/plan.hpp"
#include "xpuspec/validate.hpp"
#include "xpuspec/export_control.hpp"
#include "xpuspec/runs.hpp"

namespace xpuspec::render {

// An output format, known by its name: render.cpp's table of writers says what each name writes, so a new format
// is its writer and its row there. The formats that code names are constants here.
struct format {
  std::string_view name;
  static const format table, json, jsonl, csv, tsv, markdown;
  bool operator==(const format&) const = default;
};
inline const format format::table{"table"};
inline const format format::json{"json"};
inline const format format::jsonl{"jsonl"};
inline const format format::csv{"csv"};
inline const format format::tsv{"tsv"};
inline const format format::markdown{"markdown"};

std::optional<format> format_from_string(std::string_view name);
// Every name --format accepts for a report (aliases such as "md" too), and each format once (for messages).
std::vector<std::string_view> format_choices();
std::vector<std::string_view> format_list();

struct style {
  bool color = false;     // ANSI colour and bold
  bool decorate = false;  // Unicode bar characters: only for a terminal
  std::size_t width = 0;  // a table wider than this many columns is wrapped into blocks; 0: never (pipes, --wide)
};

// Any report as text in format f. Each report's view (src/render/views/REPORT.cpp) defines it for that report; a
// report with no view does not link.
template <typename Report>
std::string render(const Report& r, format f, const style& s);
// The same text handed to `out` a piece at a time, in order. A report of many records (list, rank, compare) in
// JSON, JSON Lines, CSV or TSV is written as it is made, in pieces of about 64 KB, so 100,000 chips' output is
// never held whole; an HTML page of any report comes in such pieces too (each part of it whole); the table and
// Markdown arrive as one piece.
using sink = std::function<void(std::string_view)>;
template <typename Report>
void render_to(const Report& r, format f, const style& s, const sink& out);

// Charts as self-contained SVG documents (svg.cpp).
std::string render_svg(const roofline_report& r);
std::string render_svg(const rank_report& r);

// validate's findings: compiler-style lines, JSON, or GitHub Actions workflow commands (annotations).
enum class findings_format { text, json, github, sarif };
std::string render(const validation_report& r, findings_format f, const style& s);

// `validate --list-rules`.
struct rules_report {};

}  // namespace xpuspec::render
