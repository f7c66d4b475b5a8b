#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"
#include "xpuspec/plan.hpp"
#include "xpuspec/runs.hpp"

namespace xpuspec::cli {
namespace {

struct plan_options {
  double params = 0;
  double active_params = 0;  // 0: same as params
  std::vector<std::string> chips;
  std::string precision;
  // train
  double tokens = 0;
  double mfu = 0;  // 0: from published runs
  double bytes_per_param = -1;  // <0: the mode's default
  double days = 0;
  std::size_t fleet = 0;
  // serve
  std::string weights;
  double context = 0;
  double batch = 1;
  double kv_bytes_per_token = -1;
  std::size_t instance_chips = 0;  // 0: the fewest that hold the model
  double prompt = 0;
};

// A quadrillion parameters is a thousand times today's largest models; bytes per parameter from fp4 to fp64
// training state with room to spare.
constexpr number_range parameter_range{1, 1e15};
constexpr number_range bytes_range{0.0625, 64};

// --weights fp8 means 1 byte per parameter, and decode compute at fp8.
struct weight_format {
  std::string_view name;
  double bytes;
  precision prec;
};
constexpr weight_format weight_formats[] = {{"fp32", 4, precision::fp32}, {"bf16", 2, precision::bf16},
                                            {"fp16", 2, precision::fp16}, {"fp8", 1, precision::fp8},
                                            {"int8", 1, precision::int8}, {"fp4", 0.5, precision::fp4},
                                            {"int4", 0.5, precision::int4}};

int run_train(const plan_options& o, context& ctx) {
  if ((o.days > 0) == (o.fleet > 0)) throw error("give exactly one of --days (a deadline) or --chips (a fleet size)");
  train_job job;
  job.params = o.params;
  job.active_params = o.active_params > 0 ? o.active_params : o.params;
  if (job.active_params > job.params) throw error("--active-params cannot exceed --params");
  job.tokens = o.tokens;
  if (o.mfu > 0) job.mfu = o.mfu;
  if (o.bytes_per_param > 0) job.bytes_per_param = o.bytes_per_param;
  if (o.days > 0) job.days = o.days;
  if (o.fleet > 0) job.chips = o.fleet;
  job.prec = parse_precision(o.precision.empty() ? "bf16" : o.precision);
  const catalog cat = ctx.load();
  const std::vector<run_utilisation> runs = job.mfu ? std::vector<run_utilisation>{} : run_utilisations(cat, bundled_training_runs());
  ctx.emit_report(plan_training(chips_named(cat, o.chips), job, runs));
  return 0;
}

int run_serve(const plan_options& o, context& ctx) {
  serve_job job;
  job.params = o.params;
  job.active_params = o.active_params > 0 ? o.active_params : o.params;
  if (job.active_params > job.params) throw error("--active-params cannot exceed --params");
  std::optional<precision> weights_precision;
  if (!o.weights.empty()) {
    const weight_format* found = nullptr;
    std::vector<std::string> names;
    for (const auto& w : weight_formats) {
      names.emplace_back(w.name);
      if (w.name == to_lower(o.weights)) found = &w;
    }
    if (!found) {
      throw error(fmt::format("unknown --weights \"{}\"{}; formats: {}", o.weights, did_you_mean(o.weights, names),
                              fmt::join(names, ", ")));
    }
    job.bytes_per_param = found->bytes;
    weights_precision = found->prec;
  }
  if (o.bytes_per_param > 0) job.bytes_per_param = o.bytes_per_param;
  job.context = o.context;
  job.batch = o.batch;
  if (o.kv_bytes_per_token > 0) job.kv_bytes_per_token = o.kv_bytes_per_token;
  job.prec = o.precision.empty() ? weights_precision.value_or(precision::bf16) : parse_precision(o.precision);
  if (o.instance_chips > 0) job.instance_chips = o.instance_chips;
  job.prompt = o.prompt;
  const catalog cat = ctx.load();
  // Published measurements name chips by id or alias; those whose chip is not loaded (--no-bundled) are left out.
  std::vector<measured_inference> measured;
  for (auto m : bundled_inference_results().results) {
    if (const chip* c = cat.find(m.chip)) {
      m.chip = c->id.str();
      measured.push_back(std::move(m));
    }
  }
  ctx.emit_report(plan_serving(chips_named(cat, o.chips), job, measured));
  return 0;
}

void add_model_options(CLI::App& sub, plan_options& o) {
  add_number_option(sub, "--params", o.params, "Total parameters (e.g. 505e9)", parameter_range)
      ->required()
      ->type_name("N");
  add_number_option(sub, "--active-params", o.active_params, "Parameters active per token, for a mixture of experts",
                    parameter_range)
      ->type_name("N");
  sub.add_option("--chip", o.chips, "A chip to plan for (repeatable; default: all)")
      ->allow_extra_args(false)
      ->type_name(type_name(value_type::chip));
  sub.add_option("-p,--precision", o.precision, "Precision of the compute figures (dense)")->type_name(type_name(value_type::precision));
}

}  // namespace

void setup_plan(CLI::App& app, context& ctx) {
  auto* plan = app.add_subcommand("plan", "Chips, time, memory fit and energy for a training or serving job");
  plan->require_subcommand(1);

  auto t = std::make_shared<plan_options>();
  auto* train = plan->add_subcommand("train", "Chips (or days), memory fit and MWh to train a model");
  add_model_options(*train, *t);
  add_number_option(*train, "--tokens", t->tokens, "Training tokens", {1, 1e17})->required()->type_name("N");
  add_number_option(*train, "--mfu", t->mfu, "Model FLOPs utilisation (default: from published runs on the same chip or vendor, `xpuspec runs`; else 0.4)", {0.001, 1})->type_name("F");
  add_number_option(*train, "--bytes-per-param", t->bytes_per_param,
                    "Training state per parameter (default 16: bf16 weights and grads, fp32 master and Adam moments)",
                    bytes_range)
      ->type_name("B");
  add_number_option(*train, "--days", t->days, "Finish within this many days: how many chips?", {0.001, 36500})
      ->type_name("D");
  add_count_option(*train, "--chips", t->fleet, "With this many chips: how many days?", 1, 1'000'000'000)
      ->type_name("N");
  train->callback([t, &ctx] { ctx.run = [t](context& c) { return run_train(*t, c); }; });

  auto s = std::make_shared<plan_options>();
  auto* serve = plan->add_subcommand("serve", "Whether the weights fit, on how many chips, and decode upper bounds");
  add_model_options(*serve, *s);
  serve->add_option("--weights", s->weights, "Weight format: fp32, bf16, fp16, fp8, int8, fp4, int4")->type_name(type_name(value_type::weight_format));
  add_number_option(*serve, "--bytes-per-param", s->bytes_per_param, "Bytes per weight (default 2, or from --weights)",
                    bytes_range)
      ->type_name("B");
  add_number_option(*serve, "--context", s->context, "Tokens of context per sequence", {0, 1e9})->type_name("N");
  add_number_option(*serve, "--batch", s->batch, "Sequences decoded together (default 1)", {1, 1e6})->type_name("N");
  add_number_option(*serve, "--kv-bytes-per-token", s->kv_bytes_per_token,
                    "KV cache bytes per token of context (2 x layers x KV heads x head dim x bytes)", {1, 1e9})
      ->type_name("B");
  add_count_option(*serve, "--instance-chips", s->instance_chips,
                   "Chips one model instance runs on, tensor and expert parallel together (default: the fewest that "
                   "hold it)", 1, 1'000'000)
      ->type_name("N");
  add_number_option(*serve, "--prompt", s->prompt, "Prompt tokens, for a time-to-first-token bound (0: none)", {0, 1e9})
      ->type_name("N");
  serve->callback([s, &ctx] { ctx.run = [s](context& c) { return run_serve(*s, c); }; });
}

XPUSPEC_COMMAND(plan, 80, setup_plan);

}  // namespace xpuspec::cli
