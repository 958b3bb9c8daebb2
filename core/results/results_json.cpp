// Writing results files (the reader is results_from_json.cpp). Samples, telemetry and loop lag
// are stored as columns of numbers, so a million tasks stay compact and fast to serialize.
#include "core/results/results_json.h"

#include "core/results/causes_json.h"
#include "core/results/json_columns.h"
#include "core/results/latency_json.h"
#include "core/results/load_parts_json.h"
#include "core/results/watch_json.h"

#include "core/experiment/spec_json.h"
#include "core/sweep/sweep_results_json.h"
#include "core/util/file_io.h"
#include "core/util/json_fields.h"
#include "core/util/translatable.h"

#include <boost/json/serialize.hpp>

namespace conlab {
namespace {

using json::number_or_null;

boost::json::object to_json(const Percentiles &p) {
  return {{"p50", number_or_null(p.p50)}, {"p90", number_or_null(p.p90)},
          {"p99", number_or_null(p.p99)}, {"p999", number_or_null(p.p999)},
          {"max", number_or_null(p.max)}, {"mean", number_or_null(p.mean)}};
}

boost::json::object to_json(const Summary &s) {
  boost::json::object o;
  o["tasks"] = s.tasks;
  o["completed"] = s.completed;
  o["makespan_s"] = number_or_null(s.makespan_s);
  o["throughput_per_s"] = number_or_null(s.throughput_per_s);
  o["latency_s"] = to_json(s.latency_s);
  o["queue_wait_s"] = to_json(s.queue_wait_s);
  o["service_s"] = to_json(s.service_s);
  o["queue_wait_share"] = number_or_null(s.queue_wait_share);
  o["executor_wait_s"] = to_json(s.executor_wait_s);
  o["executor_wait_share"] = number_or_null(s.executor_wait_share);
  if (s.gil.measured) { // absent for variants without a GIL (and in files from before it)
    o["gil_wait_s"] = to_json(s.gil_wait_s);
    o["gil_wait_share"] = number_or_null(s.gil_wait_share);
    o["gil"] = {{"forced_switches", number_or_null(s.gil.forced_switches)},
                {"held_share", number_or_null(s.gil.held_share)}};
  }
  if (s.processes.measured) { // absent for variants without worker processes
    o["handoff_s"] = to_json(s.handoff_s);
    o["handoff_share"] = number_or_null(s.handoff_share);
    o["processes"] = {{"workers", number_or_null(s.processes.workers)},
                      {"start_s", number_or_null(s.processes.start_s)},
                      {"start_in_run", s.processes.start_in_run},
                      {"tasks_taken_down", number_or_null(s.processes.tasks_taken_down)}};
  }
  if (s.causes.tasks > 0) // absent when no task finished (and in files from before it)
    o["causes"] = to_json(s.causes);
  o["cpu_time_s"] = number_or_null(s.cpu_time_s);
  o["cpu_utilization"] = number_or_null(s.cpu_utilization);
  o["context_switches"] = s.context_switches;
  o["peak_threads"] = s.peak_threads;
  o["workers_used"] = s.workers_used;
  o["peak_rss_bytes"] = s.peak_rss_bytes;
  if (s.cost.measured) { // absent when no task finished (and in files from before it)
    const TaskCost &c = s.cost;
    o["cost"] = {{"peak_in_flight", number_or_null(c.peak_in_flight)},
                 {"rss_above_baseline_bytes", number_or_null(c.rss_above_baseline_bytes)},
                 {"memory_per_task_bytes", number_or_null(c.memory_per_task_bytes)},
                 {"waits_per_task", number_or_null(c.waits_per_task)},
                 {"cpu_per_wait_s", number_or_null(c.cpu_per_wait_s)},
                 {"overhead_per_wait_s", number_or_null(c.overhead_per_wait_s)},
                 {"voluntary_switches_per_task", number_or_null(c.voluntary_switches_per_task)},
                 {"involuntary_switches_per_task", number_or_null(c.involuntary_switches_per_task)},
                 {"threads_started", number_or_null(c.threads_started)},
                 {"thread_start_s", number_or_null(c.thread_start_s)}};
  }
  const LoopLagSummary &lag = s.loop_lag_s;
  o["loop_lag_s"] = {{"measured", lag.measured},
                     {"max", number_or_null(lag.max_s)},
                     {"p99", number_or_null(lag.p99_s)},
                     {"mean", number_or_null(lag.mean_s)},
                     {"blocked_share", number_or_null(lag.blocked_share)}};
  const LittlesLaw &little = s.littles_law;
  o["littles_law"] = {{"mean_in_flight", number_or_null(little.mean_in_flight)},
                      {"throughput_x_response", number_or_null(little.throughput_x_response)},
                      {"relative_gap", number_or_null(little.relative_gap)}};
  const auto &buckets = s.throughput_over_time;
  o["throughput_over_time"] = {
      {"start_s",
       column(buckets, [](const ThroughputBucket &b) { return number_or_null(b.start_s); })},
      {"width_s",
       column(buckets, [](const ThroughputBucket &b) { return number_or_null(b.width_s); })},
      {"completions", column(buckets, [](const ThroughputBucket &b) { return b.completions; })}};
  return o;
}

boost::json::object to_json(const ResourceUsage &r) {
  return {{"cpu_time_s", number_or_null(r.cpu_time_s)},
          {"user_time_s", number_or_null(r.user_time_s)},
          {"system_time_s", number_or_null(r.system_time_s)},
          {"voluntary_context_switches", r.voluntary_context_switches},
          {"involuntary_context_switches", r.involuntary_context_switches},
          {"peak_threads", r.peak_threads},
          {"peak_rss_bytes", r.peak_rss_bytes}};
}

boost::json::object to_json(const HttpErrors &e) {
  boost::json::object status;
  for (const auto &[code, count] : e.status)
    status[std::to_string(code)] = count;
  return {{"refused", e.refused},
          {"reset", e.reset},
          {"timeout", e.timeout},
          {"other", e.other},
          {"status", std::move(status)}};
}

boost::json::object to_json(const RepeatResult &r) {
  boost::json::object o;
  o["repeat"] = r.repeat;
  o["complete"] = r.complete;
  o["summary"] = to_json(r.summary);
  o["resources"] = to_json(r.resources);
  if (r.http_errors)
    o["http_errors"] = to_json(*r.http_errors);
  if (r.server_watch)
    o["server_watch"] = to_json(*r.server_watch);
  if (!r.generator_warnings.empty()) {
    boost::json::array warnings;
    for (const std::string &w : r.generator_warnings)
      warnings.emplace_back(w);
    o["generator_warnings"] = std::move(warnings);
  }
  if (!r.generators.empty())
    o["generators"] = to_json(r.generators);
  if (r.latency_by_interval)
    o["latency_by_interval"] = to_json(*r.latency_by_interval);
  if (!r.error.empty())
    o["error"] = r.error;
  if (r.beyond_budget)
    o["beyond_sample_budget"] = to_json(*r.beyond_budget);
  o["latency_over_time"] = to_json(r.latency_over_time);
  const auto &s = r.samples;
  o["samples"] = {
      {"task", column(s, [](const TaskSample &t) { return t.task; })},
      {"submit_ns", column(s, [](const TaskSample &t) { return t.submit_ns; })},
      {"start_ns", column(s, [](const TaskSample &t) { return t.start_ns; })},
      {"end_ns", column(s, [](const TaskSample &t) { return t.end_ns; })},
      {"worker", column(s, [](const TaskSample &t) { return t.worker; })},
      {"executor_wait_ns", column(s, [](const TaskSample &t) { return t.executor_wait_ns(); })}};
  if (r.summary.gil.measured)
    o["samples"].as_object()["gil_wait_ns"] =
        column(s, [](const TaskSample &t) { return t.gil_wait_ns(); });
  if (r.summary.processes.measured)
    o["samples"].as_object()["handoff_ns"] =
        column(s, [](const TaskSample &t) { return t.handoff_ns(); });
  if (!r.causes.empty())
    o["causes"] = causes_columns(r.causes);
  if (!r.step_spans.empty())
    o["step_spans"] = step_spans_columns(r.step_spans);
  const auto &t = r.telemetry;
  o["telemetry"] = {{"at_ns", column(t, [](const TelemetryPoint &p) { return p.at_ns; })},
                    {"in_flight", column(t, [](const TelemetryPoint &p) { return p.in_flight; })},
                    {"queued", column(t, [](const TelemetryPoint &p) { return p.queued; })},
                    {"busy", column(t, [](const TelemetryPoint &p) { return p.busy; })},
                    {"threads", column(t, [](const TelemetryPoint &p) { return p.threads; })}};
  boost::json::array lag;
  for (const LoopLagTrace &trace : r.loop_lag)
    lag.push_back(boost::json::object{
        {"loop", trace.loop},
        {"at_ns", column(trace.samples, [](const LagSample &l) { return l.at_ns; })},
        {"lag_ns", column(trace.samples, [](const LagSample &l) { return l.lag_ns; })}});
  o["loop_lag"] = std::move(lag);
  if (!r.gil_waits.empty()) {
    const auto &w = r.gil_waits;
    o["gil_waits"] = {{"task", column(w, [](const GilWait &g) { return g.task; })},
                      {"start_ns", column(w, [](const GilWait &g) { return g.start_ns; })},
                      {"end_ns", column(w, [](const GilWait &g) { return g.end_ns; })}};
  }
  return o;
}

boost::json::value optional_number(const std::optional<double> &value) {
  return value ? number_or_null(*value) : boost::json::value(nullptr);
}

boost::json::object to_json(const VariantResult &v) {
  boost::json::object o;
  o["label"] = v.label;
  o["model"] = v.model;
  boost::json::object params;
  if (v.pool_size != 0)
    params["pool_size"] = v.pool_size;
  params["pool"] = v.pool_description;
  if (v.loops != 0)
    params["loops"] = v.loops;
  params["offload"] = v.offload;
  o["params"] = std::move(params);
  o["summary"] = to_json(v.summary);
  const Prediction &p = v.prediction;
  o["prediction"] = {{"makespan_s", optional_number(p.makespan_s)},
                     {"throughput_per_s", optional_number(p.throughput_per_s)},
                     {"formula", p.formula},
                     {"concurrency", number_or_null(p.concurrency)},
                     {"waves", number_or_null(p.waves)}};
  o["explanation"] = v.explanation;
  boost::json::array repeats;
  for (const RepeatResult &r : v.repeats)
    repeats.push_back(to_json(r));
  o["repeats"] = std::move(repeats);
  return o;
}

} // namespace

boost::json::object to_json(const Environment &e) {
  return {{"cores", e.cores},
          {"cpu_model", e.cpu_model},
          {"os", e.os},
          {"kernel", e.kernel},
          {"compiler", e.compiler},
          {"build_type", e.build_type},
          {"boost_version", e.boost_version},
          {"qt_version", e.qt_version},
          {"qcoro_version", e.qcoro_version},
          {"lab_version", e.lab_version},
          {"hostname", e.hostname},
          {"started_at", e.started_at}};
}

boost::json::value to_json(const RunResults &results) {
  boost::json::object o;
  o["schema"] = RunResults::kSchema;
  o["status"] = to_string(results.status);
  if (results.status == RunStatus::failed)
    o["error"] = results.error;
  o["experiment"] = to_json(results.experiment);
  o["environment"] = to_json(results.environment);
  const CpuCalibration &c = results.calibration;
  o["calibration"] = {{"iterations_per_ms", number_or_null(c.iterations_per_ms)},
                      {"trials", c.trials},
                      {"calibration_ms", number_or_null(c.calibration_ms)}};
  o["wall_time_s"] = number_or_null(results.wall_time_s);
  boost::json::array variants;
  for (const VariantResult &v : results.variants)
    variants.push_back(to_json(v));
  o["variants"] = std::move(variants);
  if (results.sweep)
    o["sweep"] = to_json(*results.sweep);
  if (const std::optional<ServerUnderTestRecord> &server = results.server) {
    boost::json::object s{{"command", server->command}, {"log", server->log_path}};
    if (!server->ended_on_its_own.empty())
      s["ended_on_its_own"] = server->ended_on_its_own;
    o["server_under_test"] = std::move(s);
  }
  if (results.load_settings)
    o["load_settings"] = to_json(*results.load_settings);
  return o;
}

void save_results(const RunResults &results, const std::string &path) {
  write_file_atomically(path, boost::json::serialize(to_json(results)));
}

RunResults results_from_document(const boost::json::value &json, const std::string &source) {
  try {
    return results_from_json(json);
  } catch (const SpecError &e) {
    std::vector<FieldError> errors{field_error(
        "", CONLAB_TRANSLATABLE("conlab::errors", "%1 is not a valid results file"), {source})};
    errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    throw SpecError(std::move(errors));
  }
}

RunResults load_results(const std::string &path) {
  return results_from_document(json::read_json_file(path), path);
}

RunResults results_from_text(std::string_view text, const std::string &source) {
  return results_from_document(json::parse_document(text, source), source);
}

} // namespace conlab
