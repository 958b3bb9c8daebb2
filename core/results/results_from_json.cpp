// Reading results files back: every field checked, every problem named by its path. Members this
// version does not know are ignored, so a newer writer's additions do not break older readers.
#include "core/results/results_json.h"

#include "core/experiment/spec_json.h"
#include "core/results/causes_json.h"
#include "core/results/json_columns.h"
#include "core/results/latency_json.h"
#include "core/results/load_parts_json.h"
#include "core/results/watch_json.h"
#include "core/sweep/sweep_results_json.h"
#include "core/util/json_fields.h"
#include "core/util/translatable.h"

#include <charconv>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace conlab {
namespace {

using json::Fields;
using json::Need;
constexpr Need kRequired = Need::required;

double number(Fields &f, std::string_view key) {
  return f.number_or_nan(key, kRequired).value_or(0);
}
std::int64_t integer(Fields &f, std::string_view key) {
  return f.integer(key, kRequired).value_or(0);
}
std::uint32_t u32(Fields &f, std::string_view key) {
  const std::optional<std::uint64_t> u = f.unsigned_integer(key, kRequired);
  if (u && *u > std::numeric_limits<std::uint32_t>::max()) {
    f.error(f.path(key), "must be ≤ 4294967295");
    return 0;
  }
  return static_cast<std::uint32_t>(u.value_or(0));
}
int small_int(Fields &f, std::string_view key) {
  const std::int64_t i = integer(f, key);
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) {
    f.error(f.path(key), "is out of range");
    return 0;
  }
  return static_cast<int>(i);
}

Percentiles read_percentiles(const boost::json::value *json, const std::string &path,
                             json::Errors &errors) {
  Percentiles p;
  if (!json)
    return p;
  Fields f(*json, path, errors, false);
  p.p50 = number(f, "p50");
  p.p90 = number(f, "p90");
  p.p99 = number(f, "p99");
  p.p999 = number(f, "p999");
  p.max = number(f, "max");
  p.mean = number(f, "mean");
  return p;
}

Summary read_summary(const boost::json::value *json, const std::string &path,
                     json::Errors &errors) {
  Summary s;
  if (!json)
    return s;
  Fields f(*json, path, errors, false);
  if (!f.valid())
    return s;
  s.tasks = u32(f, "tasks");
  s.completed = u32(f, "completed");
  s.makespan_s = number(f, "makespan_s");
  s.throughput_per_s = number(f, "throughput_per_s");
  s.latency_s = read_percentiles(f.object("latency_s", kRequired), f.path("latency_s"), errors);
  s.queue_wait_s =
      read_percentiles(f.object("queue_wait_s", kRequired), f.path("queue_wait_s"), errors);
  s.service_s = read_percentiles(f.object("service_s", kRequired), f.path("service_s"), errors);
  s.queue_wait_share = number(f, "queue_wait_share");
  s.executor_wait_s =
      read_percentiles(f.object("executor_wait_s", kRequired), f.path("executor_wait_s"), errors);
  s.executor_wait_share = number(f, "executor_wait_share");
  if (const boost::json::value *gil = f.object("gil")) { // variants with a GIL only
    s.gil.measured = true;
    s.gil_wait_s =
        read_percentiles(f.object("gil_wait_s", kRequired), f.path("gil_wait_s"), errors);
    s.gil_wait_share = number(f, "gil_wait_share");
    Fields g(*gil, f.path("gil"), errors, false);
    s.gil.forced_switches = number(g, "forced_switches");
    s.gil.held_share = number(g, "held_share");
  }
  if (const boost::json::value *processes = f.object("processes")) { // worker processes only
    s.processes.measured = true;
    s.handoff_s = read_percentiles(f.object("handoff_s", kRequired), f.path("handoff_s"), errors);
    s.handoff_share = number(f, "handoff_share");
    Fields p(*processes, f.path("processes"), errors, false);
    s.processes.workers = number(p, "workers");
    s.processes.start_s = number(p, "start_s");
    s.processes.start_in_run = p.boolean("start_in_run", kRequired).value_or(false);
    s.processes.tasks_taken_down = number(p, "tasks_taken_down");
  }
  s.causes = read_cause_split(f.object("causes"), f.path("causes"), errors);
  s.cpu_time_s = number(f, "cpu_time_s");
  s.cpu_utilization = number(f, "cpu_utilization");
  s.context_switches = integer(f, "context_switches");
  s.peak_threads = u32(f, "peak_threads");
  s.workers_used = u32(f, "workers_used");
  s.peak_rss_bytes = integer(f, "peak_rss_bytes");
  if (const boost::json::value *cost = f.object("cost")) {
    s.cost.measured = true;
    Fields c(*cost, f.path("cost"), errors, false);
    s.cost.peak_in_flight = number(c, "peak_in_flight");
    s.cost.rss_above_baseline_bytes = number(c, "rss_above_baseline_bytes");
    s.cost.memory_per_task_bytes = number(c, "memory_per_task_bytes");
    s.cost.waits_per_task = number(c, "waits_per_task");
    s.cost.cpu_per_wait_s = number(c, "cpu_per_wait_s");
    s.cost.overhead_per_wait_s = number(c, "overhead_per_wait_s");
    s.cost.voluntary_switches_per_task = number(c, "voluntary_switches_per_task");
    s.cost.involuntary_switches_per_task = number(c, "involuntary_switches_per_task");
    s.cost.threads_started = number(c, "threads_started");
    s.cost.thread_start_s = number(c, "thread_start_s");
  }
  if (const boost::json::value *lag = f.object("loop_lag_s", kRequired)) {
    Fields l(*lag, f.path("loop_lag_s"), errors, false);
    s.loop_lag_s.measured = l.boolean("measured", kRequired).value_or(false);
    s.loop_lag_s.max_s = number(l, "max");
    s.loop_lag_s.p99_s = number(l, "p99");
    s.loop_lag_s.mean_s = number(l, "mean");
    s.loop_lag_s.blocked_share = number(l, "blocked_share");
  }
  if (const boost::json::value *little = f.object("littles_law", kRequired)) {
    Fields l(*little, f.path("littles_law"), errors, false);
    s.littles_law.mean_in_flight = number(l, "mean_in_flight");
    s.littles_law.throughput_x_response = number(l, "throughput_x_response");
    s.littles_law.relative_gap = number(l, "relative_gap");
  }
  if (const boost::json::value *over = f.object("throughput_over_time", kRequired)) {
    Fields t(*over, f.path("throughput_over_time"), errors, false);
    const auto start = column<double>(t, "start_s");
    const auto width = column<double>(t, "width_s");
    const auto completions = column<std::uint32_t>(t, "completions");
    if (complete_table(t, sized("start_s", start),
                       {sized("width_s", width), sized("completions", completions)}))
      for (std::size_t i = 0; i < start->size(); ++i)
        s.throughput_over_time.push_back(
            ThroughputBucket{(*start)[i], (*width)[i], (*completions)[i]});
  }
  return s;
}

