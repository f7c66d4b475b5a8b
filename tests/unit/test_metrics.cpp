#include "catch.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "helpers.hpp"
#include "xpuspec/bundled.hpp"
#include "xpuspec/metrics.hpp"

using namespace xpuspec;

namespace {
double number(const chip& c, metric m, precision p = precision::bf16) { return test::known_number(c, m, p); }
}  // namespace

TEST_CASE("every metric of the alpha fixture matches a hand computation", "[metrics]") {
  // alpha: bf16 100 TFLOPS dense, 50 GB, 2 TB/s, 0.5 kW, 400 GB/s scale-up, 20,000 USD, 2 USD per chip-hour.
  const chip alpha = test::fixture("acme-alpha");
  CHECK(number(alpha, metric::tflops) == Approx(100));
  CHECK(number(alpha, metric::memory_gb) == Approx(50));
  CHECK(number(alpha, metric::bandwidth_tb_s) == Approx(2));
  CHECK(number(alpha, metric::tdp_w) == Approx(500));
  CHECK(number(alpha, metric::interconnect_gb_s) == Approx(400));
  CHECK(number(alpha, metric::price_usd) == Approx(20000));
  CHECK(number(alpha, metric::tflops_per_watt) == Approx(0.2));               // 100 / 500
  CHECK(number(alpha, metric::bandwidth_gb_s_per_tflop) == Approx(20));       // 2000 GB/s / 100
  CHECK(number(alpha, metric::ridge_flop_per_byte) == Approx(50));            // 100e12 FLOP/s / 2e12 B/s
  CHECK(number(alpha, metric::memory_gb_per_tflop) == Approx(0.5));          // 50 / 100
  CHECK(number(alpha, metric::interconnect_gb_s_per_tflop) == Approx(4));     // 400 / 100
  CHECK(number(alpha, metric::bandwidth_gb_s_per_watt) == Approx(4));         // 2000 / 500
  CHECK(number(alpha, metric::tflops_per_kusd) == Approx(5));                 // 100 / (20000 / 1000)
  CHECK(number(alpha, metric::usd_per_chip_hour) == Approx(2));              // 16 USD/h / 8 chips
  CHECK(number(alpha, metric::tflops_per_usd_hour) == Approx(50));           // 100 / 2
  CHECK(number(alpha, metric::usd_per_pflop_hour) == Approx(20));            // 2 / (100 / 1000)
  CHECK(evaluate(alpha, metric::usd_per_pflop_hour, precision::bf16).basis == basis::derived);
  // TPP: fp32 25 x 32 = 800, bf16 100 x 16 = 1600, int8 200 x 8 = 1600; the sparse fp8 400 does not count.
  CHECK(number(alpha, metric::tpp) == Approx(1600));
  CHECK(number(alpha, metric::tpp, precision::fp32) == Approx(1600));  // the same at every precision
  CHECK(tpp_precision(alpha) == precision::bf16);                      // the first of the highest
  CHECK(number(alpha, metric::performance_density) == Approx(1600.0 / 600));
  // int8 is 0.2 POPS = 200 TOPS, and its unit says TOPS: 200 / 500 W = 0.4 TOPS/W.
  CHECK(number(alpha, metric::tflops, precision::int8) == Approx(200));
  CHECK(number(alpha, metric::tflops_per_watt, precision::int8) == Approx(0.4));
  CHECK(metric_unit(metric::tflops_per_watt, precision::int8) == "TOPS/W");
  CHECK(metric_unit(metric::tflops_per_watt, precision::bf16) == "TFLOPS/W");
}

