// libFuzzer target over the command line: any words through the whole tool (option parsing, the checked number
// options, "did you mean", every command and format) against the bundled chips and the fixture files. Words are
// the input split at newlines. A crash, hang or sanitizer report is a bug; exit status 2 with a message is fine.
//
// Safety: the fuzzer must not write or walk the machine. Words that could name an output file (-o, --output) are
// dropped, as are absolute paths and "..": paths stay inside the folder the fuzzer runs in.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"

namespace {

bool safe(std::string_view word) {
  if (word.starts_with("-o") || word.starts_with("--o")) return false;  // -o FILE, -oFILE, --output, --out...
  if (word.starts_with("/") || word.find("..") != std::string_view::npos) return false;
  return word.size() < 4096;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words{"xpuspec"};
  std::string word;
  for (std::size_t i = 0; i <= size; ++i) {
    if (i == size || data[i] == '\n') {
      if (safe(word)) words.push_back(word);
      word.clear();
      if (words.size() > 64) break;
    } else {
      word += static_cast<char>(data[i]);
    }
  }
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  (void)xpuspec::cli::run_command_line(static_cast<int>(words.size()), argv.data());
  std::fflush(stdout);
  return 0;
}
