#pragma once
// Systems: N chips of one SKU with their scale-up domain, scale-out network and system power (data/systems/ID.json).
// A system becomes a chip record whose values are the whole system's, so `compare`, `rank`, `match` and `plan`
// take it by name like a chip. A figure the system's file states (a vendor's system-level number, a measured or
// estimated rack power) is used as stated; any other is N times the chip's, marked derived, with the arithmetic in
// its note. Power is never summed from chips: a system's power includes CPUs, switches and optics that no chip
// figure covers, so a system whose maker publishes none says "unpublished".

#include <functional>
#include <string_view>
#include <vector>

#include "xpuspec/model.hpp"

namespace xpuspec {

// Finds a chip by id or alias; nullptr if there is none.
using chip_lookup = std::function<const chip*(std::string_view name)>;

// One system file as a chip record. Throws xpuspec::error naming `origin` and the JSON pointer of what is wrong
// (a chip it names that is not in `chips` included).
chip parse_system(std::string_view document, std::string_view origin, const chip_lookup& chips);

// A system keeps its chip's sources under "CHIP:ID": whether a source id of `system` is one of those (a figure
// that is the chip's times N), not the system file's own.
bool is_chip_source(const chip& system, std::string_view source_id);

// Every bundled system (data/systems/*.json), built on `chips`: a user's chip file that replaces a bundled chip
// changes the systems built from it.
std::vector<chip> bundled_systems(const chip_lookup& chips);

}  // namespace xpuspec
