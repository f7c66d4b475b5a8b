// The one place that switches between formats (as bloaty does): any report's view goes to the table or Markdown
// drawing of its grid, to JSON or JSON Lines from its document, or to CSV or TSV from its rows.

#include "render/render.hpp"

#include "render/formats.hpp"
#include "render/view.hpp"

namespace xpuspec::render {

std::optional<format> format_from_string(std::string_view name) {
  for (const auto& [word, f] : format_names) {
    if (word == name) return f;
  }
  return std::nullopt;
}

std::string write(const any_view& v, format f, const style& s) {
  switch (f) {
    case format::json: return write_json(v.document(v.report));
    case format::jsonl: return write_jsonl(v.document(v.report));
    case format::csv: return write_delimited(v.rows(v.report), dialect::csv);
    case format::tsv: return write_delimited(v.rows(v.report), dialect::tsv);
    case format::markdown: return draw_markdown(v.layout(v.report));
    case format::table: break;
  }
  return draw_table(v.layout(v.report), s);
}

std::string render(const validation_report& r, findings_format f, const style& s) {
  switch (f) {
    case findings_format::json: return write_json(findings_document(r));
    case findings_format::github: return to_github(r);
    case findings_format::text: break;
  }
  return to_text(r, s);
}

}  // namespace xpuspec::render
