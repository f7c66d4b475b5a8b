#pragma once
// One function per format over the shared grid; render.cpp picks among them.

#include <string>

#include "render/grid.hpp"
#include "render/render.hpp"

namespace xpuspec::render {

std::string draw_table(const grid& g, const style& s);
std::string draw_markdown(const grid& g);

std::string to_json(const list_report& r);
std::string to_json(const show_report& r);
std::string to_json(const compare_report& r);
std::string to_json(const rank_report& r);
std::string to_json(const metrics_report& r);
std::string to_json(const rules_report& r);
std::string to_json(const sources_report& r);
std::string to_json(const match_report& r);
std::string to_json(const roofline_report& r);
std::string to_json(const train_report& r);
std::string to_json(const serve_report& r);
std::string to_json(const validation_report& r);
std::string to_text(const validation_report& r, const style& s);
// One line per record of a JSON document: each of .chips (else of its first array), or the one record it holds.
// `--format jsonl` is `--json | jq -c '.chips[]'` without jq.
std::string to_jsonl(const std::string& json_document);
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
