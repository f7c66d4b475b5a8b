#include <memory>

#include "cli/context.hpp"

namespace xpuspec::cli {

struct list_options {
  list_filter filter;
};

int run_list(const list_options& o, context& ctx) {
  const catalog cat = ctx.load();
  ctx.emit_report(make_list(cat, o.filter));
  return 0;
}

void setup_list(CLI::App& app, context& ctx) {
  auto o = std::make_shared<list_options>();
  auto* sub = app.add_subcommand("list", "The known chips: id, name, vendor, status");
  add_filter_options(*sub, o->filter);
  sub->callback([o, &ctx] { ctx.run = [o](context& c) { return run_list(*o, c); }; });
}

XPUSPEC_COMMAND(list, 10, setup_list);

}  // namespace xpuspec::cli
