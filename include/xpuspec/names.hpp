#pragma once
// "Did you mean": the candidates closest to what the user typed.

#include <string>
#include <string_view>
#include <vector>

namespace xpuspec {

// ASCII letters only: names are matched without case, bytes beyond ASCII as they are.
std::string to_lower(std::string_view s);
bool has_upper_case(std::string_view s) noexcept;  // an ASCII capital

// Control bytes as \xNN: text from a file, the command line or the environment must not reach a terminal raw.
// Bytes outside ASCII are escaped too, unless keep_non_ascii (for messages whose UTF-8 a reader should see as
// written); the control characters in `keep` pass (a format that has its own rule for them, like CSV's quoting).
std::string printable(std::string_view text, bool keep_non_ascii = false, std::string_view keep = {});
std::size_t edit_distance(std::string_view a, std::string_view b);
// Characters in UTF-8 text: the bytes that are not continuation bytes.
std::size_t code_points(std::string_view text);

// A message at most about `longest` bytes: its head and tail, the middle replaced by "…(N bytes)…". Messages quote
// what files and command lines hold, and a 2 MB id must not become a 2 MB line; the tail keeps "did you mean".
inline constexpr std::size_t longest_message = 1000;
std::string bounded(std::string text, std::size_t longest = longest_message);

// Names longer than this get no suggestion and are suggested to no one: suggestions cost length² per candidate.
inline constexpr std::size_t longest_suggested_name = 128;

// Up to `limit` candidates near `typed` (case-insensitive), closest first.
std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

// " (did you mean 'a', 'b'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace xpuspec
