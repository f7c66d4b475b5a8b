#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/model.hpp"

using xpuspec::maybe_amount;
using xpuspec::text;

TEST_CASE("equal texts share one entry, and read back as written") {
  const std::string a = "989.4 TFLOPS";
  const text first(a);
  const text second(std::string("989.4") + " TFLOPS");  // another buffer, same characters
  CHECK(first == second);
  CHECK(first.view() == a);
  CHECK(first.view().data() == second.view().data());  // one copy, not two
  CHECK(std::string(first.c_str()) == a);
  CHECK(first != text("989.4 TFLOP"));
  CHECK(text(std::string_view("a\0b", 3)).size() == 3);  // not cut at a NUL byte
}

TEST_CASE("the empty text needs no entry") {
  const text none;
  CHECK(none.empty());
  CHECK(none == text(""));
  CHECK(none.view().empty());
  CHECK(std::string(none.c_str()).empty());
}

TEST_CASE("a string interned on two threads at once gets one entry") {
  std::vector<text> seen(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 2000; ++i) seen[t] = text("from two threads " + std::to_string(i % 50));
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(seen[0] == seen[1]);
  CHECK(seen[0].view().data() == seen[1].view().data());
}

TEST_CASE("a compiled-in string equals the same string read from a file") {
  const auto chips = xpuspec::bundled_chips();
  REQUIRE(!chips.empty());
  const text compiled = chips.front().id;
  const text read(std::string(compiled.view()));
  CHECK(compiled == read);
  CHECK(read == compiled);
  CHECK(compiled.view() == read.view());
}

TEST_CASE("a missing amount is not 0, and a known 0 is known") {
  const maybe_amount missing;
  CHECK_FALSE(missing.has_value());
  CHECK_FALSE(static_cast<bool>(missing));
  CHECK(missing.value_or(-1) == -1);
  CHECK_FALSE(static_cast<std::optional<double>>(missing).has_value());
  const maybe_amount zero = 0.0;
  CHECK(zero.has_value());
  CHECK(*zero == 0);
  CHECK(zero != missing);
  CHECK(maybe_amount(std::optional<double>(2.5)) == maybe_amount(2.5));
  CHECK(sizeof(maybe_amount) == sizeof(double));
}
