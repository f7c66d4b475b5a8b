#include "catch.hpp"

#include "xpuspec/names.hpp"

using namespace xpuspec;

TEST_CASE("edit distance is Levenshtein's", "[names]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("h100", "h100") == 0);
  CHECK(edit_distance("bandwith", "bandwidth") == 1);
}

TEST_CASE("closest names: typos and prefixes, closest first, case-insensitive", "[names]") {
  const std::vector<std::string> names{"h100", "h200", "a100", "nvidia-h100-sxm", "mi300x", "tpu-v5p"};
  // "h100" is one edit away and a prefix match; "a100" and "h200" two edits, in name order.
  CHECK(closest_names("H10", names) == std::vector<std::string>{"h100", "a100", "h200"});
  CHECK(closest_names("mi300", names) == std::vector<std::string>{"mi300x"});
  CHECK(closest_names("zzzzzzzz", names).empty());
  CHECK(did_you_mean("tpu-v5", names) == " (did you mean 'tpu-v5p'?)");
  CHECK(did_you_mean("qwertyuiop", names).empty());
}
