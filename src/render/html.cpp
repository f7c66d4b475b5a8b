// The page writer: any view's grid as one self-contained HTML document people can share. Nothing is fetched (the
// Content-Security-Policy forbids it), so the page opens the same from a mail attachment, an artifact store or a
// laptop offline. The table sorts by any column; each value says on hover what it rests on and links to its
// sources, listed in full below it.

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "render/formats.hpp"
#include "render/view.hpp"

namespace xpuspec::render {
namespace {

// The grid is escaped already (control characters as \xNN); what is left is HTML's own syntax.
std::string html(std::string_view text) {
  return substitute(text, {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}});
}
// A source's text straight from its file, not yet escaped like the grid's.
std::string source_html(text t) { return html(printable(t.view(), true)); }

// A data file's URL becomes a link only when it is a web address: never javascript: or data: from a hostile file.
bool web_address(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

// The leading number of a numeric cell ("989.4 [d] (1.2×)" sorts as 989.4); none for "—" or "unpublished".
std::optional<double> sort_number(const cell& c) {
  if (!c.numeric || c.muted) return std::nullopt;
  double x = 0;
  const auto [end, problem] = std::from_chars(c.text.data(), c.text.data() + c.text.size(), x);
  if (problem != std::errc{} || end == c.text.data()) return std::nullopt;
  return x;
}

// One row per chip rather than per metric, so that sorting a column ranks the chips by it.
grid turned(grid g) {
  // Everything but the columns stays as it was; the cells move across, not copied (a compare of every chip is a
  // thousand cells with their hover texts).
  std::vector<std::vector<cell>> rows = std::move(g.rows);
  const std::vector<std::string> headers = std::move(g.headers);
  grid t = std::move(g);
  t.rows.clear();
  t.bars.clear();
  t.headers = {"chip"};
  for (const auto& row : rows) {
    std::string heading = row.empty() ? "" : row[0].text;
    for (std::size_t k = 1; k < t.key_columns && k < row.size(); ++k) {
      if (!row[k].text.empty()) heading += fmt::format(" ({})", row[k].text);
    }
    t.headers.push_back(std::move(heading));
  }
  for (std::size_t column = t.key_columns; column < headers.size(); ++column) {
    std::vector<cell> line{{headers[column]}};
    for (auto& row : rows) line.push_back(column < row.size() ? std::move(row[column]) : cell{"", false, true});
    t.rows.push_back(std::move(line));
  }
  t.key_columns = 1;
  return t;
}

// Each reference's line in a value's hover text ("[3] H100 datasheet (NVIDIA)"), made printable and escaped for
// an attribute once per page: a compare of every chip cites the same few dozen sources from a thousand cells, and
// both escapes go a character at a time, so the lines can be joined after.
std::vector<std::string> reference_hover_lines(const grid& g) {
  std::vector<std::string> lines;
  lines.reserve(g.references.size());
  for (std::size_t i = 0; i < g.references.size(); ++i) {
    const source_ref& r = *g.references[i];
    std::string line = fmt::format("[{}] {}", i + 1, r.title);
    if (!r.publisher.empty()) line.append(" (").append(r.publisher.view()).append(")");
    lines.push_back(html(printable(line, true, "\n")));
  }
  return lines;
}

// Appended piece by piece: a format string parsed per cell was a quarter of the page's cost.
std::string cell_html(const cell& c, const std::vector<std::string>& hover_lines) {
  std::string hover = html(c.detail);
  for (const std::size_t ref : c.refs) {
    if (!hover.empty()) hover += '\n';
    hover += hover_lines[ref];
  }
  std::string out = "<td";
  if (c.numeric) out += " class=\"num\"";
  if (c.muted) out += " data-missing=\"\"";
  if (const auto x = sort_number(c)) out.append(" data-sort=\"").append(fmt::to_string(*x)).append("\"");
  if (!hover.empty()) out.append(" title=\"").append(hover).append("\"");
  out += '>';
  out += html(c.text);
  if (!c.refs.empty()) {
    out += "<sup>[";
    for (const std::size_t ref : c.refs) {
      const std::string number = std::to_string(ref + 1);
      out.append("<a href=\"#ref-").append(number).append("\">").append(number).append("</a>");
    }
    out += "]</sup>";
  }
  out += "</td>";
  return out;
}

std::string reference_html(const source_ref& r, std::size_t index) {
  std::string out = fmt::format("<li id=\"ref-{}\">{}<cite>{}</cite>", index + 1,
                                fmt::format("<code>{}</code>: ", source_html(r.id)), source_html(r.title));
  if (!r.publisher.empty()) out += ", " + source_html(r.publisher);
  if (!r.published.empty()) out += ", " + source_html(r.published);
  if (!r.url.empty()) {
    out += web_address(r.url.view()) ? fmt::format(": <a href=\"{0}\" rel=\"noreferrer\">{0}</a>", source_html(r.url))
                              : fmt::format(": {}", source_html(r.url));
  }
  if (!r.via.empty()) out += fmt::format(" (read via {})", source_html(r.via));
  if (!r.accessed.empty()) out += fmt::format(" (accessed {})", source_html(r.accessed));
  return out + "</li>\n";
}

// The figure as inline SVG: the XML declaration is for a standalone file only.
std::string figure_html(const figure& f) {
  std::string_view svg = f.svg;
  if (svg.starts_with("<?xml")) svg.remove_prefix(std::min(svg.size(), svg.find('\n') + 1));
  return fmt::format("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n", svg, html(f.caption));
}

// A script element's text ends at the first "</" (and "<!--" changes how it is read): JSON may write every "<"
// inside a string as \u003c, and it appears nowhere else. The JSON itself is the json format's, number policy
// included.
std::string embedded_json(std::string_view document_json) { return substitute(document_json, {{'<', "\\u003c"}}); }

constexpr std::string_view style_sheet = R"(body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin-top:2rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:0 0 1rem}dt{color:#555}dd{margin:0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto;border:1px solid #ddd}figcaption{color:#555;font-size:.9rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .6rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit;text-align:left}
th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}
tbody td:first-child{white-space:nowrap}td[data-missing]{color:#777}td[title]{cursor:help}sup{font-size:.7em;margin-left:.15em}sup a{margin-right:.2em}
tbody tr:hover{background:#f4f7fb}.notes{color:#444;font-size:.9rem}.hint{color:#555;font-size:.9rem}
footer{margin-top:2rem;color:#666;font-size:.85rem}:target{background:#fff3c4}
)";

// Sorting: numbers by value, missing values last whichever the direction, text in the reader's locale order.
constexpr std::string_view sort_script = R"(for (const table of document.querySelectorAll('table.sortable')) {
  const headings = [...table.tHead.rows[0].cells];
  headings.forEach((heading, column) => heading.querySelector('button').addEventListener('click', () => {
    const ascending = heading.getAttribute('aria-sort') !== 'ascending';
    for (const other of headings) other.setAttribute('aria-sort', 'none');
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const key = row => row.cells[column];
    const rows = [...body.rows].sort((a, b) => {
      const x = key(a), y = key(b);
      const nx = x.dataset.sort, ny = y.dataset.sort;
      if (nx !== undefined || ny !== undefined) {
        if (nx === undefined) return 1;
        if (ny === undefined) return -1;
        return ascending ? nx - ny : ny - nx;
      }
      return ascending ? x.textContent.localeCompare(y.textContent) : y.textContent.localeCompare(x.textContent);
    });
    for (const row of rows) body.appendChild(row);
  }));
}
)";

}  // namespace

