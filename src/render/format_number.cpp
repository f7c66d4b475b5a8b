#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "render/grid.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {

namespace {

// printf's %.Nf and %.Ng, as fmt writes them, without a format string parsed per number: a compare of every chip
// prints a thousand.
std::string to_text(double x, std::chars_format form, int precision) {
  std::array<char, 64> digits{};  // below 1e15 with at most 7 decimals, or %.4g: under 30 characters
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), x, form, precision).ptr;
  return std::string(digits.data(), end);
}

// The powers of ten a double holds exactly: a number scaled by one of them is rounded once, by IEEE.
constexpr std::array<double, 23> powers_of_ten{1,    1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The integer nearest `scaled` (a number times a power of ten, off its exact value by far less than `margin`), or
// none when it lies within `margin` of a half: there that error could decide the rounding, and the caller asks
// to_chars, which rounds the exact value. Human and machine formats round this way, to 4 and to 12 digits.
std::optional<double> nearest_integer_unless_near_half(double scaled, double margin) {
  const double whole = std::floor(scaled);
  const double fraction = scaled - whole;
  if (std::fabs(fraction - 0.5) <= margin) return std::nullopt;
  return fraction < 0.5 ? whole : whole + 1;
}

// The decimals that keep four significant digits of a magnitude in (0, 1e4): 3 - floor(log10(m)), by comparison
// (log10 was a sixth of formatting a number). Within an ulp of a power of ten the two may differ by a decimal;
// the number then rounds to that power either way, and the zeros that decimal adds are dropped.
int four_digit_decimals(double magnitude) {
  static constexpr std::array<double, 7> thresholds{1e3, 1e2, 1e1, 1, 1e-1, 1e-2, 1e-3};
  int decimals = 0;
  while (decimals < static_cast<int>(thresholds.size()) && magnitude < thresholds[static_cast<std::size_t>(decimals)]) {
    ++decimals;
  }
  return decimals;
}

// %.Nf of x with trailing zeros dropped, written into `out` (its size returned; 0: not here), for |x| below 10,000
// with N <= 7 (four significant digits), by arithmetic: to_chars rounding to a precision was a ninth of a
// compare's table. x * 10^N is within 1e-12 of its exact value (10^N is exact and the product below 10^4), so
// unless it lies within a millionth of a half, rounding it gives the integer that rounding x's exact value does;
// a near-half is left to to_chars.
std::size_t rounded_fixed(double x, int decimals, std::array<char, 24>& out) {
  if (decimals < 0 || decimals > 7) return 0;
  const auto point = static_cast<std::size_t>(decimals);
  const double scaled = std::fabs(x) * powers_of_ten[point];
  const std::optional<double> rounded = nearest_integer_unless_near_half(scaled, 1e-6);
  if (!(scaled < 1e5) || !rounded) return 0;
  auto units = static_cast<std::uint32_t>(*rounded);
  // The digits from the last, at least one before the point: 5 + 7 at most.
  std::array<char, 16> digits{};
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + units % 10);
    units /= 10;
  } while (units != 0 || count <= point);
  std::size_t dropped = 0;  // trailing zeros after the point
  while (dropped < point && digits[dropped] == '0') ++dropped;
  std::size_t size = 0;
  const bool zero = dropped == count - 1 && digits[count - 1] == '0';  // "-0" is written "0"
  if (x < 0 && !zero) out[size++] = '-';
  for (std::size_t i = count; i-- > point;) out[size++] = digits[i];
  if (dropped < point) {
    out[size++] = '.';
    for (std::size_t i = point; i-- > dropped;) out[size++] = digits[i];
  }
  return size;
}

}  // namespace

