// -o FILE: replace the file's contents at once, and keep everything else the user had. A symlink stays a symlink
// (its target is written, as git's lockfile does), a device, FIFO or socket is written to directly (it cannot be
// replaced), and a regular file keeps its mode and owner. Where keeping what was there and replacing it
// atomically conflict (a file with other hard links, an owner we cannot give the new file), the write is refused
// and the file left as it was.

#include "cli/output_file.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <regex>
#include <string>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::cli {
namespace {

namespace fs = std::filesystem;

// Paths reach the terminal in messages: escape what a hostile name could hide there.
std::string shown(const std::string& path) { return printable(path); }

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw error(fmt::format("cannot write {}: {}", shown(path), why));
}

[[noreturn]] void fail_errno(const std::string& path) { fail(path, std::strerror(errno)); }

// Names of a descriptor this process already has open: /dev/stdout, /dev/fd/1, /proc/self/fd/1 (and the kernel's
// /proc/PID/fd/N they point to). Other files under /dev or /proc (/dev/shm) are ordinary files.
bool names_a_descriptor(const std::string& path) {
  static const std::regex descriptor("^/(dev/(stdout|stderr|fd/[0-9]+)|proc/(self|thread-self|[0-9]+)/fd/[0-9]+)$");
  return std::regex_match(path, descriptor);
}

// The file a chain of symlinks ends at (which may not exist yet: a dangling link is written through, creating
// its target). Relative link contents are relative to the link's directory. `via_descriptor`: the chain passed
// through /dev or /proc (/dev/stdout, /proc/self/fd/1), a name for a descriptor someone else opened.
std::string resolve_symlinks(const std::string& path, bool& via_descriptor) {
  constexpr int most_links = 40;  // as the kernel's ELOOP limit
  std::string current = path;
  via_descriptor = names_a_descriptor(path);
  for (int hops = 0; hops < most_links; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0) {
      if (errno == ENOENT) return current;
      fail_errno(path);
    }
    if (!S_ISLNK(st.st_mode)) return current;
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0) fail_errno(path);
    target.resize(static_cast<std::size_t>(n));
    const fs::path link(current);
    current = fs::path(target).is_absolute() ? target : (link.parent_path() / target).string();
    via_descriptor = via_descriptor || names_a_descriptor(current);
  }
  fail(path, "too many levels of symbolic links");
}


// Not a regular file (a terminal, /dev/null, a FIFO), or a file the shell opened for us (`> out` reached as
// /dev/stdout): write into it as it is. In the second case append, so `>` (empty) and `>>` both read right.
void write_in_place(const std::string& path, const std::function<void(const text_sink&)>& produce, bool append) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (append ? O_APPEND : 0));
  if (fd < 0) fail_errno(path);
  try {
    produce([&](std::string_view piece) { write_descriptor(fd, piece, path, false); });
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail_errno(path);
}

