#pragma once
// Shared by the unit tests: the fixture folder, reading a file, and a scratch folder removed afterwards.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/metrics.hpp"

namespace test {

inline std::filesystem::path source_dir() { return XPUSPEC_TEST_DIR; }

inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A metric that must be known: the test fails where it is missing instead of reading a NaN.
inline double known_number(const xpuspec::chip& c, xpuspec::metric m, xpuspec::precision p = xpuspec::precision::bf16) {
  const xpuspec::metric_value v = xpuspec::evaluate(c, m, p);
  REQUIRE(v.known());
  return *v.number;
}

inline xpuspec::chip fixture(const std::string& name) {
  const auto path = source_dir() / "data" / "chips" / (name + ".json");
  return xpuspec::parse_chip(read(path), path.string());
}

inline void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class scratch_dir {
 public:
  scratch_dir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("xpuspec-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A minimal valid chip file with the given id, aliases (a JSON array) and extra top-level members.
inline std::string chip_json(const std::string& id, const std::string& aliases = "[]", const std::string& extra = "") {
  return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"vendor\": \"V\", \"status\": \"shipping\", " +
         "\"aliases\": " + aliases + ", \"compute\": {\"bf16\": \"10 TFLOPS\"}, " + extra +
         "\"source\": \"s\", \"sources\": {\"s\": {\"title\": \"t\", \"url\": \"https://example.com\", \"accessed\": \"2026-11-22\"}}}";
}

}  // namespace test
