// Charts as self-contained SVG: no scripts, no external fonts or images, an opaque background of its own so the
// chart reads the same on a light page and a dark one, and colours from the Okabe-Ito palette, which stays
// distinguishable with the common colour-vision deficiencies. Missing data is written into the chart, not dropped.

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "render/grid.hpp"
#include "xpuspec/names.hpp"
#include "render/render.hpp"

namespace xpuspec::render {
namespace {

constexpr std::array<std::string_view, 8> palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                  "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr std::string_view font = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
constexpr std::string_view ink = "#1a1a1a";
constexpr std::string_view faint = "#6b6b6b";
constexpr std::string_view rule = "#d9d9d9";

// XML 1.0 has no control characters at all: a chip name holding one would make the chart unreadable.
std::string xml(std::string_view text) {
  return substitute(printable(text, true), {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}});
}

std::string px(double v) { return fmt::format("{:.1f}", v); }

struct canvas {
  double width, height;
  std::string body;

  void text(double x, double y, std::string_view content, std::string_view anchor = "start", int size = 13,
            std::string_view colour = ink, std::string_view extra = "") {
    body += fmt::format(R"(<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}"{}>{}</text>)", px(x), px(y),
                        size, anchor, colour, extra, xml(content)) +
            "\n";
  }
  void line(double x1, double y1, double x2, double y2, std::string_view colour, double stroke = 1,
            std::string_view extra = "") {
    body += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>)", px(x1), px(y1),
                        px(x2), px(y2), colour, stroke, extra) +
            "\n";
  }
  std::string finish(std::string_view title) const {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" font-family="{2}">
<title>{3}</title>
<rect width="{0}" height="{1}" fill="#ffffff"/>
{4}</svg>
)",
                       width, height, font, xml(title), body);
  }
};

// "power.tdp is unpublished (Google publishes ...)" -> "power.tdp is unpublished": a chart has room for what is
// missing, not for why; `show` and the table formats give the note.
std::string short_reason(std::string_view reason) { return std::string(reason.substr(0, reason.find(" ("))); }

std::string precision_label(precision p) { return fmt::format("dense {}", to_string(p)); }

// Decades covering [lo, hi] on a log axis; a bound that is not a positive finite number (no chip data gives one,
// but a float must never reach an int conversion it overflows) is held to a double's range.
std::pair<int, int> decades(double lo, double hi) {
  const auto exponent = [](double x, bool up) {
    if (!(x > 0) || !std::isfinite(x)) return x > 0 ? 308 : -308;
    const double decade = up ? std::ceil(std::log10(x)) : std::floor(std::log10(x));
    return static_cast<int>(std::clamp(decade, -308.0, 308.0));
  };
  const int first = exponent(lo, false);
  return {first, std::max(first + 1, exponent(hi, true))};
}

// A round step for about `count` ticks over [0, hi].
double nice_step(double hi, int count) {
  const double raw = hi / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

// Announced and projected chips: figures from a launch or a roadmap, not from a product that ships.
bool not_shipping(const chip& c) { return c.status == "announced" || c.status == "projected"; }

// The chart's sources, so it can be checked when it travels alone (a slide, a README): who published the figures
// drawn, in the order first cited, and the latest date any of them was read. Wrapped to the chart's width.
struct footnote {
  std::vector<std::string> publishers;
  std::string read_by;

  void cite(const chip& subject, const metric_value& v) {
    for (const text& id : v.sources) {
      const source_ref* s = subject.find_source(id);
      if (s == nullptr) continue;
      const std::string who = s->publisher.empty() ? s->title.str() : s->publisher.str();
      if (std::find(publishers.begin(), publishers.end(), who) == publishers.end()) publishers.push_back(who);
      read_by = std::max(read_by, s->accessed.str());
    }
  }
  std::vector<std::string> lines(std::size_t width) const {
    std::string all = publishers.empty() ? "Sources: none cited for the values drawn."
                                         : fmt::format("Sources: {}.", fmt::join(publishers, "; "));
    if (!read_by.empty()) all += fmt::format(" Read up to {}.", read_by);
    all += " Every figure with its citation: xpuspec sources.";
    std::vector<std::string> out{""};
    std::size_t at = 0;
    while (at < all.size()) {
      const std::size_t space = all.find(' ', at);
      const std::string word = all.substr(at, space == std::string::npos ? std::string::npos : space - at);
      at = space == std::string::npos ? all.size() : space + 1;
      if (!out.back().empty() && out.back().size() + 1 + word.size() > width) out.emplace_back();
      out.back() += (out.back().empty() ? "" : " ") + word;
    }
    return out;
  }
  // Draws the lines from y down, growing the canvas to hold them.
  void draw(canvas& c, double y) const {
    const auto text = lines(static_cast<std::size_t>((c.width - 32) / 6.2));
    c.height = std::max(c.height, y + 15.0 * static_cast<double>(text.size()) + 8);
    for (const auto& line : text) {
      c.text(16, y + 11, line, "start", 11, faint);
      y += 15;
    }
  }
};

}  // namespace

