#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct metrics_options {
  std::string precision = "bf16";
};

int run_metrics(const metrics_options& o, context& ctx) {
  const metrics_report report{parse_precision(o.precision)};
  ctx.emit_report(report);
  return 0;
}

void setup_metrics(CLI::App& app, context& ctx) {
  auto o = std::make_shared<metrics_options>();
  auto* sub = app.add_subcommand("metrics", "Every metric id with its unit and formula, to check any number by hand");
  add_precision_option(*sub, o->precision);
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_metrics(*o, c); }; });
}

XPUSPEC_COMMAND(metrics, 50, setup_metrics);

}  // namespace xpuspec::cli
