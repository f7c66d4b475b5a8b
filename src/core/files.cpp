#include "core/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "xpuspec/error.hpp"

namespace xpuspec {
namespace {

// A chip file is a few kilobytes; past this it is a mistake (or an attack), and reading it would only waste memory.
constexpr std::uintmax_t max_chip_file_bytes = 4u << 20;

}  // namespace

// One open, one fstat and a read into a string of the file's size: a data set is thousands of small files, and
// the stream classes' copies and a second stat were a tenth of loading one. The checks are on the opened file, so
// nothing can swap it between check and read; O_NONBLOCK keeps a FIFO from hanging the open.
std::string read_chip_file(const fs::path& path) {
  // O_NOCTTY: a terminal named as a chip file must not become this process's controlling terminal.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int why = errno;
    if (why == ENOENT || why == ENOTDIR) throw error(fmt::format("{}: no such file or directory", path.string()));
    throw error(fmt::format("{}: cannot open: {}", path.string(), std::strerror(why)));
  }
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } const close_on_exit{fd};
  struct stat about {};
  if (::fstat(fd, &about) != 0) throw error(fmt::format("{}: {}", path.string(), std::strerror(errno)));
  if (S_ISDIR(about.st_mode)) throw error(fmt::format("{}: is a directory, not a chip file", path.string()));
  if (!S_ISREG(about.st_mode)) throw error(fmt::format("{}: not a regular file", path.string()));
  const auto size = static_cast<std::uintmax_t>(about.st_size);
  if (size > max_chip_file_bytes) {
    throw error(fmt::format("{}: {} bytes is too large for a chip file (at most {} bytes)", path.string(), size,
                            max_chip_file_bytes));
  }
  // Read to the end, not to the size fstat gave: the file may be growing; past the limit it is refused all the same.
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t have = 0;
  for (;;) {
    if (have == text.size()) {
      if (text.size() > max_chip_file_bytes) {
        throw error(fmt::format("{}: more than {} bytes is too large for a chip file", path.string(),
                                max_chip_file_bytes));
      }
      text.resize(std::min<std::size_t>(text.size() * 2, max_chip_file_bytes + 1));
    }
    const ssize_t got = ::read(fd, text.data() + have, text.size() - have);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw error(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
    }
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  // Here have < text.size() <= the limit + 1: a read that reached the limit + 1 was refused above.
  text.resize(have);
  return text;
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
