#pragma once
// "Did you mean": the candidates closest to what the user typed.

#include <string>
#include <string_view>
#include <vector>

namespace xpuspec {

std::string to_lower(std::string_view s);

// Control bytes and bytes outside ASCII as \xNN: text from a file or the environment must not reach a terminal
// raw, nor break the UTF-8 of a message.
std::string printable(std::string_view text);
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates near `typed` (case-insensitive), closest first.
std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

// " (did you mean 'a', 'b'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace xpuspec
