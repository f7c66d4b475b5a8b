#include "xpuspec/text.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <ostream>
#include <vector>

#include "core/hash_mix.hpp"
#include "xpuspec/error.hpp"

namespace xpuspec {

namespace {

// Loading runs on every core, and each value interns up to three strings: one lock for the whole pool would make
// the cores take turns, so the pool is split by hash into shards, each with its own lock and its own numbers
// (a text's number says its shard in the low bits).
constexpr std::size_t shard_bits = 3;
constexpr std::size_t shard_count = std::size_t{1} << shard_bits;
// Entries live in chunks that never move, so a reader needs no lock: it got its number from whoever interned the
// string, after the entry was written. Chunk k holds first_chunk << k entries: the directory is 18 pointers, not
// thousands that every run would have to zero (128 page faults of a 3 ms compare), and a chunk is allocated
// without being cleared, so its memory is touched only as entries are written. The first chunk is small (1.5 KB):
// a short run interns a few dozen strings a shard, and each shard's first chunk, characters and slots were three
// fresh blocks of heap of 24, 16 and 2 KB, a page fault or two each (30 of a compare's 187).
constexpr std::size_t first_chunk = 64;
constexpr std::size_t chunk_count = 18;
constexpr std::size_t max_per_shard = std::size_t{1} << 23;  // 8M strings a shard, 64M in all: past what memory allows
static_assert(first_chunk * ((std::size_t{1} << chunk_count) - 1) >= max_per_shard);

struct place {
  std::size_t chunk;
  std::size_t offset;
};
constexpr place place_of(std::size_t index) noexcept {
  // Chunks 0..k-1 hold first_chunk * (2^k - 1) entries.
  const std::size_t chunk = static_cast<std::size_t>(std::bit_width(index / first_chunk + 1)) - 1;
  return {chunk, index - first_chunk * ((std::size_t{1} << chunk) - 1)};
}
static_assert(place_of(0).chunk == 0 && place_of(first_chunk - 1).offset == first_chunk - 1);
static_assert(place_of(first_chunk).chunk == 1 && place_of(first_chunk).offset == 0);
static_assert(place_of(3 * first_chunk - 1).chunk == 1 && place_of(3 * first_chunk).chunk == 2);

class shard {
 public:
  // `hash` is the string's std::hash: its low bits chose this shard, so the slot and the tag come from its mixed bits.
  std::uint32_t intern(std::string_view s, std::size_t hash, std::size_t shard_index) {
    const std::uint64_t mixed = mixed_hash(hash);
    const auto tag = static_cast<std::uint32_t>(mixed >> 32);
    const std::lock_guard lock(mutex_);
    if (slots_.empty()) slots_.resize(first_slots);
    std::size_t at = slot_of(mixed);
    for (; slots_[at].place != 0; at = (at + 1) & (slots_.size() - 1)) {
      const slot& seen = slots_[at];
      if (seen.tag == tag && this->at(seen.place - 1) == s) return number_of(seen.place - 1, shard_index);
    }
    if (count_ == max_per_shard) {
      throw error("more distinct strings than xpuspec holds (64 million): split the data into smaller sets");
    }
    const auto [chunk, offset] = place_of(count_);
    if (offset == 0) {
      owned_.push_back(std::make_unique_for_overwrite<std::byte[]>((first_chunk << chunk) * sizeof(entry)));
      chunks_[chunk].store(reinterpret_cast<entry*>(owned_.back().get()), std::memory_order_release);
    }
    new (chunks_[chunk].load(std::memory_order_relaxed) + offset) entry{store(s), mixed};
    const std::size_t index = count_++;
    slots_[at] = {tag, static_cast<std::uint32_t>(index + 1)};
    if (2 * count_ > slots_.size()) grow();
    return number_of(index, shard_index);
  }

