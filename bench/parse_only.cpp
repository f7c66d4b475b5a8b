// The parser's raw speed over the same bytes validate reads: every .json file below the folders given, read and
// parsed with nlohmann::json, nothing else. Prints bytes and seconds, for MB/s.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  std::size_t files = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const std::string s = std::move(text).str();
      bytes += s.size();
      ++files;
      const auto doc = nlohmann::json::parse(s);
      if (doc.is_discarded()) return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"files\": %zu, \"bytes\": %zu, \"seconds\": %.6f}\n", files, bytes, seconds);
  return 0;
}
