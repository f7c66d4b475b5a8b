#include <memory>

#include "cli/context.hpp"
#include "xpuspec/runs.hpp"

namespace xpuspec::cli {

int run_runs(context& ctx) {
  const catalog cat = ctx.load();
  ctx.emit_report(make_runs(cat, bundled_training_runs()));
  return 0;
}

void setup_runs(CLI::App& app, context& ctx) {
  auto* sub = app.add_subcommand(
      "runs", "Published training runs (model, tokens, chips, chip-hours) and the MFU their chip-hours imply");
  sub->callback([&ctx] { ctx.run = [](context& c) { return run_runs(c); }; });
}

XPUSPEC_COMMAND(runs, 117, setup_runs);

}  // namespace xpuspec::cli
