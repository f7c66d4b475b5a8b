#pragma once
// Shared by the unit tests: the fixture folder, reading a file, and a scratch folder removed afterwards.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "xpuspec/load.hpp"

namespace test {

inline std::filesystem::path source_dir() { return XPUSPEC_TEST_DIR; }

inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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