std::string human_number(double x) {
  const double magnitude = std::fabs(x);
  if (!std::isfinite(x)) return "—";  // never printed as inf or nan; no computation should give one
  // Beyond a quadrillion or below a ten-thousandth, digits stop being readable: an exponent instead.
  if (magnitude >= 1e15 || (magnitude > 0 && magnitude < 1e-4)) return to_text(x, std::chars_format::general, 4);
  if (magnitude >= 10000) return to_text(x, std::chars_format::fixed, 0);
  const int decimals = magnitude > 0 ? four_digit_decimals(magnitude) : 0;
  std::array<char, 24> rounded{};
  if (const std::size_t size = rounded_fixed(x, decimals, rounded)) return std::string(rounded.data(), size);
  std::string text = to_text(x, std::chars_format::fixed, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string plural(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

double tidy_number(double x) {
  if (!std::isfinite(x) || x == 0) return x;
  // 12 significant digits keep every figure any spec sheet prints (five at most) and every ratio far past its
  // inputs' precision, and drop the binary noise of unit conversions (206.15843020800003 is 206.158430208).
  //
  // By arithmetic first, as human_number rounds: x scaled to 12 digits before the point is within 1e-4 of its
  // exact value (10^s is exact up to 10^22, and one rounding of a number below 10^12 errs by at most 2^-14), so
  // unless it lies within a thousandth of a half, rounding it gives the 12 digits that rounding x's exact value
  // does. That integer divided by 10^s (or times 10^-s) is exact on both sides, so IEEE rounds the quotient to
  // the double nearest the decimal: what from_chars makes of the digits to_chars writes. A log10 one off, within
  // an ulp of a power of ten, counts a digit more or less, where both round to that power. To_chars and
  // from_chars took three times as long; they still take the near-halves and the far exponents.
  const double magnitude = std::fabs(x);
  if (magnitude >= 1e-10 && magnitude < 1e15) {
    const int shift = tidy_digits - 1 - static_cast<int>(std::floor(std::log10(magnitude)));  // -3 .. 22
    const double power = powers_of_ten[static_cast<std::size_t>(std::abs(shift))];
    const double scaled = shift >= 0 ? magnitude * power : magnitude / power;
    if (const std::optional<double> digits = nearest_integer_unless_near_half(scaled, 1e-3)) {
      return std::copysign(shift >= 0 ? *digits / power : *digits * power, x);
    }
  }
  double tidied = x;
  std::array<char, 32> text{};  // "-1.23456789012e-308" at most
  const auto end =
      std::to_chars(text.data(), text.data() + text.size(), x, std::chars_format::general, tidy_digits).ptr;
  std::from_chars(text.data(), end, tidied);
  return tidied;
}

std::string human_ratio(double x) { return human_number(x) + "×"; }

std::string big_number(double x) {
  if (std::fabs(x) < 1e6) return human_number(x);
  return fmt::format("{:.3g}", x);
}

std::string substitute(std::string_view text, std::initializer_list<substitution> table) {
  // A page escapes every cell and the whole embedded JSON: characters between two replaced ones go across as one
  // run, found by a lookup rather than a search of the table (that search was half of an HTML compare).
  std::string out;
  out.reserve(text.size());
  std::size_t run = 0;
  if (table.size() == 1) {  // the JSON in a page: memchr finds its one character faster than any loop here
    const substitution& only = *table.begin();
    for (std::size_t at = text.find(only.from); at != std::string_view::npos; at = text.find(only.from, run)) {
      out.append(text, run, at - run).append(only.to);
      run = at + 1;
    }
    return out.append(text, run);
  }
  std::array<bool, 256> replaced{};
  for (const substitution& s : table) replaced[static_cast<unsigned char>(s.from)] = true;
  const auto replace_at = [&](std::size_t i) {
    out.append(text, run, i - run);
    out += std::find_if(table.begin(), table.end(), [&](const substitution& s) { return s.from == text[i]; })->to;
    run = i + 1;
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Past sixteen bytes at a time that no entry replaces, where SSE2 is (every x86-64): a page escapes 3,500 texts
  // of a hundred bytes or more, and a lookup a byte was a tenth of writing it.
  constexpr std::size_t block = 16;
  constexpr std::size_t most_wanted = 8;
  __m128i wanted[most_wanted];  // NOLINT: std::array would drop the vector type's alignment attribute
  if (table.size() <= most_wanted) {
    std::size_t count = 0;
    for (const substitution& s : table) wanted[count++] = _mm_set1_epi8(s.from);
    while (i + block <= text.size()) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      __m128i hits = _mm_setzero_si128();
      for (std::size_t k = 0; k < count; ++k) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, wanted[k]));
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
      if (mask == 0) {
        i += block;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(mask));
      replace_at(i++);
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (replaced[static_cast<unsigned char>(text[i])]) replace_at(i);
  }
  out.append(text, run);
  return out;
}

grid escaped(grid g) {
  const auto clean = [](std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
    });
    if (!plain) text = printable(text, true);
  };
  for (auto& [key, text] : g.preamble) {
    clean(key);
    clean(text);
  }
  for (auto& header : g.headers) clean(header);
  for (auto& row : g.rows) {
    for (auto& c : row) {
      clean(c.text);
      clean(c.detail);
    }
  }
  for (auto& note : g.notes) clean(note);
  clean(g.title);
  return g;
}

}  // namespace xpuspec::render
