#pragma once
// A report's view: how one kind of report shows itself, written once in src/render/views/REPORT.cpp. A view has
// three faces of the same records, and the format writers render any view through them:
//   layout   a grid for people (the table and Markdown writers draw it)
//   document the JSON document (JSON prints it; JSON Lines prints its records one per line)
//   rows     flat records under field names (CSV and TSV)
// and, optionally, figures: charts a page shows with the grid (HTML draws the grid, its references and these).
// A view whose cells carry what only a page shows (each value's basis on hover, its sources cited) declares
//   grid layout(const Report&, bool page)
// instead, and fills those only for a page: the table and Markdown of compare --all skip 1,116 such cells.
// A report of many records (list, rank, compare: 100,000 chips from a user's data set) may give its document as a
// head and its records instead, so JSON and JSON Lines are written a record at a time, never held whole:
//   json head(const Report&)                      the document without its "chips" array (which comes last)
//   std::size_t count(const Report&)              how many records
//   void record(const Report&, std::size_t i, record_writer&)   one element of "chips", written as events
// Its document() is then made from these; JSON and JSON Lines write each record's events straight out.
// Likewise its flat face, for CSV and TSV:
//   std::vector<std::string> fields(const Report&)                  the field names
//   std::size_t row_count(const Report&)
//   std::vector<std::string> row(const Report&, std::size_t i)      one record
// A new report needs one view file; a new format needs its writer (declared in formats.hpp) and its row in
// render.cpp's table of writers, never a change to a view.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/grid.hpp"
#include "render/record_writer.hpp"
#include "render/render.hpp"

