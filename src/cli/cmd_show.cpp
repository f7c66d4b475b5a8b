#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct show_options {
  std::string chip;
};

int run_show(const show_options& o, context& ctx) {
  const catalog cat = ctx.load();
  ctx.emit_report(make_show(cat.get(o.chip)));
  return 0;
}

void setup_show(CLI::App& app, context& ctx) {
  auto o = std::make_shared<show_options>();
  auto* sub = app.add_subcommand("show", "One chip's whole sheet: every value with its unit, basis and source");
  sub->add_option("chip", o->chip, "Chip id or alias (any case)")->required()->type_name(type_name(value_type::chip));
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_show(*o, c); }; });
}

XPUSPEC_COMMAND(show, 20, setup_show);

}  // namespace xpuspec::cli
