#include "xpuspec/text.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <unordered_map>
#include <vector>

#include "xpuspec/error.hpp"

namespace xpuspec {

namespace {

// Loading runs on every core, and each value interns up to three strings: one lock for the whole pool would make
// the cores take turns, so the pool is split by hash into shards, each with its own lock and its own numbers
// (a text's number says its shard in the low bits).
constexpr std::size_t shard_bits = 3;
constexpr std::size_t shard_count = std::size_t{1} << shard_bits;
// Entries live in fixed chunks that never move, so a reader needs no lock: it got its number from whoever
// interned the string, after the entry was written.
constexpr std::size_t chunk_size = 1024;
constexpr std::size_t chunks_per_shard = 8192;  // 8M strings a shard, 64M in all: far past what memory allows

class shard {
 public:
  std::uint32_t intern(std::string_view s, std::size_t shard_index) {
    const std::lock_guard lock(mutex_);
    if (const auto found = numbers_.find(s); found != numbers_.end()) return found->second;
    if (count_ == chunk_size * chunks_per_shard) {
      throw error("more distinct strings than xpuspec holds (64 million): split the data into smaller sets");
    }
    const std::size_t chunk = count_ / chunk_size;
    if (chunks_[chunk].load(std::memory_order_relaxed) == nullptr) {
      owned_.push_back(std::make_unique<std::string_view[]>(chunk_size));
      chunks_[chunk].store(owned_.back().get(), std::memory_order_release);
    }
    const std::string_view stored = store(s);
    chunks_[chunk].load(std::memory_order_relaxed)[count_ % chunk_size] = stored;
    const auto number = static_cast<std::uint32_t>(1 + shard_index + (count_ << shard_bits));
    ++count_;
    numbers_.emplace(stored, number);
    return number;
  }

  std::string_view at(std::size_t index) const noexcept {
    return chunks_[index / chunk_size].load(std::memory_order_acquire)[index % chunk_size];
  }

 private:
  // Each string is followed by a NUL, for c_str().
  std::string_view store(std::string_view s) {
    constexpr std::size_t block_size = 16 * 1024;
    if (s.size() + 1 > left_) {
      const std::size_t size = std::max(block_size, s.size() + 1);
      blocks_.push_back(std::make_unique<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    std::copy(s.begin(), s.end(), next_);
    next_[s.size()] = '\0';
    const std::string_view stored(next_, s.size());
    next_ += s.size() + 1;
    left_ -= s.size() + 1;
    return stored;
  }

  std::mutex mutex_;
  std::unordered_map<std::string_view, std::uint32_t> numbers_;
  std::array<std::atomic<std::string_view*>, chunks_per_shard> chunks_{};
  std::vector<std::unique_ptr<std::string_view[]>> owned_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t count_ = 0;
  std::size_t left_ = 0;
  char* next_ = nullptr;
};

// Set by every bundled_chips() call, to the same table: atomic, so a library caller may load on two threads.
std::atomic<const std::string_view*> compiled_table{nullptr};

// Never destroyed: a text may be read until the process ends (by another static's destructor too), and freeing a
// pool of hundreds of MB at exit would only cost time.
std::array<shard, shard_count>& shards() {
  static auto* pool = new std::array<shard, shard_count>;
  return *pool;
}

}  // namespace

text::text(std::string_view s) {
  if (s.empty()) return;
  const std::size_t hash = std::hash<std::string_view>{}(s);
  // Most strings a file holds were in the file before it (units, notes, source titles): a small cache per thread
  // answers those without a lock or a probe of a pool of millions, which was a fifth of loading 100,000 files.
  // Its views stay valid: the pool never frees a string.
  struct recent {
    std::string_view stored;
    std::uint32_t entry = 0;
  };
  thread_local std::array<recent, 4096> cache{};
  recent& slot = cache[(hash >> 7) % cache.size()];
  if (slot.entry != 0 && slot.stored == s) {
    entry_ = slot.entry;
    return;
  }
  const std::size_t shard_index = hash % shard_count;
  entry_ = shards()[shard_index].intern(s, shard_index);
  slot = {text(entry_).view(), entry_};
}

void text::use_compiled(std::span<const std::string_view> table) noexcept {
  compiled_table.store(table.data(), std::memory_order_release);
}

std::string_view text::view() const noexcept {
  if (entry_ == 0) return {};
  if ((entry_ & compiled_bit) != 0) return compiled_table.load(std::memory_order_acquire)[entry_ & ~compiled_bit];
  const std::size_t number = entry_ - 1;
  return shards()[number % shard_count].at(number >> shard_bits);
}

std::ostream& operator<<(std::ostream& out, text t) { return out << t.view(); }

}  // namespace xpuspec