std::string render_svg(const roofline_report& r) {
  struct drawn {
    const chip* subject;
    double peak, bandwidth, knee;  // TFLOPS, TFLOPS per FLOP/byte (= TB/s), FLOP/byte
  };
  std::vector<drawn> lines;
  std::vector<std::string> missing;
  for (const auto& row : r.rows) {
    if (row.peak.known() && row.knee.known()) {
      lines.push_back({row.subject, *row.peak.number, *row.peak.number / *row.knee.number, *row.knee.number});
    } else {
      missing.push_back(fmt::format("{}: missing", row.subject->id));
      missing.push_back(short_reason(row.peak.known() ? row.knee.reason : row.peak.reason));
    }
  }

  const double legend_w = 300;
  canvas c{900, 0, {}};
  const double left = 78, top = 56, plot_w = c.width - left - legend_w - 30, plot_h = 380;
  c.height = std::max(top + plot_h + 70, top + 40.0 + 37.0 * static_cast<double>(r.rows.size() + 1));

  // Axes span every knee with room either side, and the marked intensities.
  double x_lo = 1, x_hi = 1000, y_lo = 1, y_hi = 1000;
  if (!lines.empty()) {
    x_lo = x_hi = lines.front().knee;
    y_hi = lines.front().peak;
    for (const auto& l : lines) {
      x_lo = std::min(x_lo, l.knee);
      x_hi = std::max(x_hi, l.knee);
      y_hi = std::max(y_hi, l.peak);
    }
    x_lo /= 30;
    x_hi *= 10;
  }
  for (double x : r.intensities) {
    x_lo = std::min(x_lo, x / 2);
    x_hi = std::max(x_hi, x * 2);
  }
  // Plain variables, not structured bindings: clang 14 cannot capture those in a lambda.
  const std::pair<int, int> x_decades = decades(x_lo, x_hi);
  const int x0 = x_decades.first, x1 = x_decades.second;
  y_lo = y_hi;
  for (const auto& l : lines) y_lo = std::min(y_lo, l.bandwidth * std::pow(10.0, x0));
  const std::pair<int, int> y_decades = decades(y_lo, y_hi * 1.5);
  const int y0 = y_decades.first, y1 = y_decades.second;
  const auto sx = [&](double x) { return left + (std::log10(x) - x0) / (x1 - x0) * plot_w; };
  const auto sy = [&](double y) { return top + plot_h - (std::log10(y) - y0) / (y1 - y0) * plot_h; };

  c.text(left, 30, fmt::format("Roofline, {}: attainable TFLOPS = min(peak, memory bandwidth x intensity)",
                               precision_label(r.prec)),
         "start", 16, ink, R"( font-weight="bold")");
  for (int k = x0; k <= x1; ++k) {
    const double x = sx(std::pow(10.0, k));
    c.line(x, top, x, top + plot_h, rule);
    c.text(x, top + plot_h + 18, human_number(std::pow(10.0, k)), "middle", 12, faint);
  }
  for (int k = y0; k <= y1; ++k) {
    const double y = sy(std::pow(10.0, k));
    c.line(left, y, left + plot_w, y, rule);
    c.text(left - 8, y + 4, human_number(std::pow(10.0, k)), "end", 12, faint);
  }
  c.line(left, top + plot_h, left + plot_w, top + plot_h, ink);
  c.line(left, top, left, top + plot_h, ink);
  c.text(left + plot_w / 2, top + plot_h + 42, "Arithmetic intensity (FLOP/byte, log scale)", "middle");
  c.text(22, top + plot_h / 2, "Attainable TFLOPS (log scale)", "middle", 13, ink,
         fmt::format(R"attr( transform="rotate(-90 22 {})")attr", px(top + plot_h / 2)));

  for (double x : r.intensities) {
    c.line(sx(x), top, sx(x), top + plot_h, faint, 1, R"( stroke-dasharray="4 4")");
    c.text(sx(x) + 4, top + 14, fmt::format("@{}", human_number(x)), "start", 11, faint);
  }

  double legend_y = top + 6;
  const double legend_x = left + plot_w + 30;
  c.text(legend_x, legend_y, "chip: peak TFLOPS, knee FLOP/byte", "start", 12, faint);
  legend_y += 22;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    const std::string_view colour = palette[i % palette.size()];
    // A chip that is not shipping is drawn dashed, so a projection never passes for a measured product; past the
    // palette's eight colours, lines repeat a colour with a hollow knee so no two read the same.
    const bool projection = not_shipping(*l.subject);
    const std::string dash = projection ? R"( stroke-dasharray="7 4")" : "";
    const bool second_round = i >= palette.size();
    const double start = std::pow(10.0, x0), end = std::pow(10.0, x1);
    const double rise_end = std::min(l.knee, end);
    c.body += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2.5"{} points="{},{} {},{} {},{}"/>)",
                          colour, dash, px(sx(start)), px(sy(std::max(l.bandwidth * start, std::pow(10.0, y0)))),
                          px(sx(rise_end)), px(sy(l.bandwidth * rise_end)), px(sx(end)), px(sy(l.peak))) +
              "\n";
    c.body += fmt::format(R"(<circle cx="{}" cy="{}" r="4.5" fill="{}" stroke="{}" stroke-width="1.5"/>)",
                          px(sx(l.knee)), px(sy(l.peak)), second_round ? "#ffffff" : colour,
                          second_round ? colour : "#ffffff") +
              "\n";
    c.line(legend_x, legend_y - 4, legend_x + 22, legend_y - 4, colour, 3, dash);
    c.text(legend_x + 28, legend_y, fmt::format("{}: {}, knee {}{}", l.subject->id, human_number(l.peak),
                                                human_number(l.knee), projection ? " (projected, dashed)" : ""),
           "start", 12);
    legend_y += 22;
  }
  for (std::size_t i = 0; i < missing.size(); ++i) {  // pairs: "id: missing", then what is missing, indented
    c.text(legend_x + (i % 2 ? 12 : 0), legend_y, missing[i], "start", 11, faint, R"( font-style="italic")");
    legend_y += i % 2 ? 22 : 15;
  }
  footnote sources;
  for (const auto& row : r.rows) {
    sources.cite(*row.subject, row.peak);
    sources.cite(*row.subject, row.knee);
  }
  sources.draw(c, std::max(top + plot_h + 56, legend_y));
  return c.finish(fmt::format("Roofline ({})", precision_label(r.prec)));
}