void write_html(grid given, const std::vector<figure>& figures, const std::function<void(const sink&)>& document,
                const sink& to) {
  const grid g = given.subjects_are_columns ? turned(std::move(given)) : std::move(given);
  const std::string title = g.title.empty() ? "xpuspec report" : g.title;
  pieces out(to);
  out += fmt::format(R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xpuspec {}">
<title>{}</title>
<style>
{}</style>
</head>
<body>
<header>
<h1>{}</h1>
)",
                     XPUSPEC_VERSION, html(title), style_sheet, html(title));
  if (!g.preamble.empty()) {
    out += "<dl>\n";
    for (const auto& [key, text] : g.preamble) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html(key), html(text));
    out += "</dl>\n";
  }
  out += "</header>\n<main>\n";

  out += "<div class=\"scroll\">\n<table class=\"sortable\">\n<thead><tr>";
  for (const auto& h : g.headers) {
    out += fmt::format("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\">{}</button></th>", html(h));
  }
  out += "</tr></thead>\n<tbody>\n";
  const std::vector<std::string> hover_lines = reference_hover_lines(g);
  for (const auto& row : g.rows) {
    out += "<tr>";
    for (const auto& c : row) out += cell_html(c, hover_lines);
    out += "</tr>\n";
    out.spill();
  }
  out += "</tbody>\n</table>\n</div>\n";
  out += "<p class=\"hint\">Select a column heading to sort by it. Hover a value for what it rests on; the numbers "
         "beside it link to its sources.</p>\n";
  if (!g.notes.empty()) {
    out += "<ul class=\"notes\">\n";
    for (const auto& note : g.notes) {
      out += fmt::format("<li>{}</li>\n", html(note));
      out.spill();
    }
    out += "</ul>\n";
  }
  for (const auto& f : figures) {
    out += figure_html(f);
    out.spill();
  }
  std::string latest_access;
  if (!g.references.empty()) {
    out += "<section id=\"sources\">\n<h2>Sources</h2>\n<ol>\n";
    for (std::size_t i = 0; i < g.references.size(); ++i) {
      out += reference_html(*g.references[i], i);
      out.spill();
      latest_access = std::max(latest_access, printable(g.references[i]->accessed.view(), true));
    }
    out += "</ol>\n</section>\n";
  }
  out += fmt::format("</main>\n<footer>Made by xpuspec {}{}. The report as JSON (the json format's document) is in "
                     "this page's script element #xpuspec-data.</footer>\n",
                     XPUSPEC_VERSION,
                     latest_access.empty() ? "" : fmt::format("; sources read up to {}", html(latest_access)));
  out += "<script type=\"application/json\" id=\"xpuspec-data\">";
  // Escaped a piece at a time: the escape is of single characters, so no piece boundary splits one.
  document([&out](std::string_view piece) {
    out += embedded_json(piece);
    out.spill();
  });
  out += fmt::format("</script>\n<script>\n{}</script>\n</body>\n</html>\n", sort_script);
  out.finish();
}

}  // namespace xpuspec::render