// The temporary being filled, for a signal that ends the run first (Ctrl-C during a long render): the handler may
// only use async-signal-safe calls, so the path is a fixed array, set before the handlers are and cleared after.
std::array<char, 8192> pending_temp{};
volatile std::sig_atomic_t has_pending_temp = 0;
constexpr std::array<int, 4> ending_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void remove_pending_temp(int signal_number) {
  if (has_pending_temp != 0) ::unlink(pending_temp.data());
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// While it lives, a terminating signal removes the temporary before the process ends as the signal says.
class temp_on_signal {
 public:
  explicit temp_on_signal(const std::string& path) {
    if (path.size() >= pending_temp.size()) return;  // mkstemp's name is the folder and 220 bytes: never here
    std::memcpy(pending_temp.data(), path.c_str(), path.size() + 1);
    has_pending_temp = 1;
    struct sigaction on_signal {};
    on_signal.sa_handler = remove_pending_temp;
    sigemptyset(&on_signal.sa_mask);
    for (std::size_t i = 0; i < ending_signals.size(); ++i) {
      installed_[i] = ::sigaction(ending_signals[i], nullptr, &previous_[i]) == 0 &&
                      previous_[i].sa_handler == SIG_DFL && ::sigaction(ending_signals[i], &on_signal, nullptr) == 0;
    }
  }
  ~temp_on_signal() {
    for (std::size_t i = 0; i < ending_signals.size(); ++i) {
      if (installed_[i]) ::sigaction(ending_signals[i], &previous_[i], nullptr);
    }
    has_pending_temp = 0;
  }
  temp_on_signal(const temp_on_signal&) = delete;
  temp_on_signal& operator=(const temp_on_signal&) = delete;

 private:
  std::array<struct sigaction, ending_signals.size()> previous_{};
  std::array<bool, ending_signals.size()> installed_{};
};

// A temporary file beside `target`, filled and synced, then renamed over it: readers see the old file or the new
// one, never part of either, and a failure anywhere leaves the old one untouched.
void replace_atomically(const std::string& shown_path, const std::string& target,
                        const std::function<void(const text_sink&)>& produce, const struct stat* existing) {
  const fs::path where(target);
  std::string temp = (where.parent_path().empty() ? fs::path(".") : where.parent_path()).string() + "/." +
                     where.filename().string().substr(0, 200) + ".xpuspec-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail_errno(shown_path);
  const temp_on_signal cleanup(temp);
  try {
    if (existing != nullptr) {
      // The new file is the old one with new contents: same owner, same mode (in that order: chown may clear
      // set-id bits).
      struct stat mine {};
      if (::fstat(fd, &mine) != 0) fail_errno(shown_path);
      if ((mine.st_uid != existing->st_uid || mine.st_gid != existing->st_gid) &&
          ::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
        fail(shown_path, "it belongs to another user or group, which a replacement written by this user cannot keep");
      }
      if (::fchmod(fd, existing->st_mode & 07777) != 0) fail_errno(shown_path);
    } else {
      // mkstemp makes the file 0600; give it the mode a plain create would have (0666 less the umask).
      const mode_t mask = ::umask(0);
      ::umask(mask);
      if (::fchmod(fd, 0666 & ~mask) != 0) fail_errno(shown_path);
    }
    produce([&](std::string_view piece) { write_descriptor(fd, piece, shown_path, false); });
    if (::fsync(fd) != 0) fail_errno(shown_path);
    const int closing = fd;
    fd = -1;  // closed, even when close reports an error: never closed twice
    if (::close(closing) != 0) fail_errno(shown_path);
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail_errno(shown_path);
  }
}

}  // namespace

bool write_descriptor(int fd, std::string_view text, const std::string& what, bool stop_on_closed_pipe) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE && stop_on_closed_pipe) return false;
      fail_errno(what);
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void write_output_file(const std::string& path, const std::function<void(const text_sink&)>& produce) {
  if (path.empty()) throw error("-o needs a file name (\"-\" is standard output)");
  // Following links: what the name finally is decides how it is written.
  struct stat followed {};
  const bool exists = ::stat(path.c_str(), &followed) == 0;
  if (!exists && errno != ENOENT) fail_errno(path);
  if (exists && S_ISDIR(followed.st_mode)) fail(path, "it is a directory");
  if (exists && !S_ISREG(followed.st_mode)) {
    write_in_place(path, produce, false);
    return;
  }
  bool via_descriptor = false;
  const std::string target = resolve_symlinks(path, via_descriptor);
  // /dev/stdout, /proc/self/fd/N: replacing the file behind the shell's descriptor would leave it on a deleted
  // file.
  if (exists && via_descriptor) {
    write_in_place(path, produce, true);
    return;
  }
  if (!exists) {
    replace_atomically(path, target, produce, nullptr);
    return;
  }
  // Replacing the file needs only the folder's permission; the shell's `>` would need the file's. Ask for that too,
  // so -o never overwrites what the user protected.
  if (::access(path.c_str(), W_OK) != 0) fail_errno(path);
  if (followed.st_nlink > 1) {
    fail(path, fmt::format("it has {} hard links, and replacing it atomically would cut it off from the others; "
                           "write to a new file and copy it over",
                           followed.st_nlink));
  }
  replace_atomically(path, target, produce, &followed);
}

}  // namespace xpuspec::cli
