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

TEST_CASE("a name too long to be a typo gets no suggestion, and costs nothing to compare", "[names]") {
  // Two 2 MB names would be 4e12 steps of edit distance; past the cap neither side is compared at all.
  const std::string huge(2'000'000, 'a');
  const std::vector<std::string> names{huge, "h100", std::string(longest_suggested_name, 'a')};
  CHECK(closest_names(huge, names).empty());
  CHECK(closest_names(huge + "b", names).empty());
  // At the cap a long name is still suggested; the huge candidate never is.
  CHECK(closest_names(std::string(longest_suggested_name - 1, 'a'), names) ==
        std::vector<std::string>{std::string(longest_suggested_name, 'a')});
}
