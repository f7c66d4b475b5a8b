#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "core/parallel.hpp"

using xpuspec::produce_in_order;

namespace {

// Later indices finish first, so results arrive out of order unless the consumer puts them back.
void uneven_work(std::size_t i) {
  if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
}

}  // namespace

TEST_CASE("results are consumed in input order, once each, whatever the thread count") {
  for (const std::size_t jobs : {1, 2, 3, 8}) {
    for (const std::size_t count : {0, 1, 5, 127, 128, 129, 1000}) {
      std::vector<std::size_t> seen;
      produce_in_order(
          count, jobs,
          [](std::size_t i) {
            uneven_work(i);
            return std::to_string(i);  // a result with its own storage, moved through the window
          },
          [&](std::string s) { seen.push_back(std::stoul(s)); });
      INFO("jobs " << jobs << ", count " << count);
      REQUIRE(seen.size() == count);
      for (std::size_t i = 0; i < count; ++i) REQUIRE(seen[i] == i);
    }
  }
}

TEST_CASE("a producer's exception is rethrown after every result before it was consumed") {
  for (const std::size_t jobs : {1, 2, 4}) {
    const std::size_t bad = 300;
    std::vector<std::size_t> seen;
    CHECK_THROWS_AS(produce_in_order(
                        1000, jobs,
                        [&](std::size_t i) {
                          uneven_work(i);
                          if (i == bad) throw std::runtime_error("bad file");
                          return i;
                        },
                        [&](std::size_t i) { seen.push_back(i); }),
                    std::runtime_error);
    INFO("jobs " << jobs);
    REQUIRE(seen.size() == bad);
    for (std::size_t i = 0; i < bad; ++i) REQUIRE(seen[i] == i);
  }
}

TEST_CASE("a consumer's exception stops the helpers and leaves no thread behind") {
  std::atomic<std::size_t> produced{0};
  CHECK_THROWS_AS(produce_in_order(
                      100000, 4,
                      [&](std::size_t i) {
                        ++produced;
                        return i;
                      },
                      [](std::size_t i) {
                        if (i == 10) throw std::runtime_error("disk full");
                      }),
                  std::runtime_error);
  // The window bounds how far producing runs ahead of consuming: nowhere near all 100,000.
  CHECK(produced.load() < 1000);
}
