#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct sources_options {
  std::vector<std::string> chips;
};

int run_sources(const sources_options& o, context& ctx) {
  const catalog cat = ctx.load();
  ctx.emit(render::render(make_sources(chips_named(cat, o.chips)), ctx.output_format(), ctx.output_style()));
  return 0;
}

void setup_sources(CLI::App& app, context& ctx) {
  auto o = std::make_shared<sources_options>();
  auto* sub = app.add_subcommand(
      "sources", "Audit the data: every source each chip cites, and every estimate, derivation or missing value");
  sub->add_option("chips", o->chips, "Only these chips (default: all)")->type_name("CHIP");
  sub->footer("data/SOURCES.md is `xpuspec sources --format markdown` over the bundled data.");
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_sources(*o, c); }; });
}

}  // namespace xpuspec::cli
