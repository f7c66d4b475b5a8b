#pragma once
// std::regex for the chip schema's patterns, which are ASCII and read in the "C" locale.

#include <regex>
#include <string>

namespace xpuspec {

// libstdc++ readies each bracket expression ([0-9]) by asking the locale about all 256 chars: a collation transform,
// a lower-cased copy through use_facet, a class lookup, each allocating. Compiling the chip schema's patterns took
// ~37M instructions (10 ms), the cost of loading 70 chip files, before the first file was read. In the "C" locale
// the transform is the identity and lower-casing is ASCII's: these traits say so instead of asking.
struct ascii_regex_traits : std::regex_traits<char> {
  template <typename Iterator>
  string_type transform(Iterator first, Iterator last) const {
    return string_type(first, last);
  }
  template <typename Iterator>
  string_type transform_primary(Iterator first, Iterator last) const {
    string_type s(first, last);
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  }
  // A bracket with no class ([0-9]) asks about the empty class for every char.
  bool isctype(char c, char_class_type mask) const {
    return !(mask == char_class_type{}) && std::regex_traits<char>::isctype(c, mask);
  }
};

using ascii_regex = std::basic_regex<char, ascii_regex_traits>;

}  // namespace xpuspec
