// GitHub-flavoured Markdown: the same grid as the terminal table, for pasting into an issue or a README.

#include <fmt/format.h>

#include "render/formats.hpp"

namespace xpuspec::render {
namespace {

// The cell separator is escaped, and < so "compute.<precision>.dense" is not taken for an HTML tag. Nothing
// else: GitHub does not treat intraword _ as emphasis, and escaping it would put backslashes into URLs and ids.
std::string escape(std::string_view text) { return substitute(text, {{'<', "&lt;"}, {'|', "\\|"}, {'\n', " "}}); }

}  // namespace

std::string draw_markdown(const grid& g) {
  std::string out;
  for (const auto& [key, text] : g.preamble) out += fmt::format("- **{}**: {}\n", escape(key), escape(text));
  if (!g.preamble.empty()) out += '\n';

  std::vector<bool> numeric(g.headers.size(), false);
  for (const auto& row : g.rows) {
    for (std::size_t i = 0; i < row.size() && i < numeric.size(); ++i) numeric[i] = numeric[i] || row[i].numeric;
  }
  out += "|";
  for (const auto& h : g.headers) out += fmt::format(" {} |", escape(h));
  out += "\n|";
  for (std::size_t i = 0; i < g.headers.size(); ++i) out += numeric[i] ? " ---: |" : " --- |";
  out += '\n';
  for (const auto& row : g.rows) {
    out += "|";
    // A thousand cells: appended, no format string parsed for each.
    for (const auto& c : row) out.append(" ").append(escape(c.text)).append(" |");
    out += '\n';
  }
  if (g.has_footer()) {
    out += '\n';
    g.for_each_footer_line([&](std::string_view note) { out.append(escape(note)).append("  \n"); });
  }
  return out;
}

}  // namespace xpuspec::render