namespace xpuspec::render {

// Named fields and one row of text per record: the flat face of a view.
struct records {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows;
};

// Specialised once per report, with three static functions from the report:
//   grid layout(const Report&); json document(const Report&); records rows(const Report&);
template <typename Report>
struct view;

// A chart that belongs with a report on a page (HTML): SVG, drawn by svg.cpp.
struct figure {
  std::string caption;
  std::string svg;
};

// A view with its report's type erased, so the one switch over formats (render.cpp) is compiled once.
struct any_view {
  const void* report;
  grid (*layout)(const void*);
  grid (*page_layout)(const void*);  // the grid for a page: layout's, or the same with what only a page shows
  json (*document)(const void*);
  records (*rows)(const void*);
  // Optional: a view with a chart defines `static std::vector<figure> figures(const Report&)`.
  std::vector<figure> (*figures)(const void*) = nullptr;
  // Optional: the document as head and records (above); all three or none.
  json (*head)(const void*) = nullptr;
  std::size_t (*count)(const void*) = nullptr;
  void (*record)(const void*, std::size_t, record_writer&) = nullptr;
  // Optional: the flat records as field names and rows (above); all three or none.
  std::vector<std::string> (*fields)(const void*) = nullptr;
  std::size_t (*row_count)(const void*) = nullptr;
  std::vector<std::string> (*row)(const void*, std::size_t) = nullptr;
};

// The key of the records array in a document given as head and records.
inline constexpr std::string_view records_key = "chips";
std::string write(const any_view& v, format f, const style& s);
void write_to(const any_view& v, format f, const style& s, const sink& out);

template <typename Report>
const Report& report_at(const void* p) {
  return *static_cast<const Report*>(p);
}

template <typename Report>
any_view any_view_of(const Report& r) {
  using v = view<Report>;
  constexpr auto of = report_at<Report>;
  any_view any{&r, nullptr, nullptr, nullptr, nullptr};
  if constexpr (requires { v::layout(r, true); }) {
    any.layout = [](const void* p) { return v::layout(of(p), false); };
    any.page_layout = [](const void* p) { return v::layout(of(p), true); };
  } else {
    any.layout = [](const void* p) { return v::layout(of(p)); };
    any.page_layout = any.layout;
  }
  if constexpr (requires { v::row(r, std::size_t{}); }) {
    any.fields = [](const void* p) { return v::fields(of(p)); };
    any.row_count = [](const void* p) { return v::row_count(of(p)); };
    any.row = [](const void* p, std::size_t i) { return v::row(of(p), i); };
    any.rows = [](const void* p) {
      records out{v::fields(of(p)), {}};
      for (std::size_t i = 0; i < v::row_count(of(p)); ++i) out.rows.push_back(v::row(of(p), i));
      return out;
    };
  } else {
    any.rows = [](const void* p) { return v::rows(of(p)); };
  }
  if constexpr (requires(record_writer& w) { v::record(r, std::size_t{}, w); }) {
    any.head = [](const void* p) { return v::head(of(p)); };
    any.count = [](const void* p) { return v::count(of(p)); };
    any.record = [](const void* p, std::size_t i, record_writer& w) { v::record(of(p), i, w); };
    any.document = [](const void* p) {
      json document = v::head(of(p));
      json_builder records;
      records.begin_array();
      for (std::size_t i = 0; i < v::count(of(p)); ++i) v::record(of(p), i, records);
      records.end_array();
      document[std::string(records_key)] = records.take();
      return document;
    };
  } else {
    any.document = [](const void* p) { return v::document(of(p)); };
  }
  if constexpr (requires { v::figures(r); }) {
    any.figures = [](const void* p) { return v::figures(of(p)); };
  }
  return any;
}

template <typename Report>
std::string render(const Report& r, format f, const style& s) {
  return write(any_view_of(r), f, s);
}

template <typename Report>
void render_to(const Report& r, format f, const style& s, const sink& out) {
  write_to(any_view_of(r), f, s, out);
}

// Ends each view file: defines render() for that report, which render.hpp declares for every report.
#define XPUSPEC_RENDER_VIEW(Report)                                             \
  template std::string render<Report>(const Report&, format, const style&); \
  template void render_to<Report>(const Report&, format, const style&, const sink&)

// Cells, values and fields that several views show the same way (cells.cpp).

// Values that are not straight off a datasheet carry a marker, so an estimate never passes for a vendor figure.
std::string_view basis_marker(basis b);
inline constexpr std::string_view basis_legend =
    "[d] derived from vendor figures  [e] estimate  [p] projected (not shipping)  [m] measured  —  missing";
// A metric's value with its basis marker; a missing raw value says why, a missing ratio is just "—".
cell metric_cell(const metric_value& v, bool derived);
// The same with what a page shows on hover (basis, or why it is missing) and the sources it rests on, cited in g.
cell metric_cell(const metric_value& v, bool derived, const chip& subject, grid& g);
std::string_view basis_phrase(basis b);
// Cites each of the subject's sources named by id in g, and points the cell at them.
void cite(grid& g, cell& c, const chip& subject, std::span<const text> source_ids);
cell count_cell(const std::optional<std::size_t>& n);
cell number_cell(const std::optional<double>& x);

json number_or_null(const std::optional<double>& x);
json count_or_null(const std::optional<std::size_t>& n);
json chip_summary(const chip& c);
// The same as members of the object `out` is writing.
void chip_summary(record_writer& out, const chip& c);
// {id: {"title", "url", "accessed", "publisher"[, "via"][, "published"]}}: a file's sources, as `show` prints them.
json sources_json(const std::vector<source_ref>& sources);
// {"value": ..., "basis": ...} or {"value": null, "missing": ..., "missing_reason": ...}
json metric_json(const metric_value& v);

// Fields of a flat record: the number policy (tidy_number), and missing as the empty field.
std::string field_number(const std::optional<double>& x);
std::string field_count(const std::optional<std::size_t>& n);

// The tidy ("long") form of a chips x metrics table (`--long`): one record per chip and metric, with its unit,
// basis, the source ids it rests on, and for a missing value an empty value beside the kind and reason, so no
// reader can take it for a 0 without being told.
struct long_entry {
  const chip* subject;
  metric m;
  const metric_value* value;
  std::optional<double> relative;  // to the baseline, when there is one
};
std::vector<std::string> long_fields(bool with_relative);
std::vector<std::string> long_row(precision p, const long_entry& e, bool with_relative);

}  // namespace xpuspec::render
