#include "ui/run/results_table_model.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/latency/cause_words.h"
#include "ui/run/explanation_text.h"

#include <QBrush>
#include <QCoreApplication>

#include <array>
#include <functional>

namespace conlab::ui {
namespace {

enum class Unit { text, seconds, count, percent, share, per_second, bytes, bytes_per_task };

struct Column {
  const char *title;
  const char *tip;
  Unit unit;
  std::function<QVariant(const VariantResult &)> value;
};

QVariant opt(const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); }
QVariant cost(const VariantResult &v, double value) {
  return v.summary.cost.measured ? QVariant(value) : QVariant();
}
QVariant wait_cost(const VariantResult &v, double value) {
  return v.summary.cost.waits_per_task > 0 ? cost(v, value) : QVariant();
}

// The columns before the split: what ran and how long it took.
const std::vector<Column> &responses() {
  using V = const VariantResult &;
  static const std::vector<Column> c = {
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Variant"), "", Unit::text,
       [](V v) { return QString::fromStdString(v.label); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Model"), "", Unit::text,
       [](V v) { return QString::fromStdString(v.model); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "P"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "pool or executor threads"), Unit::text,
       [](V v) { return QString::fromStdString(v.pool_description); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Completed"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "tasks finished"), Unit::count,
       [](V v) { return v.summary.completed; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Makespan"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "last end − first submit"), Unit::seconds,
       [](V v) { return v.summary.makespan_s; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Predicted"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "ideal-machine makespan"), Unit::seconds,
       [](V v) { return opt(v.prediction.makespan_s); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Throughput"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "completions / makespan"),
       Unit::per_second, [](V v) { return v.summary.throughput_per_s; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Pred. throughput"), "", Unit::per_second,
       [](V v) { return opt(v.prediction.throughput_per_s); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "p50"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "response time"), Unit::seconds,
       [](V v) { return v.summary.latency_s.p50; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "p90"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "response time"), Unit::seconds,
       [](V v) { return v.summary.latency_s.p90; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "p99"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "response time"), Unit::seconds,
       [](V v) { return v.summary.latency_s.p99; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "p99.9"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "response time"), Unit::seconds,
       [](V v) { return v.summary.latency_s.p999; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Max"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "response time"), Unit::seconds,
       [](V v) { return v.summary.latency_s.max; }},
  };
  return c;
}

// Where the response time went: "Largest part" and one share per cause, between the response
// times above and the waits below (set_results picks the causes).
const Column &largest_column() {
  static const Column c{
      QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Largest part"),
      QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                        "where most of the response time went (the “Where the time went” chart)"),
      Unit::text, [](const VariantResult &v) {
        const auto largest = largest_part(v.summary.causes);
        return largest ? QVariant(cause_name(*largest)) : QVariant();
      }};
  return c;
}

const Column &cause_column(Cause cause) {
  using V = const VariantResult &;
  // Empty where the run could not see the cause: split from the lab's own timestamps alone (an
  // HTTP target, steps too short to time), only the waits it times itself are known.
  const auto share = [](Cause c) {
    return [c](V v) {
      return cause_known(v.summary.causes, c) ? QVariant(shown_share(v.summary.causes, c))
                                              : QVariant();
    };
  };
  // In the order of enum Cause.
  static const std::vector<Column> c = {
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% queued"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time queued for a worker or an executor's thread"),
       Unit::share, share(Cause::queue_wait)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% on a core"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time running on a core"),
       Unit::share, share(Cause::on_cpu)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% ready for a core"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time ready to run, waiting for a core"),
       Unit::share, share(Cause::runnable)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% blocked"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time blocked on a timer or a blocking call"),
       Unit::share, share(Cause::blocked)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% loop busy"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time ready while its event loop ran another task"),
       Unit::share, share(Cause::loop_delay)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% GIL"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time waiting to take the interpreter lock"),
       Unit::share, share(Cause::gil_wait)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% hand-off"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time on the way to a worker process and back"),
       Unit::share, share(Cause::handoff)},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "% unexplained"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "share of the response time the parts do not explain; for an HTTP "
                         "target, all the server did"),
       Unit::share, share(Cause::other)},
  };
  return c[static_cast<std::size_t>(cause)];
}

