#include <memory>

#include "cli/context.hpp"
#include <fmt/format.h>

#include "xpuspec/error.hpp"
#include "xpuspec/export_control.hpp"

namespace xpuspec::cli {

struct export_control_options {
  std::vector<std::string> chips;
};

int run_export_control(const export_control_options& o, context& ctx) {
  const catalog cat = ctx.load();
  const std::vector<const chip*> chips = chips_named(cat, o.chips);
  for (const chip* c : chips) {
    // ECCN 3A090 measures one integrated circuit: a system's summed TPP and bandwidth would meet it about nothing.
    if (c->is_system()) {
      throw error(fmt::format("{} is a system of {} x {}: the export-control thresholds apply to a chip; try "
                              "`xpuspec export-control {}`", c->id, c->system_chips, c->system_chip, c->system_chip));
    }
  }
  ctx.emit_report(make_export_control(chips, bundled_export_rules()));
  return 0;
}

void setup_export_control(CLI::App& app, context& ctx) {
  auto o = std::make_shared<export_control_options>();
  auto* sub = app.add_subcommand(
      "export-control",
      "TPP, performance density and the US ECCN 3A090 thresholds (2022, 2023) per chip: threshold arithmetic, not "
      "legal advice");
  sub->add_option("chips", o->chips, "Chip ids or aliases")->required()->type_name(type_name(value_type::chip));
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_export_control(*o, c); }; });
}

XPUSPEC_NAMED_COMMAND(export_control, "export-control", 115, setup_export_control);

}  // namespace xpuspec::cli