  std::string_view at(std::size_t index) const noexcept {
    const auto [chunk, offset] = place_of(index);
    return chunks_[chunk].load(std::memory_order_acquire)[offset].chars;
  }

 private:
  struct entry {
    std::string_view chars;
    std::uint64_t mixed;  // kept, so growing the index reads no string
  };
  // The index of the shard's strings: open addressing with linear probing, never more than half full. A slot is
  // 8 bytes, the high half of the mixed hash and 1 + the string's place (0: empty), so a probe rules out another
  // string without reading it. std::unordered_map took a node of 48 bytes a string, and its probes of a table of
  // millions were a tenth of loading 100,000 files.
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t place = 0;
  };
  static constexpr std::size_t first_slots = 64;

  static std::uint32_t number_of(std::size_t index, std::size_t shard_index) noexcept {
    return static_cast<std::uint32_t>(1 + shard_index + (index << shard_bits));
  }
  std::size_t slot_of(std::uint64_t mixed) const noexcept {
    return static_cast<std::size_t>(mixed) & (slots_.size() - 1);
  }

  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const slot& s : old) {
      if (s.place == 0) continue;
      std::size_t at = slot_of(entry_at(s.place - 1).mixed);
      while (slots_[at].place != 0) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = s;
    }
  }

  const entry& entry_at(std::size_t index) const noexcept {
    const auto [chunk, offset] = place_of(index);
    return chunks_[chunk].load(std::memory_order_relaxed)[offset];
  }

  // Each string is followed by a NUL, for c_str().
  std::string_view store(std::string_view s) {
    // 1 KB first, doubling to 16 KB: a short run's few strings a shard share a page with the rest of the heap.
    const std::size_t block_size = std::size_t{1024} << std::min<std::size_t>(blocks_.size(), 4);
    if (s.size() + 1 > left_) {
      const std::size_t size = std::max(block_size, s.size() + 1);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
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
  std::vector<slot> slots_;
  std::array<std::atomic<entry*>, chunk_count> chunks_{};
  std::vector<std::unique_ptr<std::byte[]>> owned_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t count_ = 0;
  std::size_t left_ = 0;
  char* next_ = nullptr;
};

// Set by every bundled_chips() call, to the same table: atomic, so a library caller may load on two threads.
std::atomic<const text::compiled_strings*> compiled_table{nullptr};

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
  // 16 bytes a slot, 16 KB in all: a short run touches a page of it per string it interns, and every new thread
  // clears it whole. 4096 slots took 23 more of compare --all's page faults (170 -> 147) and saved 0.4% of the
  // instructions of validate -j1 over 10,000 files.
  struct recent {
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t entry = 0;
  };
  thread_local std::array<recent, 1024> cache{};
  recent& slot = cache[(hash >> 7) % cache.size()];
  if (slot.entry != 0 && std::string_view(slot.data, slot.size) == s) {
    entry_ = slot.entry;
    return;
  }
  const std::size_t shard_index = hash % shard_count;
  entry_ = shards()[shard_index].intern(s, hash, shard_index);
  // A string longer than 4 GB is not kept here (a chip file is far smaller); it is still interned.
  if (s.size() <= UINT32_MAX) slot = {text(entry_).view().data(), static_cast<std::uint32_t>(s.size()), entry_};
}

void text::use_compiled(const compiled_strings& table) noexcept {
  compiled_table.store(&table, std::memory_order_release);
}

std::string_view text::view() const noexcept {
  if (entry_ == 0) return {};
  if ((entry_ & compiled_bit) != 0) {
    const compiled_strings& table = *compiled_table.load(std::memory_order_acquire);
    const compiled_place place = table.places[entry_ & ~compiled_bit];
    return {table.chars + place.offset, place.size};
  }
  const std::size_t number = entry_ - 1;
  return shards()[number % shard_count].at(number >> shard_bits);
}

std::ostream& operator<<(std::ostream& out, text t) { return out << t.view(); }

}  // namespace xpuspec
