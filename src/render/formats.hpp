#pragma once
// One function per format over the shared grid; render.cpp picks among them.

#include <string>

#include <nlohmann/json.hpp>

#include "render/grid.hpp"
#include "render/render.hpp"

namespace xpuspec::render {

std::string draw_table(const grid& g, const style& s);
std::string draw_markdown(const grid& g);

// The JSON document of each report; --format json prints it, --format jsonl prints its records one per line.
nlohmann::ordered_json json_document(const list_report& r);
nlohmann::ordered_json json_document(const show_report& r);
nlohmann::ordered_json json_document(const compare_report& r);
nlohmann::ordered_json json_document(const rank_report& r);
nlohmann::ordered_json json_document(const metrics_report& r);
nlohmann::ordered_json json_document(const rules_report& r);
nlohmann::ordered_json json_document(const sources_report& r);
nlohmann::ordered_json json_document(const match_report& r);
nlohmann::ordered_json json_document(const roofline_report& r);
nlohmann::ordered_json json_document(const train_report& r);
nlohmann::ordered_json json_document(const serve_report& r);
nlohmann::ordered_json json_document(const validation_report& r);

template <typename Report>
std::string to_json(const Report& r) {
  // A file name from the disk may not be UTF-8; JSON must be, so such bytes become U+FFFD rather than an error.
  return json_document(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string to_text(const validation_report& r, const style& s);
// One line per record of a report's JSON document: each of .chips (else of its first array), or the one record it
// holds. `--format jsonl` is `--json | jq -c '.chips[]'` without jq, from the same records as --json.
std::string to_jsonl(const nlohmann::ordered_json& document);
std::string to_github(const validation_report& r);

enum class dialect { csv, tsv };
std::string to_delimited(const list_report& r, dialect d);
std::string to_delimited(const show_report& r, dialect d);
std::string to_delimited(const compare_report& r, dialect d);
std::string to_delimited(const rank_report& r, dialect d);
std::string to_delimited(const metrics_report& r, dialect d);
std::string to_delimited(const rules_report& r, dialect d);
std::string to_delimited(const sources_report& r, dialect d);
std::string to_delimited(const match_report& r, dialect d);
std::string to_delimited(const roofline_report& r, dialect d);
std::string to_delimited(const train_report& r, dialect d);
std::string to_delimited(const serve_report& r, dialect d);

}  // namespace xpuspec::render
