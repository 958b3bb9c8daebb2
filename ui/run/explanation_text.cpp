#include "ui/run/explanation_text.h"

#include "core/util/format.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace conlab::ui {
namespace {

QString duration(double s) { return QString::fromStdString(human_duration(s)); }
QString percent(double share) { return QString::fromStdString(human_percent(share)); }
QString count(double n) { return QString::fromStdString(human_count(n)); }

} // namespace

QString ExplanationText::pool_limit(const ExplanationFacts &f) {
  QString out;
  const QString p = QString::number(f.pool_threads);
  switch (f.pool) {
  case PoolKind::none:
    break;
  case PoolKind::python_default_executor:
    out = tr(" (Python's default executor has min(32, cores + 4) = %1 threads on %2 cores)")
              .arg(p, QString::number(f.cores));
    break;
  case PoolKind::anyio_default:
    out = tr(" (AnyIO's thread limiter allows %1 threads)").arg(p);
    break;
  case PoolKind::plain:
    out = f.pool_threads == 1 ? tr(" (the pool has 1 thread)")
                              : tr(" (the pool has %1 threads)").arg(p);
    break;
  case PoolKind::processes:
    out = f.pool_threads == 1 ? tr(" (the pool has 1 worker process)")
                              : tr(" (the pool has %1 worker processes)").arg(p);
    break;
  }
  if (f.waves > 1)
    out += tr(", so %1 tasks took %2 waves")
               .arg(QString::number(f.tasks_per_repeat), QString::number(f.waves));
  return out;
}

QString ExplanationText::cause(const ExplanationFacts &f) {
  switch (f.cause) {
  case ExplanationCause::gil_bound:
    if (f.gil_waits_only)
      return tr("Its threads waited %1 of their running time for the GIL, about %2 each time a "
                "wait ended: a CPU-bound thread held the lock, and a waiting thread gets it back "
                "only when the switch interval (%3) has passed and it asks for it.")
          .arg(percent(f.share), duration(f.gil_wait_per_wake_s), duration(f.switch_interval_s));
    return tr("Its threads waited %1 of their running time for the GIL (%2 forced switches): in "
              "CPython one thread runs Python code at a time, so %3 threads computed at the speed "
              "of one.")
        .arg(percent(f.share), count(f.forced_switches), count(f.gil_threads));
  case ExplanationCause::loop_held_up_elsewhere:
    return tr("The event loop was held up %1 of the run (worst lag %2) although no step of this "
              "workload blocks it: the machine was busy with other work, and these numbers carry "
              "that noise.")
        .arg(percent(f.share), duration(f.worst_lag_s));
  case ExplanationCause::loop_blocked:
    return tr("The event loop was blocked %1 of the run (worst lag %2): each blocking step froze "
              "every task, so about %3 ran at a time.")
        .arg(percent(f.share), duration(f.worst_lag_s), count(f.overlap));
  case ExplanationCause::executor_bound:
    if (f.pool == PoolKind::processes)
      return tr("The loop stayed free (worst lag %1), but tasks spent %2 of their response time "
                "waiting for a worker process; about %3 ran their blocking work at once%4.")
          .arg(duration(f.worst_lag_s), percent(f.share), count(f.overlap), pool_limit(f));
    return tr("The loop stayed free (worst lag %1), but tasks spent %2 of their response time "
              "waiting for an executor thread; about %3 ran their blocking work at once%4.")
        .arg(duration(f.worst_lag_s), percent(f.share), count(f.overlap), pool_limit(f));
  case ExplanationCause::queue_bound:
    return (f.own_thread ? tr("Tasks spent %1 of their response time waiting for their own thread "
                              "to start; about %2 ran at once%3.")
                         : tr("Tasks spent %1 of their response time queued for a worker; about "
                              "%2 ran at once%3."))
        .arg(percent(f.share), count(f.overlap), pool_limit(f));
  case ExplanationCause::cpu_saturated:
    return tr("The CPU was saturated (%1 of %2 cores): computation, not waiting, set the pace.")
        .arg(percent(f.share), QString::number(f.cores));
  case ExplanationCause::cpu_overlap:
    return tr("About %1 tasks computed at once on %2 cores (CPU %3 busy): computation can only "
              "overlap as far as there are free cores.")
        .arg(count(f.overlap), QString::number(f.cores), percent(f.share));
  case ExplanationCause::external_server:
    return {}; // against_model says it all
  case ExplanationCause::waits_overlapped:
    if (f.lag_measured)
      return tr("About %1 tasks overlapped at once and the loop stayed responsive (worst lag %2); "
                "waiting was overlapped, not queued.")
          .arg(count(f.overlap), duration(f.worst_lag_s));
    return tr("About %1 tasks overlapped at once; waiting was overlapped, not queued.")
        .arg(count(f.overlap));
  }
  return {};
}

