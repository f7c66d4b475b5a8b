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
    case format::csv: return to_csv(r);
    case format::markdown: return draw_markdown(make_grid(r));
    case format::table: break;
  }
  return draw_table(make_grid(r), s);
}

}  // namespace

std::optional<format> format_from_string(std::string_view name) {
  if (name == "table") return format::table;
  if (name == "json") return format::json;
  if (name == "csv") return format::csv;
  if (name == "markdown" || name == "md") return format::markdown;
  return std::nullopt;
}

std::string render(const list_report& r, format f, const style& s) { return dispatch(r, f, s, list_grid); }
std::string render(const show_report& r, format f, const style& s) { return dispatch(r, f, s, show_grid); }
std::string render(const compare_report& r, format f, const style& s) { return dispatch(r, f, s, compare_grid); }
std::string render(const rank_report& r, format f, const style& s) { return dispatch(r, f, s, rank_grid); }
std::string render(const metrics_report& r, format f, const style& s) { return dispatch(r, f, s, metrics_grid); }

}  // namespace xpuspec::render
