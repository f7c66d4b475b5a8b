#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "render/grid.hpp"
#include "xpuspec/names.hpp"

namespace xpuspec::render {

std::string human_number(double x) {
  const double magnitude = std::fabs(x);
  if (!std::isfinite(x)) return "—";  // never printed as inf or nan; no computation should give one
  // Beyond a quadrillion or below a ten-thousandth, digits stop being readable: an exponent instead.
  if (magnitude >= 1e15 || (magnitude > 0 && magnitude < 1e-4)) return fmt::format("{:.4g}", x);
  if (magnitude >= 10000) return fmt::format("{:.0f}", x);
  int decimals = 0;
  if (magnitude > 0) decimals = std::max(0, 3 - static_cast<int>(std::floor(std::log10(magnitude))));
  std::string text = fmt::format("{:.{}f}", x, decimals);
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
  double tidied = x;
  const std::string text = fmt::format("{:.12g}", x);
  std::from_chars(text.data(), text.data() + text.size(), tidied);
  return tidied;
}

std::string human_ratio(double x) { return human_number(x) + "×"; }

std::string big_number(double x) {
  if (std::fabs(x) < 1e6) return human_number(x);
  return fmt::format("{:.3g}", x);
}

std::string substitute(std::string_view text, std::initializer_list<substitution> table) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto* hit = std::find_if(table.begin(), table.end(), [c](const substitution& s) { return s.from == c; });
    if (hit == table.end()) {
      out += c;
    } else {
      out += hit->to;
    }
  }
  return out;
}

grid escaped(grid g) {
  const auto clean = [](std::string& text) { text = printable(text, true); };
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
  for (auto& r : g.references) {
    for (std::string* field : {&r.title, &r.publisher, &r.published, &r.url, &r.via, &r.accessed, &r.label}) clean(*field);
  }
  return g;
}

}  // namespace xpuspec::render
