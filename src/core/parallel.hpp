#pragma once
// Checking chip files is independent per file and CPU-bound; a repository of thousands of them is checked on every
// core. Results still arrive in input order, so output never depends on thread timing.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace xpuspec {

// 0 means one per core.
inline std::size_t worker_count(std::size_t jobs) {
  if (jobs == 0) jobs = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(jobs, 1, 64);
}

// Calls consume(produce(i)) for i in [0, count): produce on up to `jobs` threads, consume on the calling thread in
// order of i. Work goes in chunks, so only one chunk's results are held at a time. The first exception a producer
// throws stops the work and is rethrown here.
template <typename Produce, typename Consume>
void produce_in_order(std::size_t count, std::size_t jobs, Produce&& produce, Consume&& consume) {
  using result = decltype(produce(std::size_t{}));
  const std::size_t workers = worker_count(jobs);
  const std::size_t chunk = std::max<std::size_t>(64, workers * 32);
  std::vector<result> results;
  for (std::size_t begin = 0; begin < count; begin += chunk) {
    const std::size_t end = std::min(count, begin + chunk);
    results.clear();
    results.resize(end - begin);
    std::atomic<std::size_t> next{begin};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
      try {
        for (std::size_t i = next++; i < end; i = next++) results[i - begin] = produce(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = end;
      }
    };
    {
      std::vector<std::jthread> helpers;
      for (std::size_t w = 1; w < std::min(workers, end - begin); ++w) helpers.emplace_back(work);
      work();
    }  // the helpers join here
    if (failure) std::rethrow_exception(failure);
    for (auto& r : results) consume(std::move(r));
  }
}

}  // namespace xpuspec
