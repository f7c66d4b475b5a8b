#include "xpuspec/plan.hpp"

#include <algorithm>
#include <cmath>

#include "xpuspec/match.hpp"

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

train_report plan_training(const std::vector<const chip*>& chips, const train_job& job) {
  train_report report{job, training_flops(job), {}};
  for (const chip* c : chips) {
    train_row row;
    row.subject = c;
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
    const double flops_per_chip_day = *row.tflops.number * 1e12 * job.mfu * seconds_per_day;
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

serve_report plan_serving(const std::vector<const chip*>& chips, const serve_job& job) {
  serve_report report{job, job.params * job.bytes_per_param,
                      job.kv_bytes_per_token.value_or(0) * job.context * job.batch, {}};
  // Each decode step reads every active weight once and the batch's KV cache once, and makes `batch` tokens.
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
    if (row.bandwidth_tb_s.known() && bytes_per_step > 0) {
      row.tokens_per_s_bandwidth = job.batch * *row.bandwidth_tb_s.number * 1e12 / bytes_per_step;
    } else if (!row.bandwidth_tb_s.known()) {
      add_reason(row.missing_reason, row.bandwidth_tb_s.reason);
    }
    if (row.tflops.known() && job.active_params > 0) {
      // 2 FLOPs per active parameter per token (a multiply and an add).
      row.tokens_per_s_compute = *row.tflops.number * 1e12 / (2 * job.active_params);
    } else if (!row.tflops.known()) {
      add_reason(row.missing_reason, row.tflops.reason);
    }
    if (row.tokens_per_s_bandwidth && row.tokens_per_s_compute) {
      row.bound = *row.tokens_per_s_bandwidth <= *row.tokens_per_s_compute ? "bandwidth" : "compute";
    }
    row.usd_per_hour = evaluate(*c, metric::usd_per_chip_hour, job.prec);
    if (const source_ref* s = c->find_source(c->price_cloud_hour.source)) row.price_date = s->published;
    if (row.usd_per_hour.known() && row.tokens_per_s_bandwidth && row.tokens_per_s_compute) {
      const double tokens_per_s = std::min(*row.tokens_per_s_bandwidth, *row.tokens_per_s_compute);
      const double per_usd = tokens_per_s * 3600 / *row.usd_per_hour.number;
      if (std::isfinite(per_usd)) row.tokens_per_usd = per_usd;
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace xpuspec
