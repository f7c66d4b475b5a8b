// Aligned plain-text tables for a terminal or a pipe. Colour and bar characters only when the caller says the
// output is a terminal (style), so `xpuspec ... | grep` sees plain ASCII apart from the — and × signs.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/grid.hpp"
#include "render/formats.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {
namespace {

using ansi::bold;
using ansi::dim;
using ansi::reset;
constexpr std::size_t bar_width = 24;

// Columns a string takes in a terminal: its UTF-8 code points (our cells hold no wide characters).
std::size_t display_width(std::string_view s) { return code_points(s); }

// Appends text, which takes `shown` columns, padded to `width`, on the left when right-aligned: a table of every
// chip pads a thousand cells, and a padded copy of each was three strings.
void append_padded(std::string& out, std::string_view text, std::size_t shown, std::size_t width, bool right) {
  const std::size_t fill = width > shown ? width - shown : 0;
  if (right) out.append(fill, ' ');
  out.append(text);
  if (!right) out.append(fill, ' ');
}

std::string pad(std::string_view text, std::size_t width, bool right) {
  std::string out;
  append_padded(out, text, display_width(text), width, right);
  return out;
}

std::string bar(double fraction) {
  static constexpr std::string_view eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const auto units = static_cast<std::size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * bar_width * 8));
  std::string out;
  for (std::size_t i = 0; i < units / 8; ++i) out += "█";
  out += eighths[units % 8];
  return out;
}

void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

std::string draw_table(const grid& g, const style& s) {
  std::string out;
  if (!g.preamble.empty()) {
    std::size_t key_width = 0;
    for (const auto& [key, unused] : g.preamble) key_width = std::max(key_width, key.size() + 1);
    for (const auto& [key, text] : g.preamble) out += fmt::format("{} {}\n", pad(key + ":", key_width, false), text);
    out += '\n';
  }

  std::vector<std::size_t> widths(g.headers.size(), 0);
  for (std::size_t i = 0; i < g.headers.size(); ++i) widths[i] = display_width(g.headers[i]);
  // Each cell's own width, measured once: the columns' widths need them all before the first line is drawn.
  const std::size_t columns_in_all = widths.size();
  std::vector<std::size_t> shown(g.rows.size() * columns_in_all, 0);
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    const auto& row = g.rows[r];
    for (std::size_t i = 0; i < row.size() && i < columns_in_all; ++i) {
      shown[r * columns_in_all + i] = display_width(row[i].text);
      widths[i] = std::max(widths[i], shown[r * columns_in_all + i]);
    }
  }
  // Numeric columns are right-aligned, their headings too, so a heading sits over its numbers.
  std::vector<bool> numeric(g.headers.size(), false);
  for (const auto& row : g.rows) {
    for (std::size_t i = 0; i < row.size() && i < numeric.size(); ++i) numeric[i] = numeric[i] || row[i].numeric;
  }
  const bool with_bars = s.decorate && !g.bars.empty();
  // One allocation for the whole table: grown by doubling, a 100,000-row table briefly held three copies of itself.
  std::size_t line_bytes = 16;  // bars, colour codes and multi-byte characters beyond the display widths
  for (std::size_t w : widths) line_bytes += w + 2;
  out.reserve(out.size() + line_bytes * (g.rows.size() + 2));

  // Columns in blocks that fit the terminal: the key columns, then as many of the rest as fit (at least one).
  std::vector<std::vector<std::size_t>> blocks(1);
  const std::size_t keys = std::min(g.key_columns, widths.size());
  std::size_t key_width = 0;
  for (std::size_t i = 0; i < keys; ++i) key_width += widths[i] + 2;
  std::size_t used = key_width;
  for (std::size_t i = keys; i < widths.size(); ++i) {
    const bool wrap = keys > 0 && s.width > 0 && used + widths[i] > s.width && blocks.back().size() > 0;
    if (wrap) {
      blocks.emplace_back();
      used = key_width;
    }
    blocks.back().push_back(i);
    used += widths[i] + 2;
  }

  for (std::size_t b = 0; b < blocks.size(); ++b) {
    std::vector<std::size_t> columns;
    for (std::size_t i = 0; i < keys; ++i) columns.push_back(i);
    columns.insert(columns.end(), blocks[b].begin(), blocks[b].end());
    if (b) out += '\n';

    std::string header;
    std::string rule;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const std::size_t i = columns[k];
      if (k) {
        header += "  ";
        rule += "  ";
      }
      append_padded(header, g.headers[i], display_width(g.headers[i]), widths[i], numeric[i]);
      rule += std::string(widths[i], '-');
    }
    trim_right(header);
    out += s.color ? fmt::format("{}{}{}", bold, header, reset) : header;
    out.append(1, '\n').append(rule).append(1, '\n');

    for (std::size_t r = 0; r < g.rows.size(); ++r) {
      std::string line;
      const auto& row = g.rows[r];
      for (std::size_t k = 0; k < columns.size(); ++k) {
        const std::size_t i = columns[k];
        if (i >= row.size()) continue;
        if (k) line += "  ";
        const bool dimmed = s.color && row[i].muted;
        if (dimmed) line += dim;
        append_padded(line, row[i].text, shown[r * columns_in_all + i], widths[i], numeric[i]);
        if (dimmed) line += reset;
      }
      if (with_bars && r < g.bars.size() && g.bars[r]) line += "  " + bar(*g.bars[r]);
      trim_right(line);
      out.append(line).append(1, '\n');
    }
  }

  if (g.has_footer()) {
    out += '\n';
    g.for_each_footer_line([&](std::string_view note) {
      if (s.color) {
        out.append(dim).append(note).append(reset);
      } else {
        out.append(note);
      }
      out += '\n';
    });
  }
  return out;
}

}  // namespace xpuspec::render
