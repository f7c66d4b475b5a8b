#pragma once
// Text that many chips repeat — a source id, a unit as written, a note, a JSON pointer — stored once per process.
// A chip holds 35 values, each with four strings: as std::string that was 5.5 KB a chip before any character, and
// 100,000 user files must load in 250 MB. A `text` is a 4-byte number; equal strings share one copy and one number.

#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace xpuspec {

class text {
 public:
  constexpr text() noexcept = default;
  // Stores `s` in the process-wide pool (thread-safe) unless an equal string is there already. The pool is never
  // emptied: it holds what loading has read, which a run needs until it ends.
  text(std::string_view s);  // NOLINT: implicit, so a text is assigned and passed like a string
  text(const std::string& s) : text(std::string_view(s)) {}
  text(const char* s) : text(std::string_view(s)) {}

  // The bundled chips' strings, compiled in as one table (tools/digest_chips.cpp): a text made from the table
  // costs nothing when the program starts, where interning the 9,000-odd strings of the bundled chips took 1 ms.
  // use_compiled() is called (with that one table) before the first compiled() text is read.
  struct compiled_place {
    std::uint32_t offset;
    std::uint32_t size;
  };
  struct compiled_strings {
    const char* chars;  // each string followed by a NUL
    const compiled_place* places;
  };
  static void use_compiled(const compiled_strings& table) noexcept;
  static constexpr text compiled(std::uint32_t index) noexcept;

  std::string_view view() const noexcept;
  operator std::string_view() const noexcept { return view(); }  // NOLINT: reads like the string it holds
  operator std::string() const { return std::string(view()); }  // NOLINT: goes where a string goes
  std::string str() const { return std::string(view()); }
  const char* c_str() const noexcept { return empty() ? "" : view().data(); }  // the pool ends each string with NUL
  bool empty() const noexcept { return entry_ == 0; }
  std::size_t size() const noexcept { return view().size(); }

  // Equal strings share one entry, so equality is one comparison; a string both compiled in and read from a file
  // has one number of each kind.
  friend bool operator==(text a, text b) noexcept {
    return a.entry_ == b.entry_ || ((a.entry_ | b.entry_) & compiled_bit && a.view() == b.view());
  }
  friend bool operator==(text a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(text a, const char* b) noexcept { return a.view() == b; }
  friend bool operator==(text a, const std::string& b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(text a, text b) noexcept { return a.view() <=> b.view(); }

 private:
  static constexpr std::uint32_t compiled_bit = 0x80000000U;
  explicit constexpr text(std::uint32_t entry) noexcept : entry_(entry) {}
  // 0: the empty string; compiled_bit set: a place in the compiled table; else 1 + the string's place in the pool.
  std::uint32_t entry_ = 0;
};

constexpr text text::compiled(std::uint32_t index) noexcept { return text(compiled_bit | index); }

std::ostream& operator<<(std::ostream& out, text t);
// How fmt formats a text (found by argument-dependent lookup): fmt 10 no longer formats a class through its
// implicit conversions, which fmt 9 did.
inline std::string_view format_as(text t) noexcept { return t.view(); }
inline std::string operator+(std::string a, text b) { return a.append(b.view()); }
inline std::string operator+(text a, std::string_view b) { return a.str().append(b); }
inline std::string operator+(text a, const char* b) { return a.str().append(b); }

// An amount that is there or not, like std::optional<double>, in half the space: a missing amount is stored as NaN,
// which no loaded value can be (the loader refuses anything not finite).
class maybe_amount {
 public:
  constexpr maybe_amount() noexcept = default;
  constexpr maybe_amount(std::nullopt_t) noexcept {}  // NOLINT: implicit, like std::optional
  constexpr maybe_amount(double amount) noexcept : amount_(amount) {}  // NOLINT
  maybe_amount(std::optional<double> amount) noexcept : amount_(amount.value_or(std::nan(""))) {}  // NOLINT

  bool has_value() const noexcept { return !std::isnan(amount_); }
  explicit operator bool() const noexcept { return has_value(); }
  double operator*() const noexcept { return amount_; }
  double value_or(double fallback) const noexcept { return has_value() ? amount_ : fallback; }
  operator std::optional<double>() const noexcept {  // NOLINT: hands over where an optional is expected
    return has_value() ? std::optional<double>(amount_) : std::nullopt;
  }
  friend bool operator==(maybe_amount a, maybe_amount b) noexcept {
    return a.has_value() == b.has_value() && (!a.has_value() || a.amount_ == b.amount_);
  }

 private:
  double amount_ = __builtin_nan("");
};

}  // namespace xpuspec
