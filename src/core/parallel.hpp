#pragma once
// Checking chip files is independent per file and CPU-bound; a repository of thousands of them is checked on every
// core. Results still arrive in input order, so output never depends on thread timing.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace xpuspec {

// 0 means one per core.
inline std::size_t worker_count(std::size_t jobs) {
  if (jobs == 0) jobs = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(jobs, 1, 64);
}

// Calls consume(produce(i)) for i in [0, count): produce on up to `jobs` threads, consume on the calling thread in
// order of i. The threads start once and live for the whole run (a start per chunk of 64 files was a tenth of
// loading 1,000); the calling thread produces too while the result it needs next is not ready, so consuming
// overlaps producing. At most `window` results wait to be consumed. An exception a producer throws stops the work
// and is rethrown here (of several, the one of the lowest index), after the results before it were consumed.
template <typename Produce, typename Consume>
void produce_in_order(std::size_t count, std::size_t jobs, Produce&& produce, Consume&& consume) {
  using result = decltype(produce(std::size_t{}));
  const std::size_t workers = std::min(worker_count(jobs), std::max<std::size_t>(count, 1));
  if (workers == 1) {
    for (std::size_t i = 0; i < count; ++i) consume(produce(i));
    return;
  }
  const std::size_t window = std::min(count, std::max<std::size_t>(32, workers * 16));
  std::vector<std::optional<result>> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // the next index to produce
  std::size_t consumed = 0;  // results handed to consume so far
  std::size_t failed_at = count;
  std::exception_ptr failure;
  bool stopping = false;

  const auto claimable = [&] { return next < failed_at && next < count && next < consumed + window; };
  // With the lock held on entry and on return: produces `next`, unlocked while it runs.
  const auto produce_one = [&](std::unique_lock<std::mutex>& lock) {
    const std::size_t i = next++;
    lock.unlock();
    std::optional<result> made;
    std::exception_ptr thrown;
    try {
      made.emplace(produce(i));
    } catch (...) {
      thrown = std::current_exception();
    }
    lock.lock();
    if (thrown) {
      if (i < failed_at) {
        failed_at = i;
        failure = thrown;
      }
    } else {
      slots[i % window] = std::move(made);
    }
    changed.notify_all();
  };
  {
    std::vector<std::jthread> helpers;
    // Joined on every way out, a throwing consume too: the helpers are told to stop first.
    struct stop_helpers {
      std::mutex& mutex;
      std::condition_variable& changed;
      bool& stopping;
      std::vector<std::jthread>& helpers;
      ~stop_helpers() {
        {
          const std::lock_guard lock(mutex);
          stopping = true;
        }
        changed.notify_all();
        helpers.clear();
      }
    } stop{mutex, changed, stopping, helpers};
    for (std::size_t w = 1; w < workers; ++w) {
      helpers.emplace_back([&] {
        std::unique_lock lock(mutex);
        while (true) {
          changed.wait(lock, [&] { return stopping || claimable() || next >= std::min(count, failed_at); });
          if (stopping || next >= std::min(count, failed_at)) return;
          produce_one(lock);
        }
      });
    }
    for (std::size_t i = 0; i < count; ++i) {
      std::unique_lock lock(mutex);
      while (!slots[i % window] && i < failed_at) {
        if (claimable()) {
          produce_one(lock);
        } else {
          changed.wait(lock);
        }
      }
      if (i >= failed_at) break;
      result r = std::move(*slots[i % window]);
      slots[i % window].reset();
      ++consumed;
      lock.unlock();
      changed.notify_all();
      consume(std::move(r));
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace xpuspec
