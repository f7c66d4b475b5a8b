#pragma once
// The chip files compiled into the library (data/chips/*.json), so the tool needs no files beside it.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "xpuspec/model.hpp"

namespace xpuspec {

struct embedded_file {
  std::string_view name;
  std::string_view text;
};

std::span<const embedded_file> bundled_files();

// The same files as chips, loaded and checked when the tool was built (tools/digest_chips.cpp): a run that uses
// the bundled data pays for building 20-odd structs, not for parsing and checking their JSON again.
std::vector<chip> bundled_chips();

// Other bundled data by its path under data/ ("export-control/3a090.json"), if there is such a file.
std::optional<std::string_view> bundled_document(std::string_view name);

// Every other bundled document, by its path under data/, in path order (the systems are "systems/ID.json").
std::span<const embedded_file> bundled_documents();

// data/schema/chip.schema.json: the one description of a chip file's structure.
std::string_view bundled_schema();

}  // namespace xpuspec
