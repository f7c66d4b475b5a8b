#include "catch.hpp"

#include "helpers.hpp"
#include "xpuspec/plan.hpp"

using namespace xpuspec;

TEST_CASE("plan train with a deadline: chips for time, chips for memory, days and MWh", "[plan]") {
  const chip alpha = test::fixture("acme-alpha");  // 100 TFLOPS bf16, 50 GB, 500 W
  train_job job;
  job.params = 1e9;
  job.active_params = 1e9;
  job.tokens = 1e12;
  job.mfu = 0.5;
  job.days = 1;
  const train_report r = plan_training({&alpha}, job);
  CHECK(r.flops == Approx(6e21));  // 6 x 1e9 x 1e12
  REQUIRE(r.rows.size() == 1);
  const train_row& row = r.rows[0];
  // One chip-day: 100e12 x 0.5 x 86400 = 4.32e18 FLOP; 6e21 / 4.32e18 = 1388.9, so 1389 chips.
  CHECK(row.chips_for_time == 1389u);
  CHECK(row.chips_for_memory == 1u);  // 1e9 x 16 bytes = 16 GB < 50 GB
  CHECK(row.chips == 1389u);
  CHECK(row.binding == "time");
  CHECK(*row.days == Approx(6e21 / (4.32e18 * 1389)));
  // 500 W x 1389 chips x 0.99992 days x 24 h = 16.667 MWh.
  CHECK(*row.energy_mwh == Approx(500.0 * 1389 * (6e21 / (4.32e18 * 1389)) * 24 / 1e6));
}

TEST_CASE("plan train: memory binds a large model on a short run", "[plan]") {
  const chip alpha = test::fixture("acme-alpha");
  train_job job;
  job.params = 1e12;  // 1e12 x 16 bytes = 16 TB of state: 320 chips of 50 GB
  job.active_params = 1e9;
  job.tokens = 1e9;
  job.days = 30;
  const train_report r = plan_training({&alpha}, job);
  CHECK(r.rows[0].chips_for_memory == 320u);
  CHECK(r.rows[0].chips_for_time == 1u);
  CHECK(r.rows[0].chips == 320u);
  CHECK(r.rows[0].binding == "memory");
}

TEST_CASE("plan train with a fleet: days, and whether the state fits", "[plan]") {
  const chip alpha = test::fixture("acme-alpha");
  train_job job;
  job.params = 4e9;  // 64 GB of state: more than one 50 GB chip
  job.active_params = 4e9;
  job.tokens = 1e9;
  job.chips = 1;
  const train_report r = plan_training({&alpha}, job);
  CHECK_FALSE(r.rows[0].fits);
  CHECK(r.rows[0].chips_for_memory == 2u);
  // 6 x 4e9 x 1e9 = 2.4e19 FLOP at 100e12 x 0.4 FLOP/s = 6e5 s = 6.944 days.
  CHECK(*r.rows[0].days == Approx(2.4e19 / (100e12 * 0.4) / 86400));
}

TEST_CASE("plan train: missing power leaves energy missing, not 0", "[plan]") {
  const chip beta = test::fixture("bolt-beta");  // power unpublished
  train_job job;
  job.params = job.active_params = 1e9;
  job.tokens = 1e12;
  job.days = 10;
  const train_report r = plan_training({&beta}, job);
  CHECK(r.rows[0].chips.has_value());
  CHECK_FALSE(r.rows[0].energy_mwh.has_value());
  CHECK(r.rows[0].missing_reason == "power.tdp is unpublished (Bolt publishes no power figure)");
}

TEST_CASE("plan serve: fit, and the two decode bounds", "[plan]") {
  const chip alpha = test::fixture("acme-alpha");  // 50 GB, 2 TB/s, 100 TFLOPS, domain 8
  serve_job job;
  job.params = job.active_params = 10e9;
  job.bytes_per_param = 2;  // 20 GB of weights
  job.context = 1000;
  job.batch = 4;
  job.kv_bytes_per_token = 1000;  // 1000 x 1000 x 4 = 4 MB of KV
  const serve_report r = plan_serving({&alpha}, job);
  CHECK(r.weight_bytes == Approx(20e9));
  CHECK(r.kv_bytes == Approx(4e6));
  const serve_row& row = r.rows[0];
  CHECK(row.chips_to_fit == 1u);
  // 4 x 2e12 B/s / (20e9 + 4e6) B per step = 399.92 tokens/s; 100e12 / (2 x 10e9) = 5000 tokens/s.
  CHECK(*row.tokens_per_s_bandwidth == Approx(4 * 2e12 / (20e9 + 4e6)));
  CHECK(*row.tokens_per_s_compute == Approx(5000));
  CHECK(row.bound == "bandwidth");
  // The binding bound over an hour / the chip-hour's price: 399.92 x 3600 / 2 USD = 719,856 tokens per USD.
  CHECK(*row.usd_per_hour.number == Approx(2));
  CHECK(*row.tokens_per_usd == Approx(4 * 2e12 / (20e9 + 4e6) * 3600 / 2));
}

TEST_CASE("plan serve: no price, no tokens per dollar", "[plan]") {
  const chip beta = test::fixture("bolt-beta");  // price unpublished
  serve_job job;
  job.params = job.active_params = 1e9;
  const serve_report r = plan_serving({&beta}, job);
  CHECK_FALSE(r.rows[0].usd_per_hour.known());
  CHECK_FALSE(r.rows[0].tokens_per_usd.has_value());
}

TEST_CASE("plan serve: a model too large for one scale-up domain says so", "[plan]") {
  const chip alpha = test::fixture("acme-alpha");
  serve_job job;
  job.params = job.active_params = 1e12;  // 2 TB of bf16 weights: 40 chips of 50 GB, domain 8
  const serve_report r = plan_serving({&alpha}, job);
  CHECK(r.rows[0].chips_to_fit == 40u);
  CHECK(*r.rows[0].domain == 8);
}