TEST_CASE("a metric over a missing value is missing, with the reason", "[metrics]") {
  const chip beta = test::fixture("bolt-beta");
  const metric_value watts = evaluate(beta, metric::tdp_w, precision::bf16);
  CHECK_FALSE(watts.known());
  CHECK(watts.missing == absence::unpublished);
  CHECK(watts.reason == "power.tdp is unpublished (Bolt publishes no power figure)");

  const metric_value efficiency = evaluate(beta, metric::tflops_per_watt, precision::bf16);
  CHECK_FALSE(efficiency.known());
  CHECK(efficiency.missing == absence::unpublished);
  CHECK(efficiency.reason == watts.reason);

  const metric_value fp8 = evaluate(beta, metric::tflops_per_watt, precision::fp8);
  CHECK(fp8.missing == absence::unsupported);
  CHECK(fp8.reason == "compute.fp8.dense is unsupported");

  const metric_value fp4 = evaluate(beta, metric::tflops, precision::fp4);
  CHECK(fp4.missing == absence::unknown);  // never mentioned in the file
}

TEST_CASE("a missing value's reason is its own, however many reasons came before it", "[metrics]") {
  // Reasons are remembered by field, absence and note (metrics.cpp): chips that differ in any one of them, read
  // in turn and again, must each get theirs, never the one remembered from the chip before.
  chip base = test::fixture("bolt-beta");
  base.tdp = {};
  base.tdp.missing = absence::unpublished;
  std::vector<chip> chips;
  for (const char* note : {"", "no power figure", "another note", "no power figure."}) {
    for (const absence a : {absence::unpublished, absence::unknown}) {
      chip c = base;
      c.tdp.missing = a;
      c.tdp.note = note;
      chips.push_back(c);
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const chip& c : chips) {
      const std::string note = c.tdp.note.str();
      const std::string expected = "power.tdp is " + std::string(to_string(c.tdp.missing)) +
                                   (note.empty() ? "" : " (" + note + ")");
      CHECK(evaluate(c, metric::tdp_w, precision::bf16).reason == expected);
      CHECK(evaluate(c, metric::tflops_per_watt, precision::bf16).reason == expected);
    }
    for (const precision p : {precision::fp8, precision::bf16, precision::fp8}) {
      const metric_value v = evaluate(chips[0], metric::tflops, p);
      if (!v.known()) CHECK(v.reason.view().starts_with(fmt::format("compute.{}.dense is ", to_string(p))));
    }
  }
}

TEST_CASE("a sparse-only figure never stands in for the dense one", "[metrics]") {
  const chip alpha = test::fixture("acme-alpha");  // fp8: only 400 TFLOPS sparse
  const metric_value fp8 = evaluate(alpha, metric::tflops, precision::fp8);
  CHECK_FALSE(fp8.known());
  CHECK(fp8.reason == "compute.fp8.dense is unknown (only the sparse figure is given)");
}

TEST_CASE("a derived metric takes the weakest basis of its inputs", "[metrics]") {
  const chip beta = test::fixture("bolt-beta");  // bf16 is an estimate, bandwidth a vendor figure
  // 4000 GB/s / 400 TFLOPS = 10, an estimate because one input is.
  const metric_value v = evaluate(beta, metric::bandwidth_gb_s_per_tflop, precision::bf16);
  CHECK(*v.number == Approx(10));
  CHECK(v.basis == basis::estimate);
  CHECK(evaluate(beta, metric::bandwidth_tb_s, precision::bf16).basis == basis::vendor);
  // 1600 Gb/s = 200 GB/s; 200 / 400 = 0.5. 128 GiB = 137.438953472 GB; / 400 = 0.34359738368.
  CHECK(number(beta, metric::interconnect_gb_s_per_tflop) == Approx(0.5));
  CHECK(number(beta, metric::memory_gb_per_tflop) == Approx(0.34359738368));

  const chip gamma = test::fixture("acme-gamma");  // projected: 1 PFLOPS, 200 GB
  const metric_value g = evaluate(gamma, metric::memory_gb_per_tflop, precision::bf16);
  CHECK(*g.number == Approx(0.2));  // 200 / 1000
  CHECK(g.basis == basis::projected);
}

TEST_CASE("a hand-built chip with a zero denominator gives missing, not inf", "[metrics]") {
  chip c;
  c.at(precision::bf16).dense.amount = 100;
  c.tdp.amount = 0;  // loading rejects this; the library guards anyway
  const metric_value v = evaluate(c, metric::tflops_per_watt, precision::bf16);
  CHECK_FALSE(v.known());
  CHECK(v.missing == absence::unknown);
}

