#pragma once
// A 64-bit hash's bits spread over all 64 (murmur3's finaliser), for open-addressing tables that take a slot from
// a few of them: keys that differ only in a few bits (an array index, a shard's fixed low bits) then still land
// far apart instead of in runs that linear probing walks end to end.

#include <cstdint>

namespace xpuspec {

constexpr std::uint64_t mixed_hash(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace xpuspec
