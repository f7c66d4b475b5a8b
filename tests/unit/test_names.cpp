#include "catch.hpp"

#include "xpuspec/names.hpp"

using namespace xpuspec;

TEST_CASE("names lower-case their ASCII letters only, and keep every other byte", "[names]") {
  CHECK(to_lower("H100-PCIe") == "h100-pcie");
  CHECK(to_lower("@AZ[`az{") == "@az[`az{");  // the bytes either side of each range stay
  CHECK(to_lower("\xC3\x84SCEND \xC3\x96") == "\xC3\x84scend \xC3\x96");  // Ä and Ö are not ASCII: kept as bytes
  CHECK(has_upper_case("h100-pCie"));
  CHECK_FALSE(has_upper_case("h100-pcie \xC3\x84@[`{"));
  CHECK_FALSE(has_upper_case(""));
}

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

TEST_CASE("closest names: among equal scores, a name that starts with what was typed, then the nearer, first",
          "[names]") {
  const std::vector<std::string> names{"h100-pcie", "h20", "h100", "h100-nvl", "mi308x", "mi300x"};
  // "h10" is one edit from h20 and from h100, and a prefix of three: the shortest prefix match leads.
  CHECK(closest_names("h10", names, 3) == std::vector<std::string>{"h100", "h100-nvl", "h100-pcie"});
  // "h100-pcei" is two edits from h100-pcie and a prefix-free typo: h100-pcie, not h100, leads.
  CHECK(closest_names("h100-pcei", names, 1) == std::vector<std::string>{"h100-pcie"});
  CHECK(closest_names("mi30", names, 2) == std::vector<std::string>{"mi300x", "mi308x"});
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

TEST_CASE("printable escapes what would act on a terminal, and keeps UTF-8 text a reader should see", "[names]") {
  CHECK(printable("a\x1b[31mb\n") == "a\\x1B[31mb\\x0A");
  CHECK(printable("tab\tkept", true, "\t") == "tab\tkept");
  CHECK(printable("Ascend 910B — 64 GB", true) == "Ascend 910B — 64 GB");
  CHECK(printable("é") == "\\xC3\\xA9");
  // C1 control CSI (U+009B) and a right-to-left override (U+202E) and isolate (U+2066) reorder or hide text even
  // where UTF-8 is kept.
  CHECK(printable("x\xc2\x9by", true) == "x\\xC2\\x9By");
  CHECK(printable("id\xe2\x80\xaegpj.exe", true) == "id\\xE2\\x80\\xAEgpj.exe");
  CHECK(printable("\xe2\x81\xa6", true) == "\\xE2\\x81\\xA6");
  CHECK(printable("\xe2\x80\x94", true) == "\xe2\x80\x94");  // an em dash is not a control
  CHECK(printable("cut\xe2\x80", true) == "cut\xe2\x80");     // a truncated sequence is not read past its end
}
