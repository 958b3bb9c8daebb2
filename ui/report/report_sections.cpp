// The report's sections, each built from the results alone: the experiment in words, the
// environment, the measurements, measured beside predicted, every chart, the explanations.
#include "core/engine/model_registry.h"
#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/i18n/core_text.h"
#include "ui/report/report_document.h"
#include "ui/report/report_words.h"
#include "ui/run/explanation_text.h"

#include <QChart>

#include <memory>

namespace conlab::ui {
namespace {

QString duration(double seconds) { return QString::fromStdString(human_duration(seconds)); }
QString percent(double share) { return QString::fromStdString(human_percent(share)); }

QString optional_duration(const std::optional<double> &seconds) {
  return seconds ? duration(*seconds) : tr_("—");
}

// "+0.4%", "−12%": how far the measurement is above (+) or below (−) the prediction.
QString relative_error(double measured, const std::optional<double> &predicted) {
  if (!predicted || *predicted <= 0)
    return tr_("—");
  const double error = measured / *predicted - 1;
  return QString::fromStdString(human_signed_percent(error));
}

const Variant *spec_of(const RunResults &results, std::size_t index) {
  // The results list the variants in the experiment's order (as the charts assume).
  return index < results.experiment.variants.size() ? &results.experiment.variants[index] : nullptr;
}

QString describe_target(const Variant &variant) {
  if (!variant.target)
    return {};
  return variant.target->embedded
             ? tr_("; measured over HTTP against the lab's embedded server")
             : tr_("; measured over HTTP at %1").arg(printable(variant.target->url));
}

QString chart_caption(ChartKind kind) {
  switch (kind) {
  case ChartKind::summary:
    return tr_("Makespan (first submit to last end) and throughput of each variant, measured "
               "beside the ideal-machine prediction; each bar carries its value.");
  case ChartKind::causes:
    return tr_("Each variant's response time split by cause, as shares that add up to 100%; "
               "each row names its largest part. A segment too narrow for its share has no "
               "label: the table in “Where the time went” gives every share.");
  case ChartKind::cdf:
    return tr_("Share of tasks that finished within a response time (submit to end). A step "
               "per wave of tasks; a long tail is tasks that waited.");
  case ChartKind::histogram:
    return tr_("How many tasks took each response time, per variant.");
  case ChartKind::latencymap:
    return tr_("Every finished task by when it ended (across) and how long it took (up, log "
               "scale), the colour counting the tasks in each cell (first repeat): a stall shows "
               "as a column, a queue that builds as a rising band.");
  case ChartKind::server:
    return tr_("The server the lab loaded, watched from /proc while the requests ran: the cores "
               "its threads kept busy, how many were ready but waiting for a core, and how many "
               "threads it ran.");
  case ChartKind::throughput:
    return tr_("Tasks completed per second as the run went on (first repeat).");
  case ChartKind::inflight:
    return tr_("Tasks submitted and not yet finished as the run went on (first repeat).");
  case ChartKind::timeline:
    return tr_("One row per worker thread: a bar per task from its start to its end, the thin "
               "line before it the time it waited for a thread (first %1 tasks per variant). "
               "Under a GIL, the hatched stretches of a bar are the task waiting for the lock.")
        .arg(kTimelineTaskCap);
  case ChartKind::looplag:
    return tr_("How late each event loop's probe timer fired: the fingerprint of a blocked "
               "loop. Models without an event loop have no line.");
  default: // a sweep's charts come with the sweep's sections (report_sweep.cpp)
    return {};
  }
}

} // namespace

void make_printable(ChartData &data) {
  data.experiment_name = printable(data.experiment_name);
  for (VariantChartData &v : data.variants) {
    v.label = printable(v.label);
    v.model = printable(v.model);
    v.formula = printable(v.formula);
  }
}

ReportSection experiment_section(const RunResults &results) {
  const Experiment &e = results.experiment;
  ReportSection s{QStringLiteral("experiment"), tr_("Experiment"), {}};
  if (!e.description.empty())
    s.blocks.push_back(ReportParagraph{printable(e.description)});
  s.blocks.push_back(ReportParagraph{tr_("Load — %1. Repeats: %2, seed %3.")
                                         .arg(describe_load(e.load))
                                         .arg(e.repeats)
                                         .arg(QString::number(e.seed))});
  ReportTable variants{
      {tr_("Variant"), tr_("Model"), tr_("Python analogue"), tr_("Threads"), tr_("Each task does")},
      {},
      {},
      {}};
  for (std::size_t i = 0; i < e.variants.size(); ++i) {
    const Variant &v = e.variants[i];
    const ModelInfo *info = find_model(v.model);
    VariantResult resolved;
    if (i < results.variants.size()) {
      resolved = results.variants[i];
    } else { // a sweep has no per-variant results: the sizes the spec resolves to here
      resolved.model = v.model;
      resolved.pool_size =
          v.pool_size ? v.pool_size->resolve(results.environment.cores)
          : info && !info->default_pool.empty()
              ? PoolSize{std::string(info->default_pool), 0}.resolve(results.environment.cores)
              : 0;
      resolved.loops = v.loops.value_or(1);
      resolved.offload = v.offload.value_or(false);
    }
    variants.rows << QStringList{
        printable(v.label), printable(v.model), info ? model_python_analogue(*info) : QString(),
        describe_threads(resolved, v), describe_task(v.steps) + describe_target(v)};
  }
  s.blocks.push_back(std::move(variants));
  if (const QString scale = describe_time_scale(e.time_scale); !scale.isEmpty())
    s.blocks.push_back(ReportParagraph{scale});
  return s;
}

ReportSection environment_section(const RunResults &results) {
  const Environment &env = results.environment;
  ReportSection s{QStringLiteral("environment"), tr_("Environment"), {}};
  ReportTable t;
  const auto row = [&](const QString &name, const QString &value) {
    t.rows << QStringList{name, value.isEmpty() ? tr_("—") : value};
  };
  row(tr_("CPU"), printable(env.cpu_model));
  row(tr_("Cores"), tr_("%1 available to the run").arg(env.cores));
  row(tr_("Operating system"),
      printable(env.os) +
          (env.kernel.empty() ? QString() : tr_(", kernel %1").arg(printable(env.kernel))));
  row(tr_("Compiler"), printable(env.compiler));
  row(tr_("Build type"), printable(env.build_type));
  row(tr_("Libraries"), tr_("Boost %1, Qt %2, QCoro %3")
                            .arg(printable(env.boost_version), printable(env.qt_version),
                                 printable(env.qcoro_version)));
  row(tr_("Lab version"), printable(env.lab_version));
  row(tr_("Host"), printable(env.hostname));
  row(tr_("Started"), printable(env.started_at));
  row(tr_("Time scale"), QString::fromStdString(human_scale(results.experiment.time_scale)));
  row(tr_("CPU calibration"), describe_calibration(results.calibration));
  row(tr_("Outcome"), tr_("%1 in %2")
                          .arg(QString::fromLatin1(to_string(results.status)),
                               QString::fromStdString(human_span(results.wall_time_s))));
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection summary_section(const RunResults &results) {
  ReportSection s{QStringLiteral("summary"), tr_("Summary"), {}};
  ReportTable t{{tr_("Variant"), tr_("Done"), tr_("Makespan"), tr_("Tasks/s"), tr_("Response p50"),
                 tr_("p99"), tr_("Max"), tr_("Queue wait p99"), tr_("CPU use"),
                 tr_("Loop lag max")},
                {},
                {1, 2, 3, 4, 5, 6, 7, 8, 9},
                {}};
  for (const VariantResult &v : results.variants) {
    const Summary &m = v.summary;
    t.rows << QStringList{printable(v.label),
                          tr_("%1/%2").arg(m.completed).arg(m.tasks),
                          duration(m.makespan_s),
                          QString::fromStdString(human_rate(m.throughput_per_s)),
                          duration(m.latency_s.p50),
                          duration(m.latency_s.p99),
                          duration(m.latency_s.max),
                          duration(m.queue_wait_s.p99),
                          percent(m.cpu_utilization),
                          m.loop_lag_s.measured ? duration(m.loop_lag_s.max_s) : tr_("—")};
  }
  t.note = tr_("Response time = end − submit; queue wait = start − submit; CPU use = CPU time / "
               "(makespan × %1 cores); loop lag: how late the event loop woke (— without a "
               "loop).")
               .arg(results.environment.cores);
  if (results.experiment.repeats > 1)
    t.note += tr_(" Percentiles pool the %1 repeats; makespan is their mean.")
                  .arg(results.experiment.repeats);
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection gil_section(const RunResults &results) {
  ReportSection s{QStringLiteral("gil"), tr_("The GIL"), {}};
  ReportTable t{{tr_("Variant"), tr_("GIL wait p50"), tr_("p99"), tr_("Share of response"),
                 tr_("Forced switches"), tr_("Lock held")},
                {},
                {1, 2, 3, 4, 5},
                {}};
  for (const VariantResult &v : results.variants) {
    const Summary &m = v.summary;
    if (!m.gil.measured)
      continue;
    t.rows << QStringList{printable(v.label),
                          duration(m.gil_wait_s.p50),
                          duration(m.gil_wait_s.p99),
                          percent(m.gil_wait_share),
                          QString::fromStdString(human_count(m.gil.forced_switches)),
                          percent(m.gil.held_share)};
  }
  t.note = tr_("For the variants with \"gil\": \"cpython\": how long each task waited to take "
               "the interpreter lock, that wait's share of the response time, the times a waiting "
               "thread made the holder drop the lock (per run), and the share of the run in which "
               "some thread held it.");
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection processes_section(const RunResults &results) {
  ReportSection s{QStringLiteral("processes"), tr_("Worker processes"), {}};
  ReportTable t{{tr_("Variant"), tr_("Workers"), tr_("Start"), tr_("Hand-off p50"), tr_("p99"),
                 tr_("Share of response"), tr_("Tasks lost")},
                {},
                {1, 2, 3, 4, 5, 6},
                {}};
  for (const VariantResult &v : results.variants) {
    const Summary &m = v.summary;
    if (!m.processes.measured)
      continue;
    const QString start = duration(m.processes.start_s) +
                          (m.processes.start_in_run ? tr_(" (in the run)") : tr_(" (before)"));
    const bool handed_off = m.handoff_s.max > 0; // process_pool sends each step over
    t.rows << QStringList{printable(v.label),
                          QString::fromStdString(human_count(m.processes.workers)),
                          start,
                          handed_off ? duration(m.handoff_s.p50) : QStringLiteral("—"),
                          handed_off ? duration(m.handoff_s.p99) : QStringLiteral("—"),
                          handed_off ? percent(m.handoff_share) : QStringLiteral("—"),
                          QString::fromStdString(human_count(m.processes.tasks_taken_down))};
  }
  t.note = tr_("For process_pool and multi_loop with \"processes\": true: how many worker "
               "processes ran, how long forking them took until every one was ready (inside the "
               "makespan when the first task started them, as ProcessPoolExecutor does; before "
               "the run for a server's workers), each task's trip to a worker and back, and the "
               "tasks lost with a worker that died.");
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection cost_section(const RunResults &results) {
  ReportSection s{QStringLiteral("cost"), tr_("Cost per task"), {}};
  ReportTable t{{tr_("Variant"), tr_("Peak in flight"), tr_("Memory per task"), tr_("CPU per wait"),
                 tr_("Overhead per wait"), tr_("Voluntary switches"), tr_("Involuntary switches"),
                 tr_("Thread start")},
                {},
                {1, 2, 3, 4, 5, 6, 7},
                {}};
  const auto count = [](double x) { return QString::fromStdString(human_count(x)); };
  for (const VariantResult &v : results.variants) {
    const TaskCost &c = v.summary.cost;
    if (!c.measured)
      continue;
    const bool waits = c.waits_per_task > 0;
    t.rows << QStringList{printable(v.label),
                          count(c.peak_in_flight),
                          QString::fromStdString(human_bytes(c.memory_per_task_bytes)),
                          waits ? duration(c.cpu_per_wait_s) : QStringLiteral("—"),
                          !waits ? QStringLiteral("—")
                          : overhead_resolved(c)
                              ? duration(c.overhead_per_wait_s)
                              : tr_("< %1").arg(duration(overhead_resolution_s(c))),
                          count(c.voluntary_switches_per_task),
                          count(c.involuntary_switches_per_task),
                          c.threads_started > 0 ? duration(c.thread_start_s) : QStringLiteral("—")};
  }
  t.note = tr_("Each variant's totals divided per task. Memory per task: the peak resident "
               "memory above what the lab held before the variant started, divided by the most "
               "tasks in flight at once. CPU per wait: the process's CPU time divided by the "
               "finished tasks' waits (io and blocking_io steps); overhead per wait leaves out the "
               "tasks' own computation, and reads “< x” below a tenth of it, which is as much as "
               "a core's speed drifts from one run to the next. Switches per task: voluntary when "
               "a thread blocked or "
               "slept, involuntary when the kernel took its core away. Thread start: the mean "
               "CPU time of pthread_create, in the thread that called it, for the threads that ran "
               "tasks.");
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection prediction_section(const RunResults &results) {
  ReportSection s{QStringLiteral("prediction"), tr_("Measured vs predicted"), {}};
  bool any_claim = false;
  for (const Variant &v : results.experiment.variants)
    any_claim = any_claim || v.claimed_makespan_s.has_value();
  ReportTable t{{tr_("Variant"), tr_("Makespan"), tr_("Predicted"), tr_("Error"), tr_("Tasks/s"),
                 tr_("Predicted"), tr_("How predicted")},
                {},
                {1, 2, 3, 4, 5},
                {}};
  if (any_claim)
    t.header << tr_("Claimed");
  for (std::size_t i = 0; i < results.variants.size(); ++i) {
    const VariantResult &v = results.variants[i];
    const Prediction &p = v.prediction;
    QStringList row = {printable(v.label),
                       duration(v.summary.makespan_s),
                       optional_duration(p.makespan_s),
                       relative_error(v.summary.makespan_s, p.makespan_s),
                       QString::fromStdString(human_rate(v.summary.throughput_per_s)),
                       p.throughput_per_s ? QString::fromStdString(human_rate(*p.throughput_per_s))
                                          : tr_("—"),
                       printable(formula_text(p.formula))};
    if (any_claim) {
      const Variant *spec = spec_of(results, i);
      row << (spec && spec->claimed_makespan_s
                  ? duration(*spec->claimed_makespan_s * results.experiment.time_scale)
                  : tr_("—"));
    }
    t.rows << row;
  }
  t.note = tr_("Predicted for an ideal machine with %1 cores. Error = measured / predicted "
               "makespan − 1.")
               .arg(results.environment.cores);
  if (any_claim)
    t.note += tr_(" Claimed: the makespan a source reported (e.g. the article), times the time "
                  "scale.");
  if (any_claim)
    t.number_columns << 7;
  s.blocks.push_back(std::move(t));
  return s;
}

ReportChart report_chart(ChartKind kind, std::shared_ptr<const ChartData> data,
                         const ChartOptions &options, QString name, QString title, QString caption,
                         double aspect) {
  return {std::move(name), std::move(title), std::move(caption), aspect,
          [data = std::move(data), kind, options] {
            QChart *made = make_chart(kind, *data, options);
            const QString suffix = QStringLiteral(" — ") + run_caption(*data);
            if (made->title().endsWith(suffix))
              made->setTitle(made->title().chopped(suffix.size()));
            return made;
          }};
}

ReportSection charts_section(const RunResults &results, const ReportOptions &options) {
  ReportSection s{QStringLiteral("charts"), tr_("Charts"), {}};
  auto data = std::make_shared<ChartData>(build_chart_data(results));
  make_printable(*data);
  for (ChartKind kind : chart_kinds_for(*data)) {
    // Room above the summary's tallest bars for their upright labels.
    const double aspect = kind == ChartKind::timeline || kind == ChartKind::latencymap ? 0.7
                          : kind == ChartKind::summary                                 ? 0.62
                                                                                       : 0.55;
    s.blocks.push_back(report_chart(kind, data, options.charts, chart_name(kind), chart_title(kind),
                                    chart_caption(kind), aspect));
  }
  return s;
}

ReportSection explanations_section(const RunResults &results) {
  ReportSection s{QStringLiteral("explanations"), tr_("Explanations"), {}};
  for (std::size_t i = 0; i < results.variants.size(); ++i) {
    const VariantResult &v = results.variants[i];
    const QString predicted = v.prediction.makespan_s
                                  ? tr_("predicted %1 (%2)")
                                        .arg(duration(*v.prediction.makespan_s),
                                             printable(formula_text(v.prediction.formula)))
                                  : printable(formula_text(v.prediction.formula));
    s.blocks.push_back(
        ReportNote{static_cast<int>(i), tr_("%1 · %2").arg(printable(v.label), printable(v.model)),
                   tr_("measured %1; %2").arg(duration(v.summary.makespan_s), predicted),
                   printable(ExplanationText::of(results, v))});
  }
  return s;
}

} // namespace conlab::ui
