// The bundled data, checked against the cited datasheets' figures and against the rules users rely on: every
// known value traces to a source with a URL, dense never exceeds sparse, and the aliases mean the SKU users mean.

#include "catch.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "xpuspec/bundled.hpp"
#include "xpuspec/catalog.hpp"
#include "xpuspec/fields.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/metrics.hpp"

using namespace xpuspec;

namespace {
const catalog& bundled() {
  static const catalog cat = load_catalog({});
  return cat;
}
double metric_of(std::string_view chip_name, metric m, precision p = precision::bf16) {
  const metric_value v = evaluate(bundled().get(chip_name), m, p);
  REQUIRE(v.known());
  return *v.number;
}
}  // namespace

TEST_CASE("the chips digested at build time equal the bundled files loaded now", "[data]") {
  // The binary answers from bundled_chips(), built by tools/digest_chips.cpp; a field it forgot to write out, or a
  // number it rounded, would make a bundled chip differ from the same file given with --data.
  const std::vector<chip> digested = bundled_chips();
  REQUIRE(digested.size() == bundled_files().size());
  REQUIRE_FALSE(digested.empty());
  for (const auto& file : bundled_files()) {
    const std::string origin = fmt::format("bundled:{}", file.name);
    INFO(origin);
    const chip loaded = parse_chip(file.text, origin, true);
    const auto same_file = [&](const chip& c) { return c.origin == origin; };
    REQUIRE(std::count_if(digested.begin(), digested.end(), same_file) == 1);
    CHECK(*std::find_if(digested.begin(), digested.end(), same_file) == loaded);
  }
  // In id order, the catalog's: it then sorts nothing on every run (file order is not id order: "-" sorts
  // before ".", so intel-gaudi-3-pcie.json comes before intel-gaudi-3.json).
  CHECK(std::is_sorted(digested.begin(), digested.end(), [](const chip& a, const chip& b) { return a.id < b.id; }));
}

TEST_CASE("the starter chips are all there", "[data]") {
  for (const char* name : {"ascend-910b", "ascend-950pr", "ascend-950dt", "a100", "a100-pcie", "h100", "h100-pcie",
                           "h200", "b200", "gb200", "mi300x", "tpu-v5e", "tpu-v5p", "tpu-v6e", "tpu-v7", "gaudi3", "b300", "mi355x"}) {
    CHECK(bundled().find(name) != nullptr);
  }
}

