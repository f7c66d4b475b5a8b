// libFuzzer target: any bytes through the whole path a chip file takes — parse, schema, load, validate, metrics
// and every renderer. It may find nothing but a clean error; a crash, leak or sanitizer report is a bug.

#include <cstddef>
#include <cstdint>
#include <string>

#include "render/render.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/load.hpp"
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
    for (auto f : {xpuspec::render::format::table, xpuspec::render::format::json, xpuspec::render::format::csv,
                   xpuspec::render::format::markdown}) {
      (void)xpuspec::render::render(compare, f, {true, true});
      (void)xpuspec::render::render(sheet, f, {});
    }
  } catch (const xpuspec::error&) {
    // The expected outcome for most inputs.
  }
  return 0;
}
