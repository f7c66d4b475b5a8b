// Delimited text, one row per record of a view under its field names, in two dialects: CSV per RFC 4180 (CRLF
// line ends, fields quoted when they hold a comma, quote or line break), so a spreadsheet or pandas reads it
// without options; and TSV as IANA defines it (no quoting, so a tab or line break inside a field becomes a space),
// for cut, awk and sort. Missing is empty in both.

#include "render/formats.hpp"
#include "render/view.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {
namespace {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tsv_field(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

// Appends a field of the data: control characters as \xNN, except those each dialect has its own rule for.
void append_field(std::string& line, dialect d, std::string_view text) {
  // Nearly every field is printable ASCII with no comma or quote, and goes across as it is: escaped, then quoted,
  // then appended, each field was three strings (a quarter of a CSV compare).
  bool plain = true;
  bool quoted = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    plain = plain && u >= 0x20 && u < 0x7F;
    quoted = quoted || c == ',' || c == '"';
  }
  if (plain && (d == dialect::tsv || !quoted)) {
    line.append(text);
    return;
  }
  const std::string field = plain ? std::string(text) : printable(text, true, "\t\r\n");
  line += d == dialect::csv ? csv_field(field) : tsv_field(field);
}

std::string record(dialect d, const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += d == dialect::csv ? ',' : '\t';
    append_field(line, d, fields[i]);
  }
  line.append(d == dialect::csv ? "\r\n" : "\n");
  return line;
}

}  // namespace

std::string write_delimited(const records& r, dialect d) {
  std::string out = record(d, r.fields);
  for (const auto& row : r.rows) out += record(d, row);
  return out;
}

void write_delimited_rows(const any_view& v, dialect d, const sink& out) {
  // In pieces (formats.hpp): 100,000 rows are never held whole.
  pieces text(out);
  text += record(d, v.fields(v.report));
  for (std::size_t i = 0, n = v.row_count(v.report); i < n; ++i) {
    text += record(d, v.row(v.report, i));
    text.spill();
  }
  text.finish();
}

}  // namespace xpuspec::render
