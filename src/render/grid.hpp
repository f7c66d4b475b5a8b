#pragma once
// A report laid out for people: headed columns of formatted cells, with lines before and after. The table and
// Markdown renderers draw the same grid, so the two cannot drift apart.

#include <initializer_list>
#include <functional>
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/render.hpp"
#include "xpuspec/report.hpp"

namespace xpuspec::render {

// ANSI SGR sequences, for the renderers that colour a terminal's output.
namespace ansi {
inline constexpr std::string_view bold = "\x1b[1m";
inline constexpr std::string_view dim = "\x1b[2m";
inline constexpr std::string_view red = "\x1b[1;31m";
inline constexpr std::string_view yellow = "\x1b[1;33m";
inline constexpr std::string_view cyan = "\x1b[1;36m";
inline constexpr std::string_view reset = "\x1b[0m";
}  // namespace ansi

struct cell {
  std::string text;
  bool numeric = false;  // right-aligned
  bool muted = false;    // a missing value: dimmed in colour
  // What a page can show beside the value (HTML): what it rests on, on hover, and the sources it cites as indexes
  // into grid::references. The table and Markdown keep these in the notes below the columns instead.
  std::string detail = {};
  std::vector<std::size_t> refs = {};
};


struct grid {
  std::vector<std::pair<std::string, std::string>> preamble;  // "key: value" lines above the columns
  std::vector<std::string> headers;
  std::vector<std::vector<cell>> rows;
  std::vector<std::optional<double>> bars;  // per row, 0..1, drawn only on a terminal; empty = no bars
  std::vector<std::string> notes;           // lines below the columns
  std::size_t key_columns = 0;              // leading columns repeated in each block when a narrow terminal wraps
                                            // the rest; 0: the table is not wrapped
  std::string title;                        // what the report is, for a page's heading
  // The sources cells cite, each once, in the order first cited: the chips' own entries (the report keeps the
  // chips alive while it is rendered). Not escaped with the rest: a writer that shows one escapes it.
  std::vector<const source_ref*> references;
  std::unordered_map<const source_ref*, std::size_t> reference_index;
  // One column per chip (compare): a page that sorts its rows shows the grid turned, one row per chip, so sorting
  // by a metric ranks the chips. The key columns name each metric.
  bool subjects_are_columns = false;
  // The table and Markdown list the references below the notes too (show); otherwise only a page does, since a
  // terminal has no hover and the notes already say what is not a vendor figure.
  bool list_references = false;

  // The source's index in references, adding it the first time it is cited.
  std::size_t cite(const source_ref& s);
  // What a text prints below the columns, a line at a time: the notes, then the references when it lists them
  // (a compare of every chip has 700 notes: a copy of them all was 2% of its table).
  bool has_footer() const { return !notes.empty() || (list_references && !references.empty()); }
  void for_each_footer_line(const std::function<void(std::string_view)>& line) const;
};

// The grid with every string's control characters as \xNN: the one escaping rule for what people read, since a
// chip's name or note may hold ESC, CR or a line that forges a diagnostic. The table and Markdown writers draw
// only escaped grids.
grid escaped(grid g);

// "1.62e+24": for counts far beyond what four significant digits show plainly.
std::string big_number(double x);

// "989.4", "3.35", "0.0412": four significant digits, no exponent, no trailing zeros.
std::string human_number(double x);
// "1 chip", "8 chips".
std::string plural(std::size_t n, std::string_view noun);
// The number policy of the machine formats (JSON, JSON Lines, CSV, TSV): 12 significant digits, then the
// shortest text that reads back as that double. Tables have their own, human_number.
// A number whose shortest text has at most 12 digits is already tidy, so a writer tidies first and finds the
// digits once.
double tidy_number(double x);
inline constexpr int tidy_digits = 12;
// "3.17×"
std::string human_ratio(double x);

// Text with each character in `table` replaced by its substitute: the one loop behind every format's escaping.
struct substitution {
  char from;
  std::string_view to;
};
std::string substitute(std::string_view text, std::initializer_list<substitution> table);

}  // namespace xpuspec::render