void read_samples(const boost::json::value *json, const std::string &path, RepeatResult &r,
                  json::Errors &errors) {
  if (!json)
    return;
  Fields f(*json, path, errors, false);
  const auto task = column<std::uint32_t>(f, "task");
  const auto submit = column<std::int64_t>(f, "submit_ns");
  const auto start = column<std::int64_t>(f, "start_ns");
  const auto end = column<std::int64_t>(f, "end_ns");
  const auto worker = column<std::uint32_t>(f, "worker");
  const auto executor_wait = column<std::int64_t>(f, "executor_wait_ns");
  // Only variants with a GIL have it; without it every task waited 0 for the lock.
  auto gil_wait = column<std::int64_t>(f, "gil_wait_ns", json::Need::optional);
  if (!gil_wait && !f.get("gil_wait_ns") && task)
    gil_wait = std::vector<std::int64_t>(task->size(), 0);
  // Only variants with worker processes have it.
  auto handoff = column<std::int64_t>(f, "handoff_ns", json::Need::optional);
  if (!handoff && !f.get("handoff_ns") && task)
    handoff = std::vector<std::int64_t>(task->size(), 0);
  if (!complete_table(f, sized("task", task),
                      {sized("submit_ns", submit), sized("start_ns", start), sized("end_ns", end),
                       sized("worker", worker), sized("executor_wait_ns", executor_wait),
                       sized("gil_wait_ns", gil_wait), sized("handoff_ns", handoff)}))
    return;
  r.samples.resize(task->size());
  for (std::size_t i = 0; i < task->size(); ++i) {
    TaskSample &t = r.samples[i];
    t = TaskSample{(*submit)[i], (*start)[i], (*end)[i], (*task)[i], (*worker)[i]};
    t.add_executor_wait((*executor_wait)[i]);
    t.add_gil_wait((*gil_wait)[i]);
    t.add_handoff((*handoff)[i]);
  }
}

