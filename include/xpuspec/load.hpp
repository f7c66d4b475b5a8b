#pragma once
// Reading chip files: one file, one SKU. Every problem is reported as FILE:LINE:COL: what is wrong.

#include <string>
#include <string_view>
#include <vector>

#include "xpuspec/model.hpp"

namespace xpuspec {

// Parses one chip file. `origin` names it in diagnostics and in chip::origin. Throws xpuspec::error.
chip parse_chip(std::string_view text, std::string_view origin, bool bundled = false);

// The keys a chip file may have at each level, for "did you mean" and for the schema.
const std::vector<std::string_view>& top_level_keys();

}  // namespace xpuspec
