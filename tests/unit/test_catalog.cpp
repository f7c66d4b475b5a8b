#include "catch.hpp"

#include <sys/stat.h>

#include "helpers.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"

using namespace xpuspec;

TEST_CASE("the bundled data loads and names resolve in any case", "[catalog]") {
  const catalog cat = load_catalog({});
  REQUIRE(cat.find("h100") != nullptr);
  CHECK(cat.find("h100")->id == "nvidia-h100-sxm");
  CHECK(cat.find("H100")->id == "nvidia-h100-sxm");
  CHECK(cat.find("NVIDIA-H100-SXM")->id == "nvidia-h100-sxm");
  CHECK(cat.find("b200")->id == "nvidia-b200-hgx");  // HGX B200, not the GB200 part
  CHECK(cat.find("ascend-910b")->id == "huawei-ascend-910b2");
  CHECK(cat.find("nosuch") == nullptr);
  CHECK_THROWS_WITH(cat.get("h10"), test::contains("unknown chip \"h10\" (did you mean 'h100'"));
}

TEST_CASE("a user file replaces the bundled chip of the same id", "[catalog]") {
  test::scratch_dir dir;
  test::write(dir.path() / "mine.json", test::chip_json("nvidia-h100-sxm", R"(["my-h100"])"));
  const catalog cat = load_catalog({true, {dir.path().string()}});
  const chip* h100 = cat.find("nvidia-h100-sxm");
  REQUIRE(h100 != nullptr);
  CHECK_FALSE(h100->bundled);
  CHECK(h100->origin == (dir.path() / "mine.json").string());
  CHECK(cat.find("my-h100") == h100);
  CHECK(cat.find("h100") == nullptr);  // the bundled file's aliases went with it
}

TEST_CASE("a user chip's alias shadows a bundled alias", "[catalog]") {
  test::scratch_dir dir;
  test::write(dir.path() / "pcie.json", test::chip_json("nvidia-h100-pcie", R"(["h100"])"));
  const catalog cat = load_catalog({true, {dir.path().string()}});
  CHECK(cat.find("h100")->id == "nvidia-h100-pcie");
  CHECK(cat.find("h100-sxm")->id == "nvidia-h100-sxm");
}

TEST_CASE("two files claiming one id or alias in one layer is an error naming both", "[catalog]") {
  test::scratch_dir dir;
  test::write(dir.path() / "a.json", test::chip_json("same"));
  test::write(dir.path() / "b.json", test::chip_json("same"));
  CHECK_THROWS_WITH(load_catalog({false, {dir.path().string()}}),
                    test::contains("b.json: \"same\" is also claimed by") && test::contains("a.json"));

  test::scratch_dir aliases;
  test::write(aliases.path() / "a.json", test::chip_json("one", R"(["x"])"));
  test::write(aliases.path() / "b.json", test::chip_json("two", R"(["X"])"));
  CHECK_THROWS_WITH(load_catalog({false, {aliases.path().string()}}), test::contains("\"x\" is also claimed by"));
}

TEST_CASE("every broken file is reported in one run", "[catalog]") {
  test::scratch_dir dir;
  test::write(dir.path() / "a.json", "{");
  test::write(dir.path() / "b.json", "[]");
  test::write(dir.path() / "c.json", test::chip_json("fine"));
  try {
    load_catalog({false, {dir.path().string()}});
    FAIL("expected an error");
  } catch (const error& e) {
    const std::string message = e.what();
    CHECK(message.find("a.json:1:") != std::string::npos);
    CHECK(message.find("b.json:1:1: a chip file must be a JSON object") != std::string::npos);
  }
}

TEST_CASE("folders are searched recursively for chip files, schemas skipped", "[catalog]") {
  test::scratch_dir dir;
  test::write(dir.path() / "chips" / "deep" / "one.json", test::chip_json("one"));
  test::write(dir.path() / "schema" / "chip.schema.json", "{\"not\": \"a chip\"}");
  test::write(dir.path() / "README.md", "not json");
  const catalog cat = load_catalog({false, {dir.path().string()}});
  REQUIRE(cat.chips().size() == 1);
  CHECK(cat.chips()[0].id == "one");
}

TEST_CASE("paths that are not chip files are clear errors", "[catalog]") {
  test::scratch_dir dir;
  CHECK_THROWS_WITH(load_catalog({false, {(dir.path() / "missing").string()}}),
                    test::contains("missing: no such file or directory"));
  const auto fifo = dir.path() / "pipe.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(load_catalog({false, {fifo.string()}}), test::contains("pipe.json: not a regular file"));
}

TEST_CASE("a file far larger than any chip file is refused before it is read", "[catalog]") {
  test::scratch_dir dir;
  const auto big = dir.path() / "big.json";
  {
    std::ofstream out(big, std::ios::binary);
    const std::string block(1 << 20, ' ');
    for (int i = 0; i < 100; ++i) out << block;  // 100 MiB of spaces
  }
  CHECK_THROWS_WITH(load_catalog({false, {big.string()}}), test::contains("is too large for a chip file"));
}

TEST_CASE("XPUSPEC_PATH splits on colons and skips empty entries", "[catalog]") {
  CHECK(split_search_path("a:b::c:") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split_search_path("").empty());
}
