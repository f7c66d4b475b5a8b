#include "catch.hpp"

#include "helpers.hpp"
#include "xpuspec/match.hpp"

using namespace xpuspec;

TEST_CASE("chips_to_match is the smallest whole number that is enough", "[match]") {
  CHECK(chips_to_match(100, 400, 1) == 4);     // 400 / 100 = 4 exactly
  CHECK(chips_to_match(100, 401, 1) == 5);     // 4.01 rounds up
  CHECK(chips_to_match(0.5, 1, 2) == 4);       // 2 x 1 / 0.5
  CHECK(chips_to_match(0.1, 0.3, 1) == 3);     // 0.3 / 0.1 is 2.9999999999999996 in doubles: still 3
  CHECK(chips_to_match(400, 100, 1) == 1);     // a chip that beats the target needs one, not zero
  CHECK(chips_to_match(400, 100, 8) == 2);     // 8 x 100 / 400
  CHECK(chips_to_match(100, 400, 0) == 0);     // nothing to match
}

TEST_CASE("match: per-dimension counts, the binding one, and both sides' power", "[match]") {
  // alpha: 100 TFLOPS, 2 TB/s, 50 GB, 400 GB/s, 500 W, 20,000 USD.
  // beta: 400 TFLOPS (estimate), 4 TB/s, 128 GiB = 137.44 GB, 200 GB/s, power unpublished.
  const chip alpha = test::fixture("acme-alpha");
  const chip beta = test::fixture("bolt-beta");
  const match_report r = make_match(alpha, beta, 10, precision::bf16);
  REQUIRE(r.dimensions.size() == 4);
  // compute: 10 x 400 / 100 = 40; bandwidth: 10 x 4 / 2 = 20; memory: 10 x 137.44 / 50 = 27.49 -> 28;
  // interconnect: 10 x 200 / 400 = 5.
  CHECK(*r.dimensions[0].chips == 40);
  CHECK(*r.dimensions[0].ratio == Approx(4));
  CHECK(*r.dimensions[1].chips == 20);
  CHECK(*r.dimensions[2].chips == 28);
  CHECK(*r.dimensions[3].chips == 5);
  CHECK(r.binding == match_dimension::compute);
  CHECK(r.chips_needed == 40u);
  CHECK(*r.subject_power.total_w == Approx(40 * 500));  // 20 kW
  CHECK_FALSE(r.target_power.total_w.has_value());      // beta's power is unpublished
  CHECK(r.target_power.each.missing == absence::unpublished);
  CHECK(*r.subject_cost_usd == Approx(40 * 20000));
  CHECK_FALSE(r.target_cost_usd.has_value());
}

TEST_CASE("match: a missing dimension is reported, not dropped", "[match]") {
  const chip alpha = test::fixture("acme-alpha");
  const chip gamma = test::fixture("acme-gamma");  // no bandwidth, power or interconnect
  const match_report r = make_match(alpha, gamma, 1, precision::bf16);
  REQUIRE(r.dimensions.size() == 4);
  CHECK(*r.dimensions[0].chips == 10);  // 1000 / 100
  CHECK_FALSE(r.dimensions[1].chips.has_value());
  CHECK(r.dimensions[1].missing_reason == "acme-gamma: memory.bandwidth is unknown");
  CHECK(*r.dimensions[2].chips == 4);  // 200 / 50
  CHECK_FALSE(r.dimensions[3].chips.has_value());
  CHECK(r.binding == match_dimension::compute);
}

TEST_CASE("match --by restricts to one dimension", "[match]") {
  const chip alpha = test::fixture("acme-alpha");
  const chip beta = test::fixture("bolt-beta");
  const match_report r = make_match(alpha, beta, 10, precision::bf16, match_dimension::interconnect);
  REQUIRE(r.dimensions.size() == 1);
  CHECK(r.binding == match_dimension::interconnect);
  CHECK(r.chips_needed == 5u);
}

TEST_CASE("roofline: min(peak, bandwidth x intensity) and the knee", "[match]") {
  const chip alpha = test::fixture("acme-alpha");  // 100 TFLOPS, 2 TB/s: knee at 50 FLOP/byte
  const chip gamma = test::fixture("acme-gamma");  // no bandwidth
  const roofline_report r = make_roofline({&alpha, &gamma}, precision::bf16, {10, 50, 200});
  REQUIRE(r.rows.size() == 2);
  CHECK(*r.rows[0].knee.number == Approx(50));
  CHECK(*r.rows[0].points[0].attainable.number == Approx(20));  // 2 TB/s x 10 FLOP/byte = 20 TFLOPS
  CHECK(r.rows[0].points[0].memory_bound);
  CHECK(*r.rows[0].points[1].attainable.number == Approx(100));  // at the knee both roofs meet
  CHECK_FALSE(r.rows[0].points[1].memory_bound);
  CHECK(*r.rows[0].points[2].attainable.number == Approx(100));
  CHECK_FALSE(r.rows[1].points[0].attainable.known());
  CHECK(r.rows[1].points[0].attainable.reason == "memory.bandwidth is unknown");
}