void read_telemetry(const boost::json::value *json, const std::string &path, RepeatResult &r,
                    json::Errors &errors) {
  if (!json)
    return;
  Fields f(*json, path, errors, false);
  const auto at = column<std::int64_t>(f, "at_ns");
  const auto in_flight = column<std::uint32_t>(f, "in_flight");
  const auto queued = column<std::uint32_t>(f, "queued");
  const auto busy = column<std::uint32_t>(f, "busy");
  const auto threads = column<std::uint32_t>(f, "threads");
  if (!complete_table(f, sized("at_ns", at),
                      {sized("in_flight", in_flight), sized("queued", queued), sized("busy", busy),
                       sized("threads", threads)}))
    return;
  r.telemetry.resize(at->size());
  for (std::size_t i = 0; i < at->size(); ++i)
    r.telemetry[i] =
        TelemetryPoint{(*at)[i], (*in_flight)[i], (*queued)[i], (*busy)[i], (*threads)[i]};
}

// Only under a GIL: the first tasks' waits for the lock.
void read_gil_waits(const boost::json::value *json, const std::string &path, RepeatResult &r,
                    json::Errors &errors) {
  if (!json)
    return;
  Fields f(*json, path, errors, false);
  const auto task = column<std::uint32_t>(f, "task");
  const auto start = column<std::int64_t>(f, "start_ns");
  const auto end = column<std::int64_t>(f, "end_ns");
  if (!complete_table(f, sized("task", task), {sized("start_ns", start), sized("end_ns", end)}))
    return;
  r.gil_waits.resize(task->size());
  for (std::size_t i = 0; i < task->size(); ++i)
    r.gil_waits[i] = GilWait{(*task)[i], (*start)[i], (*end)[i]};
}

void read_loop_lag(const boost::json::array *traces, const std::string &path, RepeatResult &r,
                   json::Errors &errors) {
  if (!traces)
    return;
  for (std::size_t i = 0; i < traces->size(); ++i) {
    Fields f((*traces)[i], json::index_path(path, i), errors, false);
    if (!f.valid())
      continue;
    LoopLagTrace trace;
    trace.loop = u32(f, "loop");
    const auto at = column<std::int64_t>(f, "at_ns");
    const auto lag = column<std::int64_t>(f, "lag_ns");
    if (complete_table(f, sized("at_ns", at), {sized("lag_ns", lag)}))
      for (std::size_t j = 0; j < at->size(); ++j)
        trace.samples.push_back(LagSample{(*at)[j], (*lag)[j]});
    r.loop_lag.push_back(std::move(trace));
  }
}

ResourceUsage read_resources(const boost::json::value *json, const std::string &path,
                             json::Errors &errors) {
  ResourceUsage u;
  if (!json)
    return u;
  Fields f(*json, path, errors, false);
  u.cpu_time_s = number(f, "cpu_time_s");
  u.user_time_s = number(f, "user_time_s");
  u.system_time_s = number(f, "system_time_s");
  u.voluntary_context_switches = integer(f, "voluntary_context_switches");
  u.involuntary_context_switches = integer(f, "involuntary_context_switches");
  u.peak_threads = u32(f, "peak_threads");
  u.peak_rss_bytes = integer(f, "peak_rss_bytes");
  return u;
}

// Optional: only HTTP-target variants have it.
std::optional<HttpErrors> read_http_errors(const boost::json::value *json, const std::string &path,
                                           json::Errors &errors) {
  if (!json)
    return std::nullopt;
  HttpErrors e;
  Fields f(*json, path, errors, false);
  e.refused = f.unsigned_integer("refused", kRequired).value_or(0);
  e.reset = f.unsigned_integer("reset", kRequired).value_or(0);
  e.timeout = f.unsigned_integer("timeout", kRequired).value_or(0);
  e.other = f.unsigned_integer("other", kRequired).value_or(0);
  if (const boost::json::value *status = f.object("status", kRequired)) {
    for (const auto &[key, value] : status->get_object()) {
      const std::string code_path = json::field_path(f.path("status"), key);
      const std::optional<std::uint64_t> count = json::as_unsigned(value);
      int code = 0;
      try {
        code = std::stoi(std::string(key));
      } catch (const std::exception &) {
      }
      if (code < 100 || code > 999 || !count)
        f.error(code_path, "must be a status code with a count");
      else
        e.status[code] = *count;
    }
  }
  return e;
}

