// The one place that switches between formats (as bloaty does): each report goes to the table or Markdown
// drawing of its grid, or to its own JSON or CSV writer.

#include "render/render.hpp"

#include "render/formats.hpp"
#include "render/grid.hpp"

namespace xpuspec::render {
namespace {

template <typename Report, typename MakeGrid>
std::string dispatch(const Report& r, format f, const style& s, MakeGrid make_grid) {
  switch (f) {
    case format::json: return to_json(r);
    case format::jsonl: return to_jsonl(json_document(r));
    case format::csv: return to_delimited(r, dialect::csv);
    case format::tsv: return to_delimited(r, dialect::tsv);
    case format::markdown: return draw_markdown(make_grid(r));
    case format::table: break;
  }
  return draw_table(make_grid(r), s);
}

}  // namespace

std::optional<format> format_from_string(std::string_view name) {
  if (name == "table") return format::table;
  if (name == "json") return format::json;
  if (name == "jsonl") return format::jsonl;
  if (name == "csv") return format::csv;
  if (name == "tsv") return format::tsv;
  if (name == "markdown" || name == "md") return format::markdown;
  return std::nullopt;
}

std::string render(const list_report& r, format f, const style& s) { return dispatch(r, f, s, list_grid); }
std::string render(const show_report& r, format f, const style& s) { return dispatch(r, f, s, show_grid); }
std::string render(const compare_report& r, format f, const style& s) { return dispatch(r, f, s, compare_grid); }
std::string render(const rank_report& r, format f, const style& s) { return dispatch(r, f, s, rank_grid); }
std::string render(const metrics_report& r, format f, const style& s) { return dispatch(r, f, s, metrics_grid); }
std::string render(const rules_report& r, format f, const style& s) { return dispatch(r, f, s, rules_grid); }
std::string render(const sources_report& r, format f, const style& s) { return dispatch(r, f, s, sources_grid); }
std::string render(const match_report& r, format f, const style& s) { return dispatch(r, f, s, match_grid); }
std::string render(const roofline_report& r, format f, const style& s) { return dispatch(r, f, s, roofline_grid); }
std::string render(const train_report& r, format f, const style& s) { return dispatch(r, f, s, train_grid); }
std::string render(const serve_report& r, format f, const style& s) { return dispatch(r, f, s, serve_grid); }

std::string render(const validation_report& r, findings_format f, const style& s) {
  switch (f) {
    case findings_format::json: return to_json(r);
    case findings_format::github: return to_github(r);
    case findings_format::text: break;
  }
  return to_text(r, s);
}

}  // namespace xpuspec::render
