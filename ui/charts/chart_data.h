// What the charts draw, prepared from a RunResults off the GUI thread: small, decimated point
// lists (a 100,000-task run becomes a few thousand points) so building a chart never stalls.
#pragma once

#include "core/analysis/latency_over_time.h"
#include "core/capacity/capacity_results.h"
#include "core/results/results.h"
#include "ui/sweep/sweep_chart_data.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace conlab::ui {

// How many tasks per variant the timeline draws at most (the first ones to start).
inline constexpr int kTimelineTaskCap = 2000;
// The least height, in row units, a variant gets on the timeline (room for its label); more
// beside a variant of many threads (see space_timeline).
inline constexpr double kTimelineMinUnits = 3;

struct TimelineBar {
  double submit_s = 0, start_s = 0, end_s = 0;
  double y0 = 0, y1 = 0; // vertical extent in row units (row ± 0.4, split into lanes)
  int task = 0;
  int worker = 0;
  std::vector<std::pair<double, double>> gil_waits; // under a GIL: [from, to] waiting for it
  double gil_wait_s = 0;                            // all of the task's GIL wait
};

// What a thread did during a step it ran itself, as the kernel counted it.
enum class ThreadState { on_cpu, runnable, blocked, gil };

// A stretch of a step in one state. The kernel gives each state's total per step, not when it
// happened, so the timeline lays the totals out in a fixed order (on a core, waiting for a
// core, blocked), around the waits for the GIL, whose times are known.
struct StateStretch {
  double from_s = 0, to_s = 0;
  ThreadState state = ThreadState::blocked;
};

// A step that a thread ran itself (a blocking call or a computation: core's StepSpan).
struct TimelineStep {
  double start_s = 0, end_s = 0;
  double y0 = 0, y1 = 0; // its task bar's lane, or the whole row of a thread of its own
  int task = 0;
  int worker = 0;
  // On the row of a thread other than the one that started its task (an executor's thread);
  // otherwise it lies inside its task's bar and is drawn over it.
  bool own_row = false;
  double on_cpu_s = 0, runnable_s = 0, gil_wait_s = 0, blocked_s = 0; // they add up to the step
  std::vector<StateStretch> states;                                   // time order, no gaps
};

struct VariantChartData {
  int index = 0; // position in the experiment: its colour
  QString label;
  QString model;
  bool has_event_loop = false;
  // summary
  double makespan_s = 0;
  double throughput_per_s = 0;
  std::optional<double> predicted_makespan_s;
  std::optional<double> predicted_throughput_per_s;
  std::optional<double> claimed_makespan_s;
  QString formula;
  std::uint32_t tasks = 0, completed = 0;
  TaskCost cost;            // per task: memory in flight, CPU per wait, context switches
  CauseSplit causes;        // every finished task's response time by cause, summed
  bool http_target = false; // measured over HTTP: the split sees the client's side only
  // response time
  QList<QPointF> cdf; // x: seconds, y: share of tasks 0..1
  // Open load over HTTP: the same answers timed from when each request was sent rather than due.
  // That is what a generator that waits for its own sends reports (coordinated omission), and
  // drawn beside the honest curve it shows how much of the wait such a tool would hide.
  QList<QPointF> cdf_from_send;
  double min_from_send_s = 0;
  double p50_s = 0, p99_s = 0, min_response_s = 0, max_response_s = 0;
  QList<double> histogram_counts; // one per histogram bin (ChartData::histogram_edges)
  // Beyond its sample budget a run keeps the first samples and bins the rest: the CDF and the
  // histogram then come from the bins (to 0.1%), and the charts say so.
  std::uint64_t folded_tasks = 0; // all the tasks, when some were binned; else 0
  std::uint32_t kept_samples = 0; // per repeat, at most: the sample budget
  // response time over the run (first repeat), at the same interval in every variant
  LatencyOverTime latency_map;
  // over time (first repeat), x: seconds since the variant's start
  QList<QPointF> throughput; // completions per second, as steps
  QList<QPointF> in_flight;  // tasks
  QList<QPointF> loop_lag;   // ms, the worst loop per time bucket
  // A watched server (load --watch), first repeat; x: seconds since the variant's start
  bool watched = false;
  QList<QPointF> server_cpu;     // cores busy: CPU seconds per second
  QList<QPointF> server_waiting; // threads ready but waiting for a core, on average
  QList<QPointF> server_threads; // threads it ran
  QString server_note;           // describe_watch's sentence
  // timeline
  std::vector<TimelineBar> bars;
  std::vector<TimelineStep> steps; // empty when the run did not split its steps' time
  double first_row = 0;            // where the variant's rows start, in row units
  int rows = 0;                    // worker threads, one row each
  // The first task_rows rows are threads that started tasks (a loop, a pool's threads); the
  // rest only ran steps handed to them (an executor's threads), after them in index order.
  int task_rows = 0;
  // Height in row units: one per row (a loop's row beside its executor's rows: as many as the
  // least height), and at least the least height.
  double units = 0;
  int tasks_drawn = 0, tasks_started = 0;
};

struct ChartData {
  QString experiment_name;
  double time_scale = 1;
  bool cancelled = false;
  int repeats = 1;
  std::vector<VariantChartData> variants;
  QList<double> histogram_edges; // seconds, shared by all variants
  bool histogram_log = false;
  double timeline_rows = 0;                        // row units of all variants
  std::shared_ptr<const SweepChartData> sweep;     // a sweep's results (variants is then empty)
  std::shared_ptr<const CapacityResults> capacity; // a capacity search (variants is then empty)
};

// Pure and thread-safe: call it on a worker thread.
ChartData build_chart_data(const RunResults &results);
ChartData build_chart_data(const CapacityResults &results);

// Keeps at most `max_points` points, preserving each bucket's minimum and maximum y.
QList<QPointF> decimate(const QList<QPointF> &points, int max_points);

} // namespace conlab::ui
