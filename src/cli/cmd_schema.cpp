#include <string>

#include "cli/context.hpp"
#include "xpuspec/schema.hpp"

namespace xpuspec::cli {

void setup_schema(CLI::App& app, context& ctx) {
  auto* sub = app.add_subcommand("schema", "Print the JSON Schema of a chip file (draft-07), for editors and tools");
  sub->callback([&ctx] {
    ctx.run = [](context& c) {
      c.emit(std::string(chip_schema_text()));
      return 0;
    };
  });
}

XPUSPEC_COMMAND(schema, 110, setup_schema);

}  // namespace xpuspec::cli
