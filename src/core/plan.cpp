#include "xpuspec/plan.hpp"

#include <algorithm>
#include <cmath>

#include "xpuspec/match.hpp"
#include "xpuspec/names.hpp"

#include <fmt/format.h>

namespace xpuspec {
namespace {

constexpr double seconds_per_day = 86400;

void add_reason(std::string& reasons, const std::string& reason) {
  if (reasons.find(reason) != std::string::npos) return;
  if (!reasons.empty()) reasons += "; ";
  reasons += reason;
}

// The smallest whole number of chips with n × per_chip >= need (see chips_to_match for the tolerance).
std::size_t enough(double per_chip, double need) { return chips_to_match(per_chip, need, 1); }

}  // namespace

double training_flops(const train_job& job) { return 6 * job.active_params * job.tokens; }

utilisation_choice default_utilisation(const chip& c, const std::vector<run_utilisation>& runs) {
  if (runs.empty()) return {fallback_mfu, nullptr, false, false};
  const std::string_view chip_id = c.is_system() ? c.system_chip.view() : c.id.view();
  const auto median = [&](auto&& qualifies) -> const run_utilisation* {
    std::vector<const run_utilisation*> implied;
    std::vector<const run_utilisation*> reported;
    for (const auto& r : runs) {
      if (qualifies(r)) (r.implied ? implied : reported).push_back(&r);
    }
    auto& pool = implied.empty() ? reported : implied;
    if (pool.empty()) return nullptr;
    std::sort(pool.begin(), pool.end(), [](const run_utilisation* a, const run_utilisation* b) {
      return a->mfu < b->mfu || (a->mfu == b->mfu && a->run_id < b->run_id);
    });
    return pool[(pool.size() - 1) / 2];
  };
  const run_utilisation* run = median([&](const run_utilisation& r) { return r.chip_id == chip_id; });
  if (!run) run = median([&](const run_utilisation& r) { return to_lower(r.vendor) == to_lower(c.vendor); });
  if (!run) return {};
  return {run->mfu, run, false, true};
}

train_report plan_training(const std::vector<const chip*>& chips, const train_job& job,
                           const std::vector<run_utilisation>& runs) {
  train_report report{job, training_flops(job), {}};
  for (const chip* c : chips) {
    train_row row;
    row.subject = c;
    row.utilisation = job.mfu ? utilisation_choice{*job.mfu, nullptr, true} : default_utilisation(*c, runs);
    row.tflops = evaluate(*c, metric::tflops, job.prec);
    row.memory_gb = evaluate(*c, metric::memory_gb, job.prec);
    row.tdp_w = evaluate(*c, metric::tdp_w, job.prec);
    if (row.memory_gb.known()) {
      row.chips_for_memory = enough(*row.memory_gb.number * 1e9, job.params * job.bytes_per_param);
    }
    if (!row.tflops.known()) {
      add_reason(row.missing_reason, row.tflops.reason);
      report.rows.push_back(std::move(row));
      continue;
    }
    const double flops_per_chip_day = *row.tflops.number * 1e12 * row.utilisation.mfu * seconds_per_day;
    if (job.days) {
      row.chips_for_time = enough(flops_per_chip_day * *job.days, report.flops);
      row.chips = row.chips_for_time;
      row.binding = "time";
      if (row.chips_for_memory && *row.chips_for_memory > *row.chips) {
        row.chips = row.chips_for_memory;
        row.binding = "memory";
      }
      row.days = report.flops / (flops_per_chip_day * static_cast<double>(*row.chips));
    } else if (job.chips) {
      row.chips = job.chips;
      row.binding = "fleet";
      row.days = report.flops / (flops_per_chip_day * static_cast<double>(*job.chips));
      row.fits = !row.chips_for_memory || *row.chips_for_memory <= *job.chips;
    }
    if (row.days && row.tdp_w.known()) {
      row.energy_mwh = *row.tdp_w.number * static_cast<double>(*row.chips) * *row.days * 24 / 1e6;
    } else if (!row.tdp_w.known()) {
      add_reason(row.missing_reason, row.tdp_w.reason);
    }
    if (!row.memory_gb.known()) add_reason(row.missing_reason, row.memory_gb.reason);
    report.rows.push_back(std::move(row));
  }
  return report;
}

serve_report plan_serving(const std::vector<const chip*>& chips, const serve_job& job,
                          const std::vector<measured_inference>& measured) {
  serve_report report{job, job.params * job.bytes_per_param,
                      job.kv_bytes_per_token.value_or(0) * job.context * job.batch, {}};
  // Each decode step reads every active weight once and the batch's KV cache once, and makes `batch` tokens; an
  // instance of n chips reads its shards in parallel, so its step takes 1/n of one chip's.
  const double bytes_per_step = job.active_params * job.bytes_per_param + report.kv_bytes;
  for (const chip* c : chips) {
    serve_row row;
    row.subject = c;
    row.memory_gb = evaluate(*c, metric::memory_gb, job.prec);
    row.bandwidth_tb_s = evaluate(*c, metric::bandwidth_tb_s, job.prec);
    row.tflops = evaluate(*c, metric::tflops, job.prec);
    if (c->interconnect_domain.known()) row.domain = *c->interconnect_domain.amount;
    if (row.memory_gb.known()) {
      row.chips_to_fit = enough(*row.memory_gb.number * 1e9, report.weight_bytes + report.kv_bytes);
    } else {
      add_reason(row.missing_reason, row.memory_gb.reason);
    }
    if (job.instance_chips) {
      row.instance = *job.instance_chips;
      row.instance_fits = !row.chips_to_fit || *row.chips_to_fit <= row.instance;
    } else if (row.chips_to_fit) {
      row.instance = *row.chips_to_fit;
    } else {
      add_reason(row.missing_reason, "memory unknown: an instance of one chip is assumed");
    }
    const double n = static_cast<double>(row.instance);
    const std::size_t chips_each = c->is_system() ? c->system_chips : 1;
    row.instance_chips = row.instance * chips_each;
    if (!row.instance_fits) {
      // Rates for an instance that cannot hold the model would describe nothing that can run.
      add_reason(row.missing_reason, fmt::format("{} does not hold the model: no rates", row.instance));
      report.rows.push_back(std::move(row));
      continue;
    }
    if (row.bandwidth_tb_s.known() && bytes_per_step > 0) {
      row.tokens_per_s_bandwidth = job.batch * n * *row.bandwidth_tb_s.number * 1e12 / bytes_per_step;
    } else if (!row.bandwidth_tb_s.known()) {
      add_reason(row.missing_reason, row.bandwidth_tb_s.reason);
    }
    if (row.tflops.known() && job.active_params > 0) {
      // 2 FLOPs per active parameter per token (a multiply and an add).
      row.tokens_per_s_compute = n * *row.tflops.number * 1e12 / (2 * job.active_params);
    } else if (!row.tflops.known()) {
      add_reason(row.missing_reason, row.tflops.reason);
    }
    if (row.tokens_per_s_bandwidth && row.tokens_per_s_compute) {
      row.bound = *row.tokens_per_s_bandwidth <= *row.tokens_per_s_compute ? "bandwidth" : "compute";
      row.tokens_per_s_per_chip =
          std::min(*row.tokens_per_s_bandwidth, *row.tokens_per_s_compute) / static_cast<double>(row.instance_chips);
    }
    // Prefill: the prompt's 2 x active x tokens FLOPs at peak, and no faster than one read of the active weights.
    if (job.prompt > 0 && row.tflops.known() && row.bandwidth_tb_s.known()) {
      const double compute_s = 2 * job.active_params * job.prompt / (n * *row.tflops.number * 1e12);
      const double read_s = job.active_params * job.bytes_per_param / (n * *row.bandwidth_tb_s.number * 1e12);
      row.ttft_s = std::max(compute_s, read_s);
    }
    row.usd_per_hour = evaluate(*c, metric::usd_per_chip_hour, job.prec);
    if (const source_ref* s = c->find_source(c->price_cloud_hour.source)) row.price_date = s->published;
    if (row.usd_per_hour.known() && row.tokens_per_s_bandwidth && row.tokens_per_s_compute) {
      const double tokens_per_s = std::min(*row.tokens_per_s_bandwidth, *row.tokens_per_s_compute);
      const double per_usd = tokens_per_s * 3600 / (n * *row.usd_per_hour.number);
      if (std::isfinite(per_usd)) row.tokens_per_usd = per_usd;
    }
    for (const auto& m : measured) {
      const bool same_chip = m.chip == c->id.view() && !c->is_system();
      if (!same_chip || job.active_params <= 0 || std::abs(m.params_active - job.active_params) > 0.03 * job.active_params) continue;
      measured_check check{m.id, m.benchmark, m.chips, m.prec, m.precision_stated, m.tokens_per_s, std::nullopt};
      const metric_value peak = evaluate(*c, metric::tflops, m.prec);
      if (peak.known()) check.bound_tokens_per_s = static_cast<double>(m.chips) * *peak.number * 1e12 / (2 * job.active_params);
      row.measured.push_back(std::move(check));
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace xpuspec
