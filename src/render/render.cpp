// The one place that knows the formats (as bloaty keeps one renderer switch): a table of writers, each taking any
// report's view to text through the face it needs: the table or Markdown drawing of its grid, JSON or JSON Lines
// from its document, CSV or TSV from its rows, and a page (HTML) from its grid, figures and document.

#include "render/render.hpp"

#include <fmt/format.h>

#include "render/formats.hpp"
#include "render/view.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec::render {

namespace {

// Every format: its name, and how it writes a view from the view's faces: as one text, or (the formats a report
// of many records streams) a piece at a time. An alias repeats a writer, unlisted.
struct writer {
  std::string_view name;
  std::string (*write)(const any_view& v, const style& s) = nullptr;
  void (*stream)(const any_view& v, const style& s, const sink& out) = nullptr;
  bool listed = true;
};

// People read the table and Markdown: their grid is escaped first (grid.hpp), whatever the view put in it.
std::string as_table(const any_view& v, const style& s) { return draw_table(escaped(v.layout(v.report)), s); }
std::string as_markdown(const any_view& v, const style&) { return draw_markdown(escaped(v.layout(v.report))); }

// A record at a time where the view can: the whole document as JSON nodes is never built.
void json_to(const any_view& v, const style&, const sink& out) {
  if (v.record) {
    write_json_records(v, out);
  } else {
    out(write_json(v.document(v.report)));
  }
}
void jsonl_to(const any_view& v, const style&, const sink& out) {
  if (v.record) {
    write_jsonl_records(v, out);
  } else {
    out(write_jsonl(v.document(v.report)));
  }
}
void delimited_to(const any_view& v, dialect d, const sink& out) {
  if (v.row) {
    write_delimited_rows(v, d, out);
  } else {
    out(write_delimited(v.rows(v.report), d));
  }
}

std::string collected(void (*stream)(const any_view&, const style&, const sink&), const any_view& v,
                      const style& s) {
  std::string text;
  stream(v, s, [&](std::string_view piece) { text += piece; });
  return text;
}

void html_to(const any_view& v, const style& s, const sink& out) {
  // The page embeds the json format's own text, streamed into it.
  write_html(escaped(v.page_layout(v.report)), v.figures ? v.figures(v.report) : std::vector<figure>{},
             [&](const sink& document) { json_to(v, s, document); }, out);
}

constexpr writer writers[] = {
    {"table", as_table},
    {"json", nullptr, json_to},
    {"jsonl", nullptr, jsonl_to},
    {"csv", nullptr, [](const any_view& v, const style&, const sink& out) { delimited_to(v, dialect::csv, out); }},
    {"tsv", nullptr, [](const any_view& v, const style&, const sink& out) { delimited_to(v, dialect::tsv, out); }},
    {"markdown", as_markdown},
    {"md", as_markdown, nullptr, false},
    {"html", nullptr, html_to},
};

const writer* writer_named(std::string_view name) {
  for (const auto& w : writers) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

}  // namespace

std::optional<format> format_from_string(std::string_view name) {
  if (const writer* w = writer_named(name)) return format{w->name};
  return std::nullopt;
}

std::vector<std::string_view> format_choices() {
  std::vector<std::string_view> names;
  for (const auto& w : writers) names.push_back(w.name);
  return names;
}

std::vector<std::string_view> format_list() {
  std::vector<std::string_view> names;
  for (const auto& w : writers) {
    if (w.listed) names.push_back(w.name);
  }
  return names;
}

namespace {

const writer& writer_for(format f) {
  const writer* w = writer_named(f.name);
  if (w == nullptr) throw error(fmt::format("no output format \"{}\"", f.name));
  return *w;
}

}  // namespace

std::string write(const any_view& v, format f, const style& s) {
  const writer& w = writer_for(f);
  return w.write ? w.write(v, s) : collected(w.stream, v, s);
}

void write_to(const any_view& v, format f, const style& s, const sink& out) {
  const writer& w = writer_for(f);
  if (w.stream) {
    w.stream(v, s, out);
  } else {
    out(w.write(v, s));
  }
}

std::string render(const validation_report& r, findings_format f, const style& s) {
  switch (f) {
    case findings_format::json: return write_json(findings_document(r));
    case findings_format::github: return to_github(r);
    case findings_format::sarif: return write_json(sarif_document(r));
    case findings_format::text: break;
  }
  return to_text(r, s);
}

}  // namespace xpuspec::render
