// Systems: N chips plus what only a system has. Figures the file states are used as stated; any other is the
// chip's times N, and power is never summed from chips.

#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/metrics.hpp"
#include "xpuspec/plan.hpp"
#include "xpuspec/runs.hpp"
#include "xpuspec/systems.hpp"

using namespace xpuspec;

namespace {

const catalog& with_systems() {
  static const catalog cat = load_catalog({});
  return cat;
}

chip_lookup system_lookup() {
  return [](std::string_view name) { return with_systems().find(name); };
}

// A minimal system on the H100 SXM: 8 chips, 10 kW, one stated figure.
std::string box_file(const std::string& extra = "", const std::string& power = R"("10 kW")") {
  return R"({"id": "test-box", "name": "Test box", "vendor": "NVIDIA", "status": "shipping", "source": "s",
    "chip": "h100", "chips": 8, )" + extra + R"("power": {"system": )" + power + R"(, "includes": "everything"},
    "sources": {"s": {"title": "T", "url": "https://example.com", "accessed": "2026-11-30"}}})";
}

double system_number(const chip& c, metric m) { return test::known_number(c, m); }

}  // namespace

TEST_CASE("a system's figures are its chips' times N unless stated, and its power is its own", "[systems]") {
  const chip& h100 = with_systems().get("nvidia-h100-sxm");
  const chip box = parse_system(box_file(R"("compute": {"fp8": {"sparse": "32 PFLOPS"}}, )"), "box.json", system_lookup());
  CHECK(box.is_system());
  CHECK(box.system_chips == 8);
  CHECK(box.system_chip == "nvidia-h100-sxm");
  // 8 x 989.4 TFLOPS dense bf16, 8 x 80 GB: derived from the chip.
  CHECK(*box.at(precision::bf16).dense.amount == Approx(8 * *h100.at(precision::bf16).dense.amount));
  CHECK(box.at(precision::bf16).dense.basis == basis::derived);
  CHECK(*box.memory_capacity.amount == Approx(640));
  // Stated: 32 PFLOPS = 32,000 TFLOPS, as written, with a note of what the chips alone give.
  CHECK(*box.at(precision::fp8).sparse.amount == Approx(32000));
  CHECK(box.at(precision::fp8).sparse.basis == basis::vendor);
  CHECK_THAT(box.at(precision::fp8).sparse.note.str(), test::contains("the chips alone"));
  // 10 kW, not 8 x 700 W.
  CHECK(*box.tdp.amount == Approx(10000));
  // Interconnect: the sum of the chips' (8 x 900 GB/s), so per-TFLOPS ratios stay per-chip ratios.
  CHECK(system_number(box, metric::interconnect_gb_s_per_tflop) == Approx(system_number(h100, metric::interconnect_gb_s_per_tflop)));
  // A chip's source is kept under the chip's id.
  CHECK(box.find_source(box.at(precision::bf16).dense.source) != nullptr);
}

TEST_CASE("a system whose maker publishes no power says so, with the chips' sum only in a note", "[systems]") {
  const chip box = parse_system(box_file("", R"({"value": "unpublished", "note": "none"})"), "box.json", system_lookup());
  CHECK_FALSE(box.tdp.known());
  CHECK(box.tdp.missing == absence::unpublished);
  CHECK_THAT(box.tdp.note.str(), test::contains("8 x 700 W = 5600 W"));
  CHECK_FALSE(evaluate(box, metric::tflops_per_watt, precision::bf16).known());
}

TEST_CASE("a malformed system file names the file and the place", "[systems]") {
  const auto fails_with = [](const std::string& text, const std::string& fragment) {
    INFO(text);
    REQUIRE_THROWS_AS(parse_system(text, "sys.json", system_lookup()), error);
    try {
      parse_system(text, "sys.json", system_lookup());
    } catch (const error& e) {
      CHECK_THAT(e.what(), test::contains("sys.json") && test::contains(fragment));
    }
  };
  fails_with(box_file(R"("racks": "16 kW", )"), "/racks");
  fails_with(box_file(R"("compute": {"bf17": "1 PFLOPS"}, )"), "/compute/bf17");
  fails_with(box_file(R"("memroy": {}, )"), "\"memroy\"");
  fails_with(box_file(R"("scale_up": {"domain": 9}, )"), "more than the system's 8");
  fails_with(box_file("", R"("1e30 W")"), "outside what a system can have");
  fails_with(box_file("", R"({"value": "10 kW", "source": "nowhere"})"), "\"nowhere\"");
  fails_with(R"({"id": "x", "name": "X", "vendor": "V", "status": "shipping", "chip": "no-such-chip", "chips": 8})",
             "no-such-chip");
  fails_with(R"({"id": "x", "name": "X", "vendor": "V", "status": "shipping", "chip": "h100", "chips": 8.5,
    "source": "s", "sources": {"s": {"title": "T", "url": "u", "accessed": "2026"}}})", "whole number");
  fails_with("[1, 2]", "expected a JSON object");
  fails_with("{", "JSON");
}

TEST_CASE("the bundled systems: at least 8, each on a bundled chip, each known figure sourced", "[systems][data]") {
  std::size_t systems = 0;
  for (const auto& c : with_systems().systems()) {
    if (!c.is_system()) continue;
    ++systems;
    INFO(c.id.str());
    CHECK(with_systems().find(c.system_chip) != nullptr);
    for (const value* v : {&c.at(precision::bf16).dense, &c.memory_capacity, &c.tdp}) {
      if (v->known()) CHECK(c.find_source(v->source) != nullptr);
    }
  }
  CHECK(systems >= 8);
}

