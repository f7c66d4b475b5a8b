#include "xpuspec/names.hpp"

#include <algorithm>
#include <tuple>
#include <cctype>

#include <fmt/format.h>

namespace xpuspec {

namespace {
constexpr bool ascii_capital(char c) noexcept { return c >= 'A' && c <= 'Z'; }
}  // namespace

bool has_upper_case(std::string_view s) noexcept { return std::any_of(s.begin(), s.end(), ascii_capital); }

// ASCII letters only, as std::tolower does in the C locale, which xpuspec never leaves: without its call per
// character, and the same whatever locale a library caller sets.
std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (ascii_capital(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// Code points that draw nothing yet change what a terminal shows: C1 controls (some terminals act on them like
// ESC sequences) and the bidirectional marks, embeddings, overrides and isolates that reorder a line ("Trojan
// Source", CVE-2021-42574). The UTF-8 bytes that start one, and how long it is; 0 when it is none of them.
std::size_t invisible_control(std::string_view rest) {
  const auto byte = [&](std::size_t i) { return i < rest.size() ? static_cast<unsigned char>(rest[i]) : 0U; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) return 2;                       // U+0080..U+009F
  if (byte(0) == 0xD8 && byte(1) == 0x9C) return 2;                                          // U+061C
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0x8E || byte(2) == 0x8F)) return 3;  // U+200E, U+200F
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0xAA && byte(2) <= 0xAE) return 3;    // U+202A..U+202E
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9) return 3;    // U+2066..U+2069
  return 0;
}

}  // namespace

std::string printable(std::string_view text, bool keep_non_ascii, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  const auto ordinary = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7F;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Printable ASCII, most of any text, goes over in runs: a table of a thousand cells is escaped on every run.
    std::size_t run = i;
    while (run < text.size() && ordinary(text[run])) ++run;
    if (run > i) {
      out.append(text, i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const bool control = (c < 0x20 || c == 0x7F) && keep.find(static_cast<char>(c)) == std::string_view::npos;
    const std::size_t invisible = c > 0x7F && keep_non_ascii ? invisible_control(text.substr(i)) : 0;
    if (control || (c > 0x7F && !keep_non_ascii)) {
      out += fmt::format("\\x{:02X}", c);
    } else if (invisible != 0) {
      for (std::size_t k = 0; k < invisible; ++k) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + k]));
      i += invisible - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // One row of the Levenshtein table at a time: O(|a|·|b|) time, O(|b|) memory.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  // Nobody mistypes a name this long by a few characters; a hostile 2 MB "id" must not cost a quadratic
  // comparison with every candidate (or with another 2 MB name).
  if (typed.size() > longest_suggested_name) return {};
  const std::string needle = to_lower(typed);
  // A typo costs a few edits; a short name typed for a longer one ("h10" for "h100-pcie") is a prefix.
  const std::size_t budget = std::max<std::size_t>(2, needle.size() / 3);
  // Ranked by the score, then names that start with what was typed, then by the plain edit distance, then by how
  // much the length differs: "h10" suggests h100 before h20 (one edit each) and before h100-pcie (also a prefix).
  struct suggestion {
    std::size_t score;
    bool not_prefix;
    std::size_t distance;
    std::size_t extra_length;
    std::string name;
    bool operator<(const suggestion& other) const {
      return std::tie(score, not_prefix, distance, extra_length, name) <
             std::tie(other.score, other.not_prefix, other.distance, other.extra_length, other.name);
    }
  };
  std::vector<suggestion> scored;
  for (const auto& candidate : candidates) {
    if (candidate.size() > longest_suggested_name) continue;
    const std::string lower = to_lower(candidate);
    const std::size_t distance = edit_distance(needle, lower);
    std::size_t score = distance;
    // Only what was typed as the start of a longer name: "h100-pcei" is a typo of h100-pcie, not a long h100.
    const bool prefix = !needle.empty() && lower.starts_with(needle);
    if (prefix) score = std::min<std::size_t>(score, 1);
    const std::size_t extra = lower.size() > needle.size() ? lower.size() - needle.size() : needle.size() - lower.size();
    if (score <= budget) scored.push_back({score, !prefix, distance, extra, candidate});
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [score, not_prefix, distance, extra, name] : scored) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates) {
  const auto near = closest_names(typed, candidates);
  if (near.empty()) return "";
  std::vector<std::string> quoted;
  for (const auto& n : near) quoted.push_back(fmt::format("'{}'", n));
  return fmt::format(" (did you mean {}?)", fmt::join(quoted, ", "));
}

std::string bounded(std::string text, std::size_t longest) {
  if (text.size() <= longest) return text;
  const std::size_t tail = longest / 4;
  std::size_t head = longest - tail;
  std::size_t from = text.size() - tail;
  // Cut between UTF-8 characters, never inside one.
  while (head > 0 && (static_cast<unsigned char>(text[head]) & 0xC0) == 0x80) --head;
  while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  return fmt::format("{}…({} bytes)…{}", text.substr(0, head), from - head, text.substr(from));
}

}  // namespace xpuspec