// The columns after the split: waits inside the tasks, the machine, the cost per task.
const std::vector<Column> &waits_and_resources() {
  using V = const VariantResult &;
  static const std::vector<Column> c = {
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Queue wait p99"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "start − submit"), Unit::seconds,
       [](V v) { return v.summary.queue_wait_s.p99; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Queue share"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Σ queue wait / Σ response"),
       Unit::percent, [](V v) { return v.summary.queue_wait_share; }},
      // Empty for a variant without a GIL: there was no lock to wait for.
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "GIL wait p50"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "per task, waiting to take the interpreter lock"),
       Unit::seconds,
       [](V v) {
         return v.summary.gil.measured ? QVariant(v.summary.gil_wait_s.p50) : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "GIL share"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Σ GIL wait / Σ response"), Unit::percent,
       [](V v) {
         return v.summary.gil.measured ? QVariant(v.summary.gil_wait_share) : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Forced switches"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "times a waiting thread made the GIL's holder drop it, per run"),
       Unit::count,
       [](V v) {
         return v.summary.gil.measured ? QVariant(v.summary.gil.forced_switches) : QVariant();
       }},
      // Empty for a variant without worker processes.
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Workers' start"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "forking the worker processes until every one was ready"),
       Unit::seconds,
       [](V v) {
         return v.summary.processes.measured ? QVariant(v.summary.processes.start_s) : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Hand-off p50"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "per task, its steps' trips to a worker process and back"),
       Unit::seconds,
       [](V v) {
         return v.summary.processes.measured ? QVariant(v.summary.handoff_s.p50) : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "CPU time"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "user + system"), Unit::seconds,
       [](V v) { return v.summary.cpu_time_s; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "CPU use"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "CPU time / (makespan × cores)"),
       Unit::percent, [](V v) { return v.summary.cpu_utilization; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Ctx switches"), "", Unit::count,
       [](V v) { return static_cast<double>(v.summary.context_switches); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Peak threads"), "", Unit::count,
       [](V v) { return v.summary.peak_threads; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Workers used"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "threads that started tasks"),
       Unit::count, [](V v) { return v.summary.workers_used; }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Peak RSS"), "", Unit::bytes,
       [](V v) { return static_cast<double>(v.summary.peak_rss_bytes); }},
      // Cost per task: the totals divided, empty where nothing finished (or nothing waited).
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Memory per task"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "peak RSS above the lab's own, ÷ peak tasks in flight"),
       Unit::bytes_per_task, [](V v) { return cost(v, v.summary.cost.memory_per_task_bytes); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "CPU per wait"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "CPU time ÷ the finished tasks' waits (io and blocking_io steps)"),
       Unit::seconds, [](V v) { return wait_cost(v, v.summary.cost.cpu_per_wait_s); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Overhead per wait"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "CPU per wait less the tasks' own computation: waiting and waking"),
       Unit::seconds,
       [](V v) {
         // Below what the run resolves: the bound, as text (and sorted as nothing).
         const TaskCost &tc = v.summary.cost;
         return tc.measured && tc.waits_per_task > 0 && !overhead_resolved(tc)
                    ? QVariant(QCoreApplication::translate("conlab::ui::ResultsTableModel", "< %1")
                                   .arg(QString::fromStdString(
                                       human_duration(overhead_resolution_s(tc)))))
                    : wait_cost(v, tc.overhead_per_wait_s);
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Voluntary sw/task"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "context switches per task where a thread blocked or slept"),
       Unit::count, [](V v) { return cost(v, v.summary.cost.voluntary_switches_per_task); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Involuntary sw/task"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel",
                         "context switches per task where the kernel took the core away"),
       Unit::count, [](V v) { return cost(v, v.summary.cost.involuntary_switches_per_task); }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Thread start"),
       QT_TRANSLATE_NOOP(
           "conlab::ui::ResultsTableModel",
           "mean CPU time to start one of the threads that run tasks (pthread_create)"),
       Unit::seconds,
       [](V v) {
         return v.summary.cost.threads_started > 0 ? QVariant(v.summary.cost.thread_start_s)
                                                   : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Loop lag max"), "", Unit::seconds,
       [](V v) {
         return v.summary.loop_lag_s.measured ? QVariant(v.summary.loop_lag_s.max_s) : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Loop blocked"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "share of the run the loop was late"),
       Unit::percent,
       [](V v) {
         return v.summary.loop_lag_s.measured ? QVariant(v.summary.loop_lag_s.blocked_share)
                                              : QVariant();
       }},
      {QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "Little's law gap"),
       QT_TRANSLATE_NOOP("conlab::ui::ResultsTableModel", "|L − λW| / max(L, λW)"), Unit::percent,
       [](V v) { return v.summary.littles_law.relative_gap; }},
  };
  return c;
}

QString display(const QVariant &value, Unit unit) {
  if (!value.isValid() || (unit == Unit::text && value.toString().isEmpty()))
    return QStringLiteral("—");
  if (value.typeId() == QMetaType::QString) // a bound or a note in place of a number
    return value.toString();
  const double x = value.toDouble();
  switch (unit) {
  case Unit::text:
    return value.toString();
  case Unit::seconds:
    return QString::fromStdString(human_duration(x));
  case Unit::count:
    return QString::fromStdString(human_count(x));
  case Unit::percent:
    return QString::fromStdString(human_percent(x));
  case Unit::share: // as the "Where the time went" chart writes it: "< 0.1%", not "0.0%"
    return share_text(x);
  case Unit::per_second:
    return QString::fromStdString(human_count(x)) + QStringLiteral("/s");
  case Unit::bytes:
    return QStringLiteral("%1 MB").arg(x / 1e6, 0, 'f', 1);
  case Unit::bytes_per_task: // hundreds of bytes for a coroutine: "0.0 MB" would hide them
    return QString::fromStdString(human_bytes(x));
  }
  return {};
}

// Column `i` of a table whose split has share columns for `causes` (none, and no "Largest
// part", when no variant's split is known).
const Column &column_at(std::size_t i, const std::vector<Cause> &causes) {
  if (i < responses().size())
    return responses()[i];
  i -= responses().size();
  if (!causes.empty()) {
    if (i == 0)
      return largest_column();
    if (i <= causes.size())
      return cause_column(causes[i - 1]);
    i -= 1 + causes.size();
  }
  return waits_and_resources()[i];
}

} // namespace

ResultsTableModel::ResultsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultsTableModel::set_results(std::shared_ptr<const RunResults> results) {
  beginResetModel();
  m_results = std::move(results);
  std::vector<CauseSplit> splits;
  if (m_results)
    for (const VariantResult &v : m_results->variants)
      splits.push_back(v.summary.causes);
  m_causes = causes_shown(splits);
  endResetModel();
}

void ResultsTableModel::clear() { set_results(nullptr); }

int ResultsTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() || !m_results ? 0 : static_cast<int>(m_results->variants.size());
}

int ResultsTableModel::columnCount(const QModelIndex &parent) const {
  if (parent.isValid())
    return 0;
  const std::size_t split = m_causes.empty() ? 0 : 1 + m_causes.size();
  return static_cast<int>(responses().size() + split + waits_and_resources().size());
}

QVariant ResultsTableModel::data(const QModelIndex &index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid))
    return {};
  const VariantResult &v = m_results->variants[static_cast<std::size_t>(index.row())];
  const Column &column = column_at(static_cast<std::size_t>(index.column()), m_causes);
  switch (role) {
  case Qt::DisplayRole:
    return display(column.value(v), column.unit);
  case Qt::UserRole:
    return column.value(v);
  case Qt::TextAlignmentRole:
    return column.unit == Unit::text ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
  case Qt::DecorationRole:
    return index.column() == 0 ? QVariant(variant_colour(index.row())) : QVariant();
  case Qt::ToolTipRole:
    return index.column() == 0 ? ExplanationText::of(*m_results, v) : QVariant();
  }
  return {};
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
    return {};
  const Column &column = column_at(static_cast<std::size_t>(section), m_causes);
  if (role == Qt::DisplayRole)
    return tr(column.title);
  if (role == Qt::ToolTipRole && column.tip[0])
    return tr(column.tip);
  return {};
}

} // namespace conlab::ui
