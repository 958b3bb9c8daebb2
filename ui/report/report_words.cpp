#include "ui/report/report_words.h"

#include "core/engine/model_registry.h"
#include "core/util/format.h"
#include "ui/charts/chart_style.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <utility>

namespace conlab::ui {
namespace {

// A duration as the experiment gives it, without rounding noise: "1 s", "1.5 s", "250 ms".
QString duration(double ms) {
  if (ms >= 1000)
    return tr_("%1 s").arg(QString::number(ms / 1000, 'g', 6));
  if (ms >= 1 || ms == 0)
    return tr_("%1 ms").arg(QString::number(ms, 'g', 6));
  return tr_("%1 µs").arg(QString::number(ms * 1000, 'g', 6));
}

// Where a named pool size comes from, in words.
QString pool_origin(const std::string &named) {
  if (named == "python_default_executor")
    return tr_("Python's default executor: min(32, cores + 4)");
  if (named == "anyio_default")
    return tr_("AnyIO's default thread limiter");
  if (named == "cores")
    return tr_("one per core");
  return printable(named);
}

// How long, and how the length is drawn (empty when fixed): ("1 s", ""), ("0.5 s to 1.5 s",
// " (uniform)"), ("1 s on average", " (exponential)").
std::pair<QString, QString> describe_duration(const Duration &d) {
  switch (d.distribution) {
  case DistributionKind::fixed:
    return {duration(d.ms), {}};
  case DistributionKind::uniform:
    return {tr_("%1 to %2").arg(duration(d.min_ms), duration(d.max_ms)), tr_(" (uniform)")};
  case DistributionKind::exponential:
    return {tr_("%1 on average").arg(duration(d.ms)), tr_(" (exponential)")};
  }
  return {};
}

QString describe_step(const Step &step) {
  const auto [how_long, drawn] = describe_duration(step.duration);
  switch (step.kind) {
  case StepKind::io:
    return tr_("one non-blocking wait of %1%2").arg(how_long, drawn);
  case StepKind::blocking_io:
    return tr_("one blocking I/O call of %1%2").arg(how_long, drawn);
  case StepKind::cpu:
    // Fixed work, calibrated to about 1 ms of one core per ms (DESIGN.md).
    return tr_("one computation of %1 on one core%2").arg(how_long, drawn);
  }
  return {};
}

bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

} // namespace

QString describe_task(const std::vector<Step> &steps) {
  if (steps.empty())
    return tr_("nothing (no steps)");
  QStringList parts;
  for (const Step &s : steps)
    parts << (s.is_repeat() ? tr_("%1 times over: (%2)")
                                  .arg(QLocale().toString(static_cast<qlonglong>(*s.repeat)),
                                       describe_task(s.steps))
                            : describe_step(s));
  return parts.join(tr_(", then "));
}

namespace {

QString describe_model_threads(const VariantResult &variant, const Variant &spec) {
  const ModelInfo *info = find_model(variant.model);
  if (info && info->uses_loops && spec.processes.value_or(false))
    return variant.loops == 1 ? tr_("one event loop in one worker process")
                              : tr_("%1 event loops, one worker process each, each with its own "
                                    "interpreter")
                                    .arg(variant.loops);
  if (info && info->uses_loops)
    return variant.loops == 1 ? tr_("one event loop on one thread")
                              : tr_("%1 event loops, one thread each").arg(variant.loops);
  if (info && info->uses_offload && !variant.offload)
    return tr_("one Qt event loop, nothing offloaded");
  if (info && info->uses_pool_size) {
    const std::string named =
        spec.pool_size ? spec.pool_size->named : std::string(info->default_pool);
    const bool processes = runs_in_processes(spec);
    QString threads =
        processes                ? (variant.pool_size == 1 ? tr_("1 worker process")
                                                           : tr_("%1 worker processes").arg(variant.pool_size))
        : variant.pool_size == 1 ? tr_("1 thread")
                                 : tr_("%1 threads").arg(variant.pool_size);
    if (!named.empty())
      threads += tr_(" (%1)").arg(pool_origin(named));
    return (info->uses_offload     ? tr_("one Qt event loop; blocking steps on a pool of %1")
            : info->has_event_loop ? tr_("one event loop; an executor of %1")
                                   : tr_("a pool of %1"))
        .arg(threads);
  }
  if (info && info->has_event_loop)
    return tr_("one event loop on one thread");
  if (variant.model == "thread_per_task")
    return tr_("a new thread per task, as many at once as tasks in flight");
  return tr_("as the model decides");
}

} // namespace

QString describe_threads(const VariantResult &variant, const Variant &spec) {
  QString out = describe_model_threads(variant, spec);
  if (spec.has_gil())
    out += tr_("; one GIL, switch interval %1")
               .arg(QString::fromStdString(human_duration(spec.switch_interval() / 1000)));
  if (const int k = spec.background_cpu_threads.value_or(0); k > 0)
    out += k == 1 ? tr_("; 1 background CPU thread") : tr_("; %1 background CPU threads").arg(k);
  return out;
}

QString describe_load(const Load &load) {
  const QString tasks = QString::fromStdString(human_count(static_cast<double>(load.tasks)));
  if (load.kind == LoadKind::closed) {
    const QString clients = QString::fromStdString(human_count(static_cast<double>(load.clients)));
    QString text = tr_("closed: %1 tasks from %2 clients, each sending its next task when its "
                       "previous one ends")
                       .arg(tasks, clients);
    if (load.clients >= load.tasks)
      text += tr_(" (all %1 at once)").arg(tasks);
    return text;
  }
  const QString rate = QString::fromStdString(human_rate(load.rate_per_s));
  return tr_("open: %1 tasks arriving at %2 per second (%3), whatever happens; response time "
             "counts from each task's intended arrival")
      .arg(tasks, rate,
           load.arrivals == ArrivalKind::poisson ? tr_("Poisson") : tr_("evenly spaced"));
}

QString describe_time_scale(double time_scale) {
  if (time_scale == 1)
    return {};
  return tr_("Time scale %1: every duration above ran %1 times as long (1 s took %2), and the "
             "measured and predicted times below are at that scale.")
      .arg(QString::fromStdString(human_scale(time_scale)),
           QString::fromStdString(human_duration(time_scale)));
}

QString describe_calibration(const CpuCalibration &calibration) {
  if (calibration.iterations_per_ms <= 0)
    return tr_("not calibrated");
  return tr_("%1 kernel iterations per ms of one core, the fastest of %2 trials (calibrating took "
             "%3)")
      .arg(QString::fromStdString(human_count(calibration.iterations_per_ms)))
      .arg(calibration.trials)
      .arg(QString::fromStdString(human_duration(calibration.calibration_ms / 1000)));
}

QString glue_units(const QString &text) {
  static const QRegularExpression number_then_unit(
      QStringLiteral("(\\d) (s|ms|µs|ns|min|h|threads?|tasks|cores?)\\b"),
      QRegularExpression::UseUnicodePropertiesOption);
  QString out = text;
  return out.replace(number_then_unit, QStringLiteral("\\1\u00a0\\2"));
}

QString printable(const QString &text) {
  QString out;
  out.reserve(text.size());
  for (char32_t c : text.toUcs4())
    if (xml_char(c))
      out += QString::fromUcs4(&c, 1);
  return out;
}

QString printable(const std::string &text) { return printable(QString::fromStdString(text)); }

} // namespace conlab::ui
