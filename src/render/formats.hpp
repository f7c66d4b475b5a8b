#pragma once
// The format writers: each renders any view's face (view.hpp); render.cpp picks among them.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/grid.hpp"
#include "render/render.hpp"

namespace xpuspec::render {

using json = nlohmann::ordered_json;

std::string draw_table(const grid& g, const style& s);  // table.cpp
std::string draw_markdown(const grid& g);               // markdown.cpp
struct figure;
// The size of the pieces streamed output is handed over in: one write() each.
inline constexpr std::size_t piece_bytes = 64 * 1024;
inline constexpr std::size_t piece_room = piece_bytes + piece_bytes / 2;

// Text handed to a sink a piece at a time: a streaming writer appends, and calls spill() where a piece may end.
// One buffer of about piece_bytes is reused, where a whole output grows by doubling and is touched twice over.
class pieces {
 public:
  // Room for a piece and the record that ends it: grown by doubling past piece_bytes, the buffer took 128 KB
  // (half of what 1,000 chips add to a compare's peak beyond their rows). Untouched room costs no memory.
  explicit pieces(const sink& out) : out_(out) { text_.reserve(piece_room); }
  pieces& operator+=(std::string_view text) {
    text_ += text;
    return *this;
  }
  void spill() {
    if (text_.size() >= piece_bytes) finish();
  }
  void finish() {
    if (text_.empty()) return;
    out_(text_);
    text_.clear();
  }

 private:
  const sink& out_;
  std::string text_;
};

// html.cpp: one self-contained page: the grid as a sortable table, every value's basis and sources on hover and
// linked below, the figures inline, and the JSON document (the json format's text, which `document` hands to the
// sink it is given) embedded for scripts. The page goes to `out` in pieces: 62 chips make half a megabyte.
void write_html(grid g, const std::vector<figure>& figures, const std::function<void(const sink&)>& document,
                const sink& out);

// json.cpp: the document, and its records one per line.
std::string write_json(const json& document);
std::string write_jsonl(const json& document);
// The same text from a document given as head and records (view.hpp), each record built, written and dropped,
// handed to `out` in pieces of piece_bytes and at most one record more: one write() each, in the same pages of
// memory, where a whole output grows to hold the text twice.
struct any_view;
void write_json_records(const any_view& v, const sink& out);
void write_jsonl_records(const any_view& v, const sink& out);

enum class dialect { csv, tsv };
struct records;
std::string write_delimited(const records& r, dialect d);  // delimited.cpp
void write_delimited_rows(const any_view& v, dialect d, const sink& out);  // the same, a row at a time

// validate's findings (findings.cpp): compiler-style text, GitHub workflow commands, and the JSON document.
std::string to_text(const validation_report& r, const style& s);
std::string to_github(const validation_report& r);
json findings_document(const validation_report& r);
// SARIF 2.1.0 (OASIS), for GitHub code scanning and GitLab: one run, every rule with its why, each finding a result.
json sarif_document(const validation_report& r);

}  // namespace xpuspec::render
