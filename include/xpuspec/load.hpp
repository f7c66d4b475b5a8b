#pragma once
// Reading chip files: one file, one SKU. Structure is checked by the schema (schema.hpp); this adds what a schema
// cannot say (units that fit their field, positive finite values, sources that exist) and builds the chip.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/diagnostics.hpp"
#include "xpuspec/json_positions.hpp"
#include "xpuspec/model.hpp"

namespace xpuspec {

struct load_result {
  // Built whenever the file's structure is valid; a value with a problem is left missing in it, so validate
  // can still check the rest. Usable as data only when `clean`.
  std::optional<chip> parsed;
  bool clean = false;             // no error findings
  std::vector<finding> findings;  // every problem found, in file order
  source_map map;                 // for placing later findings (validate's rules) in the same file
};

// Never throws for what the file contains: every problem becomes a finding.
load_result check_chip(std::string_view text, std::string_view origin, bool bundled = false);

// check_chip, throwing xpuspec::error with one "FILE:LINE:COL: message" line per error when the file is bad.
chip parse_chip(std::string_view text, std::string_view origin, bool bundled = false);

}  // namespace xpuspec
