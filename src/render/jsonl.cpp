// JSON Lines (https://jsonlines.org): the --json document's records one per line, so `xpuspec ... --format jsonl`
// streams into `jq -c`, `grep` or a line-at-a-time reader. Written from the JSON renderer's own document (not its
// text), so the two formats cannot disagree about a record.

#include <nlohmann/json.hpp>

#include "render/formats.hpp"

namespace xpuspec::render {

std::string to_jsonl(const nlohmann::ordered_json& document) {
  std::string out;
  const auto lines = [&](const nlohmann::ordered_json& records) {
    for (const auto& record : records) {
      out += record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
    return out;
  };
  // Per-chip reports: one chip a line. Catalogues (metrics, sources, rules): one entry a line.
  if (const auto chips = document.find("chips"); chips != document.end() && chips->is_array()) return lines(*chips);
  for (const auto& [key, member] : document.items()) {
    if (member.is_array()) return lines(member);
  }
  // One record: a chip sheet is the chip itself; a match is the whole answer.
  const auto& record = document.size() == 2 && document.contains("chip") ? document.at("chip") : document;
  return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace xpuspec::render