std::string render_svg(const rank_report& r) {
  const metric_def& def = definition(r.by);
  const std::string unit = metric_unit(r.by, r.prec);
  const double label_w = 210, bar_w = 520, row_h = 26, top = 64;
  canvas c{label_w + bar_w + 140, top + row_h * static_cast<double>(r.rows.size()) + 56, {}};

  double hi = 0;
  for (const auto& row : r.rows) {
    if (row.value.known()) hi = std::max(hi, *row.value.number);
  }
  const double step = hi > 0 ? nice_step(hi, 5) : 1;
  // Rounded up to a whole step, unless that overflows (a value near the largest double).
  const double rounded = hi > 0 ? std::ceil(hi / step) * step : 1;
  const double axis_hi = std::isfinite(rounded) ? rounded : hi;
  const int ticks = static_cast<int>(std::clamp(std::floor(axis_hi / step + 0.5), 1.0, 20.0));
  const auto sx = [&](double v) { return label_w + v / axis_hi * bar_w; };

  c.text(16, 28, fmt::format("{} ({}), {}, {} first", def.name, unit, precision_label(r.prec),
                             r.ascending ? "lowest" : "highest"),
         "start", 16, ink, R"( font-weight="bold")");
  c.text(16, 46, std::string(def.label), "start", 12, faint);
  const double bottom = top + row_h * static_cast<double>(r.rows.size());
  for (int k = 0; k <= ticks; ++k) {
    const double v = step * k;
    c.line(sx(v), top - 6, sx(v), bottom, rule);
    c.text(sx(v), bottom + 18, human_number(v), "middle", 11, faint);
  }
  c.line(label_w, top - 6, label_w, bottom, ink);
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    const double y = top + row_h * static_cast<double>(i);
    c.text(label_w - 8, y + 17, row.subject->id, "end", 12);
    if (row.value.known()) {
      const double v = *row.value.number;
      const std::string_view colour = palette[0];
      // A chip that is not shipping gets a hollow bar: a projection, not a product.
      const bool projection = not_shipping(*row.subject);
      c.body += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="1.5"{}/>)",
                            px(label_w), px(y + 4), px(std::max(1.0, sx(v) - label_w)), px(row_h - 8),
                            projection ? "none" : colour, colour, projection ? R"( stroke-dasharray="4 2")" : "") +
                "\n";
      const std::string tag = (row.value.basis == basis::vendor ? "" : fmt::format(" [{}]", to_string(row.value.basis))) +
                              (projection ? fmt::format(" ({})", row.subject->status) : "");
      c.text(sx(v) + 6, y + 17, human_number(v) + tag, "start", 12);
    } else {
      c.text(label_w + 8, y + 17, fmt::format("missing: {}", short_reason(row.value.reason)), "start", 12, faint,
             R"( font-style="italic")");
    }
  }
  footnote sources;
  for (const auto& row : r.rows) sources.cite(*row.subject, row.value);
  sources.draw(c, bottom + 30);
  return c.finish(fmt::format("{} by chip", def.name));
}

}  // namespace xpuspec::render