RepeatResult read_repeat(const boost::json::value &json, const std::string &path,
                         json::Errors &errors) {
  RepeatResult r;
  Fields f(json, path, errors, false);
  if (!f.valid())
    return r;
  r.repeat = small_int(f, "repeat");
  r.complete = f.boolean("complete", kRequired).value_or(false);
  r.summary = read_summary(f.object("summary", kRequired), f.path("summary"), errors);
  r.resources = read_resources(f.object("resources", kRequired), f.path("resources"), errors);
  read_samples(f.object("samples", kRequired), f.path("samples"), r, errors);
  read_telemetry(f.object("telemetry", kRequired), f.path("telemetry"), r, errors);
  read_loop_lag(f.array("loop_lag", kRequired), f.path("loop_lag"), r, errors);
  read_gil_waits(f.object("gil_waits"), f.path("gil_waits"), r, errors);
  r.causes = read_causes_columns(f.object("causes"), f.path("causes"), r.samples.size(), errors);
  r.step_spans = read_step_spans(f.object("step_spans"), f.path("step_spans"), errors);
  r.http_errors = read_http_errors(f.object("http_errors"), f.path("http_errors"), errors);
  r.server_watch = read_process_watch(f.object("server_watch"), f.path("server_watch"), errors);
  r.beyond_budget =
      read_folded_samples(f.object("beyond_sample_budget"), f.path("beyond_sample_budget"), errors);
  // Files written before the grid was kept have every sample: it is rebuilt from them.
  if (auto grid = read_latency_over_time(f.object("latency_over_time"), f.path("latency_over_time"),
                                         errors))
    r.latency_over_time = std::move(*grid);
  else
    r.latency_over_time.add_finished(r.samples);
  r.error = f.string("error").value_or("");
  if (const boost::json::array *warnings = f.array("generator_warnings"))
    for (std::size_t i = 0; i < warnings->size(); ++i) {
      if (const boost::json::string *w = (*warnings)[i].if_string())
        r.generator_warnings.emplace_back(*w);
      else
        errors.push_back({json::index_path(f.path("generator_warnings"), i), "must be a string"});
    }
  r.generators = read_generators(f.array("generators"), f.path("generators"), errors);
  r.latency_by_interval = read_interval_histograms(f.object("latency_by_interval"),
                                                   f.path("latency_by_interval"), errors);
  return r;
}

std::optional<double> optional_number(Fields &f, std::string_view key) {
  const boost::json::value *v = f.get(key, kRequired);
  if (!v || v->is_null())
    return std::nullopt;
  const std::optional<double> d = json::as_number(*v);
  if (!d)
    f.error(f.path(key), "must be a number or null");
  return d;
}

VariantResult read_variant(const boost::json::value &json, const std::string &path,
                           json::Errors &errors) {
  VariantResult v;
  Fields f(json, path, errors, false);
  if (!f.valid())
    return v;
  v.label = f.string("label", kRequired).value_or("");
  v.model = f.string("model", kRequired).value_or("");
  if (const boost::json::value *params = f.object("params", kRequired)) {
    Fields p(*params, f.path("params"), errors, false);
    v.pool_size = p.has("pool_size") ? small_int(p, "pool_size") : 0;
    v.pool_description = p.string("pool", kRequired).value_or("");
    v.loops = p.has("loops") ? small_int(p, "loops") : 0;
    v.offload = p.boolean("offload", kRequired).value_or(false);
  }
  v.summary = read_summary(f.object("summary", kRequired), f.path("summary"), errors);
  if (const boost::json::value *prediction = f.object("prediction", kRequired)) {
    Fields p(*prediction, f.path("prediction"), errors, false);
    v.prediction.makespan_s = optional_number(p, "makespan_s");
    v.prediction.throughput_per_s = optional_number(p, "throughput_per_s");
    v.prediction.formula = p.string("formula", kRequired).value_or("");
    v.prediction.concurrency = number(p, "concurrency");
    v.prediction.waves = number(p, "waves");
  }
  v.explanation = f.string("explanation", kRequired).value_or("");
  if (const boost::json::array *repeats = f.array("repeats", kRequired))
    for (std::size_t i = 0; i < repeats->size(); ++i)
      v.repeats.push_back(
          read_repeat((*repeats)[i], json::index_path(f.path("repeats"), i), errors));
  return v;
}

// "conlab.results/N" → N; nullopt for any other text.
std::optional<long> results_schema_version(std::string_view schema) {
  constexpr std::string_view prefix = "conlab.results/";
  if (!schema.starts_with(prefix))
    return std::nullopt;
  const std::string_view digits = schema.substr(prefix.size());
  long version = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
    return std::nullopt;
  return version;
}

