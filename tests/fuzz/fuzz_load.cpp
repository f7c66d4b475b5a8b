// libFuzzer target: any bytes through the whole path a chip file takes — parse, schema, load, validate, metrics,
// match, roofline, plans and every renderer. It may find nothing but a clean error; a crash, leak or sanitizer report is a bug.

#include <cstddef>
#include <cstdint>
#include <string>

#include "render/render.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"
#include "xpuspec/match.hpp"
#include "xpuspec/plan.hpp"
#include "xpuspec/metrics.hpp"
#include "xpuspec/report.hpp"
#include "xpuspec/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  xpuspec::validation_layer layer;
  layer.files.push_back({"fuzz.json", text});
  const xpuspec::validation_report report = xpuspec::validate({layer});
  for (auto f : {xpuspec::render::findings_format::text, xpuspec::render::findings_format::json,
                 xpuspec::render::findings_format::github}) {
    (void)xpuspec::render::render(report, f, {});
  }

  try {
    const xpuspec::chip c = xpuspec::parse_chip(text, "fuzz.json");
    for (xpuspec::precision p : xpuspec::all_precisions) {
      for (const auto& def : xpuspec::all_metrics()) (void)xpuspec::evaluate(c, def.id, p);
    }
    const auto compare = xpuspec::make_compare({&c}, xpuspec::precision::bf16, xpuspec::default_compare_metrics(), &c);
    const auto sheet = xpuspec::make_show(c);
    const auto match = xpuspec::make_match(c, c, 3, xpuspec::precision::bf16);
    const auto roofline = xpuspec::make_roofline({&c}, xpuspec::precision::fp8, {0.5, 100});
    xpuspec::train_job train;
    train.params = train.active_params = 7e9;
    train.tokens = 1e12;
    train.days = 30;
    xpuspec::serve_job serve;
    serve.params = serve.active_params = 7e9;
    serve.context = 4096;
    serve.kv_bytes_per_token = 1e5;
    const auto trained = xpuspec::plan_training({&c}, train);
    const auto served = xpuspec::plan_serving({&c}, serve);
    for (auto f : {xpuspec::render::format::table, xpuspec::render::format::json, xpuspec::render::format::csv,
                   xpuspec::render::format::markdown}) {
      (void)xpuspec::render::render(compare, f, {true, true});
      (void)xpuspec::render::render(sheet, f, {});
      (void)xpuspec::render::render(match, f, {});
      (void)xpuspec::render::render(roofline, f, {});
      (void)xpuspec::render::render(trained, f, {});
      (void)xpuspec::render::render(served, f, {});
    }
  } catch (const xpuspec::error&) {
    // The expected outcome for most inputs.
  }
  return 0;
}
