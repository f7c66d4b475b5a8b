#include "core/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "xpuspec/error.hpp"

namespace xpuspec {
namespace {

// A chip file is a few kilobytes; past this it is a mistake (or an attack), and reading it would only waste memory.
constexpr std::uintmax_t max_chip_file_bytes = 4u << 20;

}  // namespace

std::string read_chip_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec) throw error(fmt::format("{}: {}", path.string(), ec.message()));
  if (fs::is_directory(status)) throw error(fmt::format("{}: is a directory, not a chip file", path.string()));
  if (!fs::is_regular_file(status)) throw error(fmt::format("{}: not a regular file", path.string()));
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_chip_file_bytes) {
    throw error(fmt::format("{}: {} bytes is too large for a chip file (at most {} bytes)", path.string(), size,
                            max_chip_file_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  return std::move(text).str();
}

bool is_chip_file(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.ends_with(".json") && !name.ends_with(".schema.json");
}

std::vector<fs::path> chip_files_in(const std::string& argument) {
  const fs::path root(argument);
  std::error_code ec;
  const auto status = fs::status(root, ec);
  // A symlink loop or an unreadable parent is not "no such file": say what the system said.
  if (ec && ec != std::errc::no_such_file_or_directory) throw error(fmt::format("{}: {}", argument, ec.message()));
  if (ec || !fs::exists(status)) throw error(fmt::format("{}: no such file or directory", argument));
  if (!fs::is_directory(status)) return {root};
  std::vector<fs::path> files;
  // An unreadable folder inside is an error, not a silent gap in the data (no skip_permission_denied).
  fs::path last = root;  // the entry before a failed step: the folder that could not be opened
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    last = it->path();
    if (!is_chip_file(it->path())) continue;
    // A *.json that is a folder is not a chip file; one whose status fails (a symlink loop) is kept, so reading
    // it reports why with its name.
    std::error_code entry_ec;
    if (!it->is_directory(entry_ec) || entry_ec) files.push_back(it->path());
  }
  if (ec) throw error(fmt::format("{}: {}", last.string(), ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace xpuspec