// Refuses, with the reason, any file this version cannot read. Only conlab.results/1 has ever
// been written by a released lab (the shape before executor waits were recorded was never
// written by a program), so there is nothing older to migrate yet; a conlab.results/2 reader
// would convert /1 here.
void check_schema(const boost::json::value *schema) {
  const std::string expected = RunResults::kSchema;
  if (!schema || !schema->is_string())
    throw SpecError({field_error("schema",
                                 CONLAB_TRANSLATABLE("conlab::errors",
                                                     "missing: this is not a conlab results file "
                                                     "(expected %1)"),
                                 {json::quoted(expected)})});
  const std::string found(schema->get_string());
  if (found == expected)
    return;
  const std::optional<long> version = results_schema_version(found);
  if (version && *version > 1)
    throw SpecError({field_error("schema",
                                 CONLAB_TRANSLATABLE("conlab::errors",
                                                     "%1 is newer than this lab understands (%2): "
                                                     "open it with a newer Concurrency Lab"),
                                 {found, expected})});
  if (version)
    throw SpecError({field_error(
        "schema",
        CONLAB_TRANSLATABLE("conlab::errors", "%1 is not a version this lab knows (it reads %2)"),
        {found, expected})});
  throw SpecError({field_error(
      "schema",
      found == kExperimentSchema
          ? CONLAB_TRANSLATABLE("conlab::errors",
                                "this file has schema %1, not %2: it is an experiment, not results")
          : CONLAB_TRANSLATABLE(
                "conlab::errors",
                "this file has schema %1, not %2: it was written by another program"),
      {json::quoted(found), json::quoted(expected)})});
}

} // namespace

Environment read_environment(const boost::json::value *json, const std::string &path,
                             json::Errors &errors) {
  Environment e;
  if (!json)
    return e;
  Fields f(*json, path, errors, false);
  e.cores = small_int(f, "cores");
  const auto text = [&](std::string_view key) { return f.string(key, kRequired).value_or(""); };
  e.cpu_model = text("cpu_model");
  e.os = text("os");
  e.kernel = text("kernel");
  e.compiler = text("compiler");
  e.build_type = text("build_type");
  e.boost_version = text("boost_version");
  e.qt_version = text("qt_version");
  e.qcoro_version = text("qcoro_version");
  e.lab_version = text("lab_version");
  e.hostname = text("hostname");
  e.started_at = text("started_at");
  return e;
}

RunResults results_from_json(const boost::json::value &json) {
  json::Errors errors;
  Fields f(json, "", errors, false);
  if (!f.valid())
    throw SpecError({field_error(
        "", CONLAB_TRANSLATABLE("conlab::errors", "a results file must hold a JSON object"))});
  check_schema(f.get("schema"));
  RunResults results;
  results.status = f.choice<RunStatus>("status",
                                       {{"completed", RunStatus::completed},
                                        {"cancelled", RunStatus::cancelled},
                                        {"failed", RunStatus::failed}},
                                       kRequired)
                       .value_or(RunStatus::failed);
  results.error = f.string("error").value_or("");
  if (const boost::json::value *experiment = f.object("experiment", kRequired))
    results.experiment = json::read_experiment(*experiment, "experiment", errors);
  results.environment = read_environment(f.object("environment", kRequired), "environment", errors);
  if (const boost::json::value *calibration = f.object("calibration", kRequired)) {
    Fields c(*calibration, "calibration", errors, false);
    results.calibration.iterations_per_ms = number(c, "iterations_per_ms");
    results.calibration.trials = small_int(c, "trials");
    results.calibration.calibration_ms = number(c, "calibration_ms");
  }
  results.wall_time_s = number(f, "wall_time_s");
  if (const boost::json::array *variants = f.array("variants", kRequired))
    for (std::size_t i = 0; i < variants->size(); ++i)
      results.variants.push_back(
          read_variant((*variants)[i], json::index_path("variants", i), errors));
  if (const boost::json::value *sweep = f.object("sweep"))
    results.sweep = read_sweep_results(*sweep, "sweep", errors);
  if (const boost::json::value *server = f.object("server_under_test")) {
    Fields s(*server, "server_under_test", errors, false);
    results.server =
        ServerUnderTestRecord{.command = s.string("command", kRequired).value_or(""),
                              .log_path = s.string("log", kRequired).value_or(""),
                              .ended_on_its_own = s.string("ended_on_its_own").value_or("")};
  }
  results.load_settings = read_load_settings(f.object("load_settings"), "load_settings", errors);
  if (!errors.empty())
    throw SpecError(std::move(errors));
  return results;
}

} // namespace conlab