TEST_CASE("headline figures match the vendor datasheets, dense kept apart from sparse", "[data]") {
  // NVIDIA H100 datasheet: 1,979 TFLOPS BF16 with sparsity, 3.35 TB/s, 700 W. Dense is 989.4.
  CHECK(metric_of("h100", metric::tflops) == Approx(989.4));
  CHECK(*bundled().get("h100").at(precision::bf16).sparse.amount == Approx(1979));
  CHECK(metric_of("h100", metric::tdp_w) == Approx(700));
  CHECK(metric_of("h100", metric::tflops_per_watt) == Approx(989.4 / 700));  // 1.4134
  CHECK(metric_of("h100", metric::ridge_flop_per_byte) == Approx(989.4 / 3.35));  // 295.3 FLOP/byte
  // NVIDIA A100 datasheet: 312 TFLOPS BF16 dense (624 sparse), 2,039 GB/s, 400 W.
  CHECK(metric_of("a100", metric::tflops) == Approx(312));
  CHECK(metric_of("a100", metric::bandwidth_tb_s) == Approx(2.039));
  CHECK(metric_of("a100", metric::tflops_per_watt) == Approx(312.0 / 400));
  // HGX B200: 4.5 PFLOPS BF16 with sparsity, so 2.25 PFLOPS dense, at 1,000 W, 180 GB.
  CHECK(metric_of("b200", metric::tflops) == Approx(2250));
  CHECK(metric_of("b200", metric::tdp_w) == Approx(1000));
  CHECK(metric_of("b200", metric::memory_gb) == Approx(180));
  // AMD MI300X data sheet: 1,307.4 TFLOPS BF16 dense, 5.3 TB/s, 192 GB, 750 W.
  CHECK(metric_of("mi300x", metric::tflops) == Approx(1307.4));
  CHECK(metric_of("mi300x", metric::bandwidth_tb_s) == Approx(5.3));
  // Google TPU v5p: 459 TFLOPS bf16, 2,765 GBps, 95 GB; ICI 1,200 GBps bidirectional (Google's current table).
  CHECK(metric_of("tpu-v5p", metric::tflops) == Approx(459));
  CHECK(metric_of("tpu-v5p", metric::interconnect_gb_s) == Approx(1200));
  // TPU v6e 918 TFLOPS bf16; TPU7x 2,307 TFLOPS bf16 and 4,614 FP8. Capacity as the vendor prints it where it prints
  // both units: Google's table says 192 GiB, its announcement 192 GB; recorded 192 GB like v5p's 95 GB.
  CHECK(metric_of("tpu-v6e", metric::tflops) == Approx(918));
  CHECK(metric_of("ironwood", metric::tflops) == Approx(2307));
  CHECK(metric_of("ironwood", metric::tflops, precision::fp8) == Approx(4614));
  CHECK(metric_of("ironwood", metric::memory_gb) == Approx(192));
  // H200: H100 compute, 141 GB at 4.8 TB/s. GB200: 5 PFLOPS BF16 sparse, so 2.5 dense, at up to 1,200 W.
  CHECK(metric_of("h200", metric::tflops) == Approx(989.4));
  CHECK(metric_of("h200", metric::bandwidth_tb_s) == Approx(4.8));
  CHECK(metric_of("gb200", metric::tflops) == Approx(2500));
  CHECK(metric_of("gb200", metric::tflops_per_watt) == Approx(2500.0 / 1200));
  // H100 PCIe: 1,513 TFLOPS BF16 sparse, so 756.5 dense, at 350 W.
  CHECK(metric_of("h100-pcie", metric::tflops) == Approx(756.5));
  CHECK(metric_of("h100-pcie", metric::tdp_w) == Approx(350));
  // Intel Gaudi 3 (Hot Chips 2024): 1,835 TFLOPS BF16 matrix, 3.67 TB/s, 900 W air-cooled OAM.
  CHECK(metric_of("gaudi3", metric::tflops) == Approx(1835));
  CHECK(metric_of("gaudi3", metric::tflops_per_watt) == Approx(1835.0 / 900));
  // HGX B300: 36 PFLOPS FP16/BF16 with sparsity per 8 GPUs, so 4.5 sparse and 2.25 dense per GPU; 2.3 TB / 8.
  CHECK(metric_of("b300", metric::tflops) == Approx(36000.0 / 8 / 2));
  CHECK(*bundled().get("b300").at(precision::fp4).sparse.amount == Approx(144000.0 / 8));
  // No vendor per-GPU power for B300: the 1,100 W is an estimate, and so is every ratio over it.
  CHECK(evaluate(bundled().get("b300"), metric::tflops_per_watt, precision::bf16).basis == basis::estimate);
  // MI355X: per-CU rates x 256 CUs x 2.4 GHz: FP8 8,192 FLOP/clk -> 5,033.2; BF16 4,096 -> 2,516.6; 1,400 W.
  CHECK(metric_of("mi355x", metric::tflops, precision::fp8) == Approx(8192.0 * 256 * 2.4e9 / 1e12).epsilon(1e-4));
  CHECK(metric_of("mi355x", metric::tflops) == Approx(4096.0 * 256 * 2.4e9 / 1e12).epsilon(1e-4));
  CHECK(metric_of("mi355x", metric::tflops_per_watt) == Approx(2516.6 / 1400));
  // Ascend 910B (the 910B2 bin): 24 AI cores x 16x16x16 MACs x 2 FLOP x 1.8 GHz = 353.9 TFLOPS cube-only; Huawei's
  // CANN ops-nn migration guide: 64 GB at 1.6 TB/s. Gaudi 3 scale-up: 21 x 200 Gb/s x 2 directions = 1,050 GB/s.
  CHECK(metric_of("ascend-910b", metric::tflops) == Approx(24 * 4096 * 2 * 1.8e9 / 1e12).epsilon(1e-4));
  CHECK(metric_of("ascend-910b", metric::bandwidth_tb_s) == Approx(1.6));
  CHECK(metric_of("gaudi3", metric::interconnect_gb_s) == Approx(21 * 200 / 8.0 * 2));
  // Cloud: AWS p5.48xlarge (8 x H100 SXM) on demand in us-east-1, 55.04 USD/h; 989.4 TFLOPS per 6.88 USD/h.
  CHECK(metric_of("h100", metric::usd_per_chip_hour) == Approx(55.04 / 8));
  CHECK(metric_of("h100", metric::tflops_per_usd_hour) == Approx(989.4 / (55.04 / 8)));
}

TEST_CASE("what vendors do not publish stays missing", "[data]") {
  const metric_value tpu_power = evaluate(bundled().get("tpu-v5p"), metric::tflops_per_watt, precision::bf16);
  CHECK_FALSE(tpu_power.known());
  CHECK(tpu_power.missing == absence::unpublished);
  const chip& ascend = bundled().get("ascend-910b");
  CHECK(ascend.at(precision::bf16).dense.basis == basis::derived);
  CHECK(ascend.memory_bandwidth.basis == basis::vendor);
  CHECK(ascend.tdp.basis == basis::estimate);  // a third-party figure: Huawei publishes no per-chip power
  CHECK(bundled().get("mi308x").at(precision::bf16).dense.missing == absence::unpublished);
  CHECK(bundled().get("ascend-950dt").at(precision::fp8).dense.basis == basis::projected);
}

TEST_CASE("every bundled value traces to a source with a URL", "[data]") {
  for (const chip& c : bundled().chips()) {
    CHECK(c.bundled);
    for_each_value(c, [&](std::string_view field, const value& v, std::string_view) {
      if (!v.known()) return;
      INFO(c.id << " " << field);
      const source_ref* s = c.find_source(v.source);
      REQUIRE(s != nullptr);
      CHECK((s->url.view().rfind("https://", 0) == 0 || s->url.view().rfind("http://", 0) == 0));
      CHECK_FALSE(s->accessed.empty());
      if (v.basis == basis::estimate || v.basis == basis::derived) CHECK_FALSE(v.note.empty());
    });
    for (precision p : all_precisions) {
      const rate& r = c.at(p);
      if (r.dense.known() && r.sparse.known()) CHECK(*r.dense.amount <= *r.sparse.amount);
    }
  }
}