QString ExplanationText::processes(const ExplanationFacts &f) {
  if (f.worker_processes <= 0)
    return {};
  const QString workers = count(f.worker_processes), start = duration(f.process_start_s);
  QString out = f.process_start_in_run
                    ? tr(" Each of its %1 worker processes has an interpreter of its own; starting "
                         "them took %2 inside the makespan")
                          .arg(workers, start)
                    : tr(" Each of its %1 worker processes has an interpreter of its own; starting "
                         "them took %2 before the run, as a server's do")
                          .arg(workers, start);
  if (f.handoff_p50_s > 0)
    out +=
        tr(", and each task's trip to a worker and back %1 (p50)").arg(duration(f.handoff_p50_s));
  out += tr(".");
  if (f.tasks_taken_down > 0)
    out += tr(" A worker process died and took down %1 tasks.").arg(count(f.tasks_taken_down));
  return out;
}

QString ExplanationText::against_prediction(const PredictionCheck &c) {
  const QString gap = (c.gap >= 0 ? QStringLiteral("+") : QString()) + percent(c.gap);
  const QString measured = duration(c.measured_s), predicted = duration(c.predicted_s);
  switch (c.verdict) {
  case PredictionCheck::Verdict::slower:
    return tr(" Measured %1 vs predicted %2 (%3): slower than an ideal machine by more than 10%, "
              "overhead or contention worth a look.")
        .arg(measured, predicted, gap);
  case PredictionCheck::Verdict::faster:
    return tr(" Measured %1 vs predicted %2 (%3): faster than the model says, so the model misses "
              "something here.")
        .arg(measured, predicted, gap);
  case PredictionCheck::Verdict::close:
    break;
  }
  return tr(" Measured %1 vs predicted %2 (%3).").arg(measured, predicted, gap);
}

QString ExplanationText::model_words(const ExplanationFacts &f) {
  const QString model = QString::fromStdString(f.model);
  const QString p = QString::number(f.pool_threads);
  switch (f.pool) {
  case PoolKind::python_default_executor:
    return tr("%1: Python's default executor has min(32, cores + 4) = %2 threads on %3 cores")
        .arg(model, p, QString::number(f.cores));
  case PoolKind::anyio_default:
    return tr("%1: AnyIO's thread limiter allows %2 threads").arg(model, p);
  case PoolKind::plain:
    return f.pool_threads == 1 ? tr("%1: the pool has 1 thread").arg(model)
                               : tr("%1: the pool has %2 threads").arg(model, p);
  case PoolKind::processes:
    return f.pool_threads == 1 ? tr("%1: the pool has 1 worker process").arg(model)
                               : tr("%1: the pool has %2 worker processes").arg(model, p);
  case PoolKind::none:
    break;
  }
  if (f.model_blocks_loop)
    return tr("%1: a blocking step holds the one loop, so requests are served one at a time")
        .arg(model);
  if (f.model == "event_loop")
    return tr("%1: the waits overlap on one loop").arg(model);
  return model;
}

QString ExplanationText::against_model(const ExplanationFacts &f) {
  if (!f.prediction)
    return {};
  const PredictionCheck &c = *f.prediction;
  const QString gap = (c.gap >= 0 ? QStringLiteral("+") : QString()) + percent(c.gap);
  const QString measured = duration(c.measured_s), predicted = duration(c.predicted_s);
  switch (c.verdict) {
  case PredictionCheck::Verdict::close:
    break;
  case PredictionCheck::Verdict::slower:
    return tr("The server took %1 where its model (%2) predicts %3 (%4): it does not work as "
              "that model says; it overlapped less (a smaller pool, a blocking call, or too few "
              "cores).")
        .arg(measured, model_words(f), predicted, gap);
  case PredictionCheck::Verdict::faster:
    return tr("The server took %1 where its model (%2) predicts %3 (%4): it does not work as "
              "that model says; it overlapped more (a larger pool, or a wait that does not "
              "block).")
        .arg(measured, model_words(f), predicted, gap);
  }
  return tr("The server took %1, as its model predicts (%2, %3), %4.")
      .arg(measured, predicted, gap, model_words(f));
}

QString ExplanationText::against_claim(const ClaimCheck &c, std::uint32_t tasks) {
  if (c.agrees)
    return tr(" This agrees with the reported %1.").arg(duration(c.claimed_s));
  if (c.by_waves)
    return tr(" The reported %1 does not hold here: with %2 threads, %3 tasks need ⌈%3/%2⌉ = %4 "
              "waves; %1 would need %3 threads at once.")
        .arg(duration(c.claimed_s), QString::number(c.threads), QString::number(tasks),
             QString::number(c.waves));
  return tr(" The reported %1 does not hold here (measured %2).")
      .arg(duration(c.claimed_s), duration(c.measured_s));
}

