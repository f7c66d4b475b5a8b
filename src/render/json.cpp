// JSON for scripts: numbers are plain JSON numbers in the unit the metric id names, at 12 significant digits (the
// number policy, tidy_number: no binary noise such as 206.15843020800003); a missing
// value is null with its reason beside it. The shape is stable; schema_version bumps on any breaking change.
//
// JSON Lines (https://jsonlines.org): the same document's records one per line, so `xpuspec ... --format jsonl`
// streams into `jq -c`, `grep` or a line-at-a-time reader. Written from the view's own document (not its text), so
// the two formats cannot disagree about a record.

#include <nlohmann/json.hpp>

#include "render/formats.hpp"
#include "render/grid.hpp"

namespace xpuspec::render {
namespace {

// A file name from the disk may not be UTF-8; JSON must be, so such bytes become U+FFFD rather than an error.
std::string dump(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

// Every float in the document under the number policy (tidy_number), so no format prints 206.15843020800003.
json tidied(json j) {
  if (j.is_number_float()) return tidy_number(j.get<double>());
  if (j.is_structured()) {
    for (auto& member : j) member = tidied(std::move(member));
  }
  return j;
}

}  // namespace

std::string write_json(const json& document) { return dump(tidied(document), 2) + "\n"; }

std::string write_jsonl(const json& raw) {
  const json document = tidied(raw);
  std::string out;
  const auto lines = [&](const json& records) {
    for (const auto& record : records) out += dump(record, -1) + "\n";
    return out;
  };
  // Per-chip reports: one chip a line. Catalogues (metrics, sources, rules): one entry a line.
  if (const auto chips = document.find("chips"); chips != document.end() && chips->is_array()) return lines(*chips);
  for (const auto& [key, member] : document.items()) {
    if (member.is_array()) return lines(member);
  }
  // One record: a chip sheet is the chip itself; a match is the whole answer.
  const auto& record = document.size() == 2 && document.contains("chip") ? document.at("chip") : document;
  return dump(record, -1) + "\n";
}

}  // namespace xpuspec::render