TEST_CASE("metric ids are the public names of design.md", "[metrics]") {
  const std::vector<std::string> expected{
      "tflops",       "memory_gb",           "bandwidth_tb_s",      "tdp_w",
      "interconnect_gb_s", "price_usd",      "usd_per_chip_hour",   "tflops_per_watt",
      "bandwidth_gb_s_per_tflop", "ridge_flop_per_byte", "memory_gb_per_tflop", "interconnect_gb_s_per_tflop",
      "bandwidth_gb_s_per_watt", "tflops_per_kusd", "tflops_per_usd_hour", "usd_per_pflop_hour", "tpp",
      "performance_density"};
  CHECK(metric_names() == expected);
  for (const auto& def : all_metrics()) {
    CHECK(metric_from_string(def.name) == def.id);
    CHECK(&definition(def.id) == &def);
    CHECK_FALSE(def.formula.empty());
  }
  CHECK_FALSE(metric_from_string("tflops_per_wat").has_value());
}

TEST_CASE("scale-up bandwidth given per direction is doubled, so it compares with NVLink-style sums", "[metrics]") {
  chip alpha = test::fixture("acme-alpha");  // 400 GB/s scale-up
  alpha.interconnect_direction = "bidirectional";
  CHECK(number(alpha, metric::interconnect_gb_s) == Approx(400));
  CHECK(evaluate(alpha, metric::interconnect_gb_s, precision::bf16).basis == basis::vendor);
  alpha.interconnect_direction = "unidirectional";
  CHECK(number(alpha, metric::interconnect_gb_s) == Approx(800));
  CHECK(evaluate(alpha, metric::interconnect_gb_s, precision::bf16).basis == basis::derived);
  CHECK(number(alpha, metric::interconnect_gb_s_per_tflop) == Approx(8));  // 800 / 100
}

TEST_CASE("scale-up bandwidth whose direction the vendor does not state is compared as given, as an estimate",
          "[metrics]") {
  chip alpha = test::fixture("acme-alpha");  // 400 GB/s scale-up
  alpha.interconnect_direction = "unstated";
  CHECK(number(alpha, metric::interconnect_gb_s) == Approx(400));
  CHECK(evaluate(alpha, metric::interconnect_gb_s, precision::bf16).basis == basis::estimate);
}

TEST_CASE("evaluate_each gives what evaluate gives, metric by metric, for every bundled chip and precision",
          "[metrics]") {
  // It reads each raw input once for all the metrics; that must change nothing: known or missing, the number, the
  // basis, the reason and the sources. The metrics go derived first, with repeats, so no raw input is read before
  // a ratio asks for it.
  std::vector<metric> metrics;
  for (auto it = all_metrics().rbegin(); it != all_metrics().rend(); ++it) metrics.push_back(it->id);
  metrics.push_back(metric::tflops_per_watt);
  metrics.push_back(metric::tflops);
  std::size_t compared = 0;
  for (const chip& c : bundled_chips()) {
    for (precision p : all_precisions) {
      const std::vector<metric_value> each = evaluate_each(c, metrics, p);
      REQUIRE(each.size() == metrics.size());
      for (std::size_t i = 0; i < metrics.size(); ++i) {
        const metric_value one = evaluate(c, metrics[i], p);
        INFO(c.id << " " << to_string(p) << " " << definition(metrics[i]).name);
        REQUIRE(each[i].known() == one.known());
        if (one.known()) CHECK(*each[i].number == *one.number);
        CHECK(each[i].missing == one.missing);
        CHECK(each[i].basis == one.basis);
        CHECK(each[i].reason == one.reason);
        CHECK(std::vector<text>(each[i].sources.begin(), each[i].sources.end()) ==
              std::vector<text>(one.sources.begin(), one.sources.end()));
        ++compared;
      }
    }
  }
  CHECK(compared >= 60 * precision_count * 19);
}
