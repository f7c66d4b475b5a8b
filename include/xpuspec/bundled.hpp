#pragma once
// The chip files compiled into the library (data/chips/*.json), so the tool needs no files beside it.

#include <span>
#include <string_view>

namespace xpuspec {

struct embedded_file {
  std::string_view name;
  std::string_view text;
};

std::span<const embedded_file> bundled_files();

// data/schema/chip.schema.json: the one description of a chip file's structure.
std::string_view bundled_schema();

}  // namespace xpuspec
