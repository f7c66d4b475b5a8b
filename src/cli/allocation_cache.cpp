// The program's own C++ allocation operators (the xpuspec binary only: the core library leaves a caller's alone).
//
// Why: each chip file is parsed into a tree of some 500 small blocks that is freed before the next file, while what
// a file leaves behind (its findings, its figures) stays. glibc keeps only 7 freed blocks of a size per thread (its
// tcache, settable only from the environment at start-up); the rest go back to its bins, between the blocks that
// stay, and over 100,000 files the bins it searches grow long: `validate -j1` spent 25% of its samples in malloc and
// free (perf), against 9% with GLIBC_TUNABLES=glibc.malloc.tcache_count=2000. This keeps more blocks per size, per
// thread, so the next file's tree is built from the last one's without reaching the bins.
//
// Not built with the sanitizers: a block kept here would hide a use after free from them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string_view>
#include <utility>

#include <unistd.h>

namespace {

// A class holds the sizes one malloc chunk serves on 64-bit glibc (usable 24, 40, 56, ... bytes), and its blocks are
// allocated at the top of the class, so a block is the chunk malloc would have given anyway. Elsewhere this only
// wastes a little; a kept block always fits every size of its class.
constexpr std::size_t size_classes = 16;  // blocks up to 264 bytes: a tree's nodes and most strings
constexpr std::size_t top_of_class(std::size_t k) noexcept { return 16 * k + 24; }
constexpr std::uint16_t kept_per_class = 256;  // at most 0.6 MB a thread, of blocks the program did free

// A kept block's first two words (every block has at least 24 bytes). `owner` marks it as kept by this thread, as
// glibc marks a block in its own cache, so a second delete of it is caught instead of linking it into the list twice
// and handing it out twice.
struct free_block {
  free_block* next;
  const void* owner;
};

// Trivially destructible, so it is usable until the thread's last moment; kept_blocks_release empties it.
struct kept_blocks {
  std::array<free_block*, size_classes> heads{};
  std::array<std::uint16_t, size_classes> counts{};
  bool release_registered = false;
  bool closed = false;  // after the thread's release: everything goes straight to free()
};
thread_local kept_blocks kept;

// Gives the kept blocks back to malloc when a thread ends (a worker's blocks are not lost to the process). The
// main thread's end is the process's (exit() runs its thread-local destructors): the kernel takes the heap back
// whole, and freeing its blocks one by one first was 2.6% of a compare. Were main to call pthread_exit (xpuspec
// never does), its blocks (at most 256 of each of 16 sizes, 0.6 MB) would stay unused until the others end.
struct kept_blocks_release {
  kept_blocks_release() = default;
  kept_blocks_release(const kept_blocks_release&) = delete;
  kept_blocks_release& operator=(const kept_blocks_release&) = delete;
  ~kept_blocks_release() {
    kept.closed = true;
    if (::gettid() == ::getpid()) return;
    for (free_block*& head : kept.heads) {
      while (head != nullptr) std::free(std::exchange(head, head->next));
    }
  }
};
thread_local kept_blocks_release release_at_thread_end;

// The class of a block of `size` bytes, or size_classes when it is not kept.
constexpr std::size_t class_of(std::size_t size) noexcept {
  if (size > top_of_class(size_classes - 1)) return size_classes;
  if (size <= top_of_class(0)) return 0;
  return (size - top_of_class(0) + 15) / 16;  // the first class whose top is at least `size`
}
static_assert(class_of(0) == 0 && class_of(24) == 0 && class_of(25) == 1 && class_of(40) == 1 && class_of(41) == 2);
static_assert(class_of(264) == size_classes - 1 && class_of(265) == size_classes);
// Every size a class serves fits its blocks, and the class below would not have held it.
static_assert([] {
  for (std::size_t size = 1; size <= top_of_class(size_classes - 1); ++size) {
    const std::size_t k = class_of(size);
    if (top_of_class(k) < size || (k > 0 && top_of_class(k - 1) >= size)) return false;
  }
  return true;
}());

// What glibc does on a double free: a message and SIGABRT, never going on with a heap it cannot trust.
[[noreturn]] void double_delete() noexcept {
  constexpr std::string_view message = "xpuspec: a block was deleted twice (a bug in xpuspec): aborting\n";
  static_cast<void>(::write(STDERR_FILENO, message.data(), message.size()));
  std::abort();
}

void* allocate(std::size_t size) {
  const std::size_t k = class_of(size);
  if (k < size_classes) {
    if (free_block* block = kept.heads[k]) {
      kept.heads[k] = block->next;
      --kept.counts[k];
      block->owner = nullptr;
      return block;
    }
    size = top_of_class(k);
  }
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void release(void* p, std::size_t size) noexcept {
  const std::size_t k = class_of(size);
  if (p == nullptr || k == size_classes || kept.closed || kept.counts[k] == kept_per_class) {
    std::free(p);
    return;
  }
  if (!kept.release_registered) {
    kept.release_registered = true;
    static_cast<void>(&release_at_thread_end);  // a thread_local with a destructor is registered when first used
  }
  auto* block = static_cast<free_block*>(p);
  if (block->owner == &kept) {
    // Marked, or a live block whose second word happens to hold this address: only the list can tell.
    for (const free_block* kept_block = kept.heads[k]; kept_block != nullptr; kept_block = kept_block->next) {
      if (kept_block == block) double_delete();
    }
  }
  block->next = kept.heads[k];
  block->owner = &kept;
  kept.heads[k] = block;
  ++kept.counts[k];
}

}  // namespace

// Only the sized scalar delete keeps blocks: an unsized delete does not say the class, and every block came from
// malloc.
void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t size) noexcept { release(p, size); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
