#pragma once
// "Did you mean": the candidates closest to what the user typed.

#include <string>
#include <string_view>
#include <vector>

namespace xpuspec {

std::string to_lower(std::string_view s);

// Control bytes as \xNN: text from a file, the command line or the environment must not reach a terminal raw.
// Bytes outside ASCII are escaped too, unless keep_non_ascii (for messages whose UTF-8 a reader should see as
// written).
std::string printable(std::string_view text, bool keep_non_ascii = false);
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates near `typed` (case-insensitive), closest first.
std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

// " (did you mean 'a', 'b'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace xpuspec
