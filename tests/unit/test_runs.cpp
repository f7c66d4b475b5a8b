#include <string>

#include "catch.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/runs.hpp"

using namespace xpuspec;

namespace {

const std::string one_run = R"({"runs": [{"id": "r", "model": "M", "params_total_b": 100, "params_active_b": 10,
  "tokens_t": 2, "chip": "h100", "chips": 1000, "chip_hours": 100000, "peak_precision": "bf16",
  "reported_mfu": 0.4, "sources": ["s"]}],
  "sources": {"s": {"title": "T", "url": "https://example.com", "accessed": "2026-11-30"}}})";

const run_row& row_of(const runs_report& r, std::string_view id) {
  for (const auto& row : r.rows) {
    if (row.run.id == id) return row;
  }
  FAIL("no run " << id);
  return r.rows.front();
}

}  // namespace

TEST_CASE("implied MFU is 6 N D over chip-hours times the dense peak, with the active parameters of an MoE",
          "[runs]") {
  const catalog cat = load_catalog({});
  const auto r = make_runs(cat, parse_training_runs(one_run, "r.json"));
  // 6 x 10e9 x 2e12 = 1.2e23 FLOP; 100,000 h x 3600 s x 989.4e12 FLOP/s = 3.5618e23: 0.33690.
  CHECK(row_of(r, "r").model_flop == Approx(1.2e23));
  CHECK(*row_of(r, "r").implied_mfu.number == Approx(1.2e23 / (1e5 * 3600 * 989.4e12)));
}

TEST_CASE("the bundled runs imply what their reports' figures give by hand", "[runs][data]") {
  const catalog cat = load_catalog({});
  const auto r = make_runs(cat, bundled_training_runs());
  REQUIRE(r.rows.size() >= 6);
  // Llama 3.1 405B: 6 x 405e9 x 15.6e12 / (30.84e6 h x 3600 x 989.4e12) = 0.3451.
  CHECK(*row_of(r, "llama-3.1-405b").implied_mfu.number == Approx(0.3451).epsilon(0.001));
  // DeepSeek-V3: 6 x 37e9 x 14.8e12 / (2.664e6 h x 3600 x 989.4e12) = 0.3463.
  CHECK(*row_of(r, "deepseek-v3").implied_mfu.number == Approx(0.3463).epsilon(0.001));
  // PaLM 540B: 6 x 540e9 x 780e9 / (8,404,992 h x 3600 x 275e12) = 2.5272e24 / 8.3209e24 = 0.3037.
  CHECK(*row_of(r, "palm-540b").implied_mfu.number == Approx(0.3037).epsilon(0.001));
  // Published chip-hours include downtime: no run's implied MFU is above what it reports.
  for (const auto& row : r.rows) {
    INFO(row.run.id);
    if (row.implied_mfu.known() && row.run.reported_mfu) CHECK(*row.implied_mfu.number <= *row.run.reported_mfu);
    if (row.implied_mfu.known()) CHECK(*row.implied_mfu.number < 1);
  }
  CHECK_FALSE(row_of(r, "pangu-ultra").implied_mfu.known());
}

TEST_CASE("a malformed runs file names the file and the place", "[runs]") {
  std::string bad = one_run;
  bad.replace(bad.find("\"reported_mfu\": 0.4"), 19, "\"reported_mfu\": 40");
  CHECK_THROWS_WITH(parse_training_runs(bad, "r.json"), test::contains("r.json: /runs/0/reported_mfu"));
  std::string unsourced = one_run;
  unsourced.replace(unsourced.find("[\"s\"]"), 5, "[\"t\"]");
  CHECK_THROWS_WITH(parse_training_runs(unsourced, "r.json"), test::contains("source \"t\" is not a key"));
  std::string moe = one_run;
  moe.replace(moe.find("\"params_active_b\": 10"), 21, "\"params_active_b\": 1000");
  CHECK_THROWS_WITH(parse_training_runs(moe, "r.json"), test::contains("more than params_total_b"));
  std::string unknown_chip = one_run;
  unknown_chip.replace(unknown_chip.find("\"h100\""), 6, "\"h1000\"");
  CHECK_THROWS_WITH(make_runs(load_catalog({}), parse_training_runs(unknown_chip, "r.json")),
                    test::contains("training run \"r\""));
}
