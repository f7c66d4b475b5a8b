// Catch2 v2 (Debian 12) and v3 (Debian 13) differ in their headers, where Approx lives and what the substring
// matcher is called; the tests are written once against these names.
#pragma once

#include <string>

#if defined(XPUSPEC_CATCH2_V3)
#include <catch2/catch_all.hpp>
using Catch::Approx;
namespace test {
inline auto contains(const std::string& text) { return Catch::Matchers::ContainsSubstring(text); }
inline auto starts_with(const std::string& text) { return Catch::Matchers::StartsWith(text); }
}  // namespace test
#else
#include <catch2/catch.hpp>
namespace test {
inline auto contains(const std::string& text) { return Catch::Matchers::Contains(text); }
inline auto starts_with(const std::string& text) { return Catch::Matchers::StartsWith(text); }
}  // namespace test
#endif