QString ExplanationText::words(const ExplanationFacts &f) {
  if (f.nothing_finished)
    return tr("No task finished, so there is nothing to explain yet.");
  QString out = cause(f) + processes(f) + split(f);
  if (f.completed < f.tasks)
    return out + tr(" Only %1 of %2 tasks finished before the run stopped.")
                     .arg(QString::number(f.completed), QString::number(f.tasks));
  if (f.cause == ExplanationCause::external_server)
    out += against_model(f);
  else if (f.prediction)
    out += against_prediction(*f.prediction);
  if (f.claim)
    out += against_claim(*f.claim, f.tasks_per_repeat);
  return out.trimmed(); // a cause with nothing to say leaves a space
}

QString ExplanationText::cause_words(Cause c) {
  switch (c) {
  case Cause::queue_wait:
    return tr("queued");
  case Cause::on_cpu:
    return tr("on a core");
  case Cause::runnable:
    return tr("waiting for a core");
  case Cause::blocked:
    return tr("blocked on a wait");
  case Cause::loop_delay:
    return tr("ready while its loop ran others");
  case Cause::gil_wait:
    return tr("waiting for the GIL");
  case Cause::handoff:
    return tr("on the way to a worker process");
  case Cause::other:
    return tr("unexplained");
  }
  return {};
}

QString ExplanationText::split(const ExplanationFacts &f) {
  const auto percent = [](double share) { return QString::fromStdString(human_percent(share)); };
  const std::vector<ExplanationFacts::SplitPart> named = split_parts_to_name(f);
  QStringList parts;
  for (const auto &part : named)
    parts << tr("%1 %2").arg(percent(part.share), cause_words(part.cause));
  QString out;
  if (!parts.empty())
    out = named.size() < f.split.size()
              ? tr(" The rest went to: %1.").arg(parts.join(tr(", ")))
              : tr(" Its response time went to: %1.").arg(parts.join(tr(", ")));
  if (f.ready_share_of_started <= 0)
    return out;
  const QString ready = percent(f.ready_share_of_started);
  const QString cores = f.cores == 1 ? tr("1 core") : tr("%1 cores").arg(f.cores);
  if (f.pool_size > 0)
    return out + tr(" Once started, %1 of it was spent ready but waiting for a core: the CPU "
                    "(%2), not the pool of %3, was the limit.")
                     .arg(ready, cores, QString::number(f.pool_size));
  return out + tr(" Once started, %1 of it was spent ready but waiting for a core: the CPU (%2) "
                  "was the limit.")
                   .arg(ready, cores);
}

QString ExplanationText::cost_comparison(const CostComparison &c) {
  QStringList items;
  const auto times = [](double x) { return QString::fromStdString(human_count(x)); };
  if (c.memory_ratio)
    items << tr("%1× the memory per task").arg(times(*c.memory_ratio));
  if (c.cpu_per_wait_ratio)
    items << tr("%1× the CPU per wait").arg(times(*c.cpu_per_wait_ratio));
  if (c.overhead_per_wait_ratio)
    items << (c.overhead_ratio_is_lower_bound
                  ? tr("more than %1× the CPU per wait beyond the tasks' own computation")
                  : tr("%1× the CPU per wait beyond the tasks' own computation"))
                 .arg(times(*c.overhead_per_wait_ratio));
  if (c.switches_ratio)
    items << tr("%1× the context switches per task").arg(times(*c.switches_ratio));
  QString parts;
  for (qsizetype i = 0; i < items.size(); ++i)
    parts += (i == 0 ? QString() : i + 1 == items.size() ? tr(" and ") : tr(", ")) + items[i];
  return tr(" Each task on a thread here took %1 of a coroutine in “%2”.")
      .arg(parts, QString::fromStdString(c.coroutine_label));
}

QString ExplanationText::cost_comparison(const RunResults &results, const VariantResult &v) {
  const auto &specs = results.experiment.variants;
  if (specs.size() != results.variants.size())
    return {};
  std::vector<MeasuredVariant> run;
  std::optional<std::size_t> self;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    run.push_back({&specs[i], &results.variants[i].summary});
    if (!self && results.variants[i].label == v.label)
      self = i;
  }
  if (!self)
    return {};
  const auto c = compare_with_coroutines(run[*self], run, results.environment.cores);
  return c ? cost_comparison(*c) : QString();
}

QString ExplanationText::of(const RunResults &results, const VariantResult &v) {
  // What went wrong in a repeat (a worker process died) comes first, in the system's words.
  QString errors;
  for (const RepeatResult &r : v.repeats)
    if (!r.error.empty())
      errors +=
          tr("Repeat %1: %2. ").arg(QString::number(r.repeat + 1), QString::fromStdString(r.error));
  for (const Variant &variant : results.experiment.variants)
    if (variant.label == v.label)
      return errors +
             words(explanation_facts(variant, v.summary, v.prediction,
                                     results.experiment.time_scale, results.environment.cores,
                                     v.repeats.size())) +
             cost_comparison(results, v);
  return QString::fromStdString(v.explanation);
}

} // namespace conlab::ui