TEST_CASE("CloudMatrix 384 against GB200 NVL72: about 1.7x the compute at about 3.9x the power", "[systems][data]") {
  // SemiAnalysis: 300 PFLOPS dense BF16 at 559 kW (as transcribed) against 72 x 2.5 PFLOPS = 180 PFLOPS at 145 kW:
  // 300 / 180 = 1.667, 559 / 145 = 3.855.
  const chip& cm = with_systems().get("cloudmatrix-384");
  const chip& nvl = with_systems().get("gb200-nvl72");
  CHECK(cm.id == "huawei-cloudmatrix-384");
  CHECK(nvl.id == "nvidia-gb200-nvl72");
  CHECK(system_number(cm, metric::tflops) / system_number(nvl, metric::tflops) == Approx(300.0 / 180.0));
  CHECK(system_number(cm, metric::tdp_w) / system_number(nvl, metric::tdp_w) == Approx(559.0 / 145.0));
  CHECK(system_number(cm, metric::memory_gb) == Approx(384 * 128));
}

TEST_CASE("plan train takes each vendor's utilisation from its published runs, the lowest, and says which",
          "[plan][runs][data]") {
  const auto runs = run_utilisations(with_systems(), bundled_training_runs());
  train_job job;
  job.params = job.active_params = 70e9;
  job.tokens = 2e12;
  job.days = 30;
  const chip& h100 = with_systems().get("nvidia-h100-sxm");
  const chip& mi300x = with_systems().get("amd-mi300x");
  const chip& nvl = with_systems().get("gb200-nvl72");
  const train_report r = plan_training({&h100, &mi300x, &nvl}, job, runs);
  // H100: Llama 3.1 405B is the run on this chip.
  REQUIRE(r.rows[0].utilisation.run != nullptr);
  CHECK(r.rows[0].utilisation.run->run_id == "llama-3.1-405b");
  // No published AMD run: the fallback, said as such.
  CHECK(r.rows[1].utilisation.run == nullptr);
  CHECK(r.rows[1].utilisation.mfu == fallback_mfu);
  // A system is planned with its vendor's runs (no run on the GB200 itself): the median of the NVIDIA runs whose
  // MFU chip-hours imply. GLM-130B's chip-hours are a calendar window, so its report's 32.5% stands in for it.
  REQUIRE(r.rows[2].utilisation.run != nullptr);
  CHECK(r.rows[2].utilisation.run->implied);
  std::size_t below = 0;
  std::size_t above = 0;
  for (const auto& u : runs) {
    if (u.vendor != "NVIDIA" || !u.implied) continue;
    below += u.mfu < r.rows[2].utilisation.mfu;
    above += u.mfu > r.rows[2].utilisation.mfu;
  }
  CHECK(below + 1 >= above);
  CHECK(above + 1 >= below);
  for (const auto& u : runs) {
    if (u.run_id == "glm-130b") CHECK_FALSE(u.implied);
  }
  // --mfu wins.
  job.mfu = 0.5;
  CHECK(plan_training({&h100}, job, runs).rows[0].utilisation.given);
}

TEST_CASE("plan serve's compute bound is never below a published measurement on the same chips", "[plan][data]") {
  const inference_results measured = bundled_inference_results();
  REQUIRE(measured.results.size() >= 5);
  for (const auto& m : measured.results) {
    INFO(m.id);
    const chip& c = with_systems().get(m.chip);
    serve_job job;
    job.params = job.active_params = m.params_active;
    job.bytes_per_param = 1;
    job.prec = m.prec;
    job.instance_chips = m.chips;
    job.batch = 1e6;  // the bandwidth bound grows with the batch: the compute bound is the ceiling
    const serve_report r = plan_serving({&c}, job);
    REQUIRE(r.rows[0].tokens_per_s_compute);
    CHECK(*r.rows[0].tokens_per_s_compute >= m.tokens_per_s);
    CHECK(std::min(*r.rows[0].tokens_per_s_compute, *r.rows[0].tokens_per_s_bandwidth) >= m.tokens_per_s);
  }
}

TEST_CASE("plan serve reports per instance: a model on 9 chips gets 9 chips' bandwidth, and per chip a ninth",
          "[plan]") {
  const chip& h100 = with_systems().get("nvidia-h100-sxm");
  serve_job job;
  job.params = 671e9;
  job.active_params = 37e9;
  job.bytes_per_param = 1;
  job.prec = precision::fp8;
  job.prompt = 1000;
  const serve_report r = plan_serving({&h100}, job);
  const serve_row& row = r.rows[0];
  CHECK(row.instance == 9);  // 671 GB over 80 GB chips
  // 9 x 3,350 GB/s / 37 GB per token = 814.86 tokens/s for the instance, 90.54 per chip.
  CHECK(*row.tokens_per_s_bandwidth == Approx(9 * 3350e9 / 37e9));
  CHECK(*row.tokens_per_s_per_chip == Approx(3350e9 / 37e9));
  // TTFT: 2 x 37e9 x 1000 FLOP over 9 x 1979 TFLOPS = 4.15 ms; one read of 37 GB over 9 x 3.35 TB/s = 1.23 ms.
  CHECK(*row.ttft_s == Approx(2 * 37e9 * 1000 / (9 * 1978.9e12)).epsilon(1e-3));
  job.instance_chips = 4;
  CHECK_FALSE(plan_serving({&h100}, job).rows[0].instance_fits);
}
