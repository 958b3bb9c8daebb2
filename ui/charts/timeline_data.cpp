#include "ui/charts/timeline_data.h"

#include <algorithm>
#include <map>
#include <set>

namespace conlab::ui {
namespace {

double seconds(std::int64_t ns) { return static_cast<double>(ns) * 1e-9; }

// The waits inside [from, to], clipped to it, sorted and merged where they overlap.
std::vector<std::pair<double, double>> clip_waits(std::vector<std::pair<double, double>> waits,
                                                  double from, double to) {
  std::vector<std::pair<double, double>> out;
  std::sort(waits.begin(), waits.end());
  for (auto [a, b] : waits) {
    a = std::max(a, from);
    b = std::min(b, to);
    if (b <= a)
      continue;
    if (!out.empty() && a <= out.back().second)
      out.back().second = std::max(out.back().second, b);
    else
      out.emplace_back(a, b);
  }
  return out;
}

double total(const std::vector<std::pair<double, double>> &waits) {
  double sum = 0;
  for (const auto &[a, b] : waits)
    sum += b - a;
  return sum;
}

// Tasks that overlap on one worker (an event loop runs many at once) share its row in lanes.
struct Lanes {
  std::map<std::uint32_t, int> row_of; // worker → row
  std::map<std::uint32_t, std::vector<std::int64_t>> ends;
  std::vector<int> lane_of; // per task drawn
};

Lanes task_lanes(const std::vector<const TaskSample *> &started) {
  Lanes l;
  l.lane_of.resize(started.size());
  for (std::size_t i = 0; i < started.size(); ++i) {
    const TaskSample &s = *started[i];
    l.row_of.emplace(s.worker, static_cast<int>(l.row_of.size())); // in order of first use
    auto &ends = l.ends[s.worker];
    auto free =
        std::find_if(ends.begin(), ends.end(), [&](std::int64_t e) { return e <= s.start_ns; });
    if (free == ends.end()) {
      ends.push_back(s.end_ns);
      l.lane_of[i] = static_cast<int>(ends.size() - 1);
    } else {
      *free = s.end_ns;
      l.lane_of[i] = static_cast<int>(free - ends.begin());
    }
  }
  return l;
}

// About the share of a plot's height that a variant's label takes.
constexpr double kLabelShare = 1.0 / 30;

} // namespace

double space_timeline(std::vector<VariantChartData> &variants) {
  // The least height m such that m is a label's share of the total, which grows with m.
  int laid = 0;
  for (const VariantChartData &v : variants)
    laid += v.units > 0 ? 1 : 0;
  double least = kTimelineMinUnits;
  const auto total = [&](double m) {
    double sum = 0;
    for (const VariantChartData &v : variants)
      sum += v.units > 0 ? std::max(v.units, m) : 0;
    return sum;
  };
  // With 30 variants or more no height is enough: their labels are hidden whatever it is.
  if (laid * kLabelShare < 0.9)
    for (int i = 0; i < 50; ++i)
      least = std::max(kTimelineMinUnits, total(least) * kLabelShare);
  double row = 0;
  for (VariantChartData &v : variants) {
    if (v.units <= 0)
      continue;
    const double units = std::max(v.units, least);
    const double scale = units / v.units;
    const auto move = [&](double &y) { y = row - 0.5 + (y - (v.first_row - 0.5)) * scale; };
    for (TimelineBar &bar : v.bars)
      move(bar.y0), move(bar.y1);
    for (TimelineStep &step : v.steps)
      move(step.y0), move(step.y1);
    v.first_row = row;
    v.units = units;
    row += units;
  }
  return row;
}

std::vector<StateStretch> lay_out_states(double start_s, double end_s, double on_cpu_s,
                                         double runnable_s,
                                         std::vector<std::pair<double, double>> gil_waits) {
  std::vector<StateStretch> out;
  if (!(end_s > start_s))
    return out;
  const auto waits = clip_waits(std::move(gil_waits), start_s, end_s);
  const double room = (end_s - start_s) - total(waits);
  // What each state has left to fill, in the order they are drawn; blocked takes the rest.
  const ThreadState order[] = {ThreadState::on_cpu, ThreadState::runnable, ThreadState::blocked};
  double left[2];
  left[0] = std::clamp(on_cpu_s, 0.0, room);
  left[1] = std::clamp(runnable_s, 0.0, room - left[0]);
  std::size_t k = 0;
  const auto push = [&](double a, double b, ThreadState state) {
    if (b <= a)
      return;
    if (!out.empty() && out.back().state == state && out.back().to_s >= a)
      out.back().to_s = b;
    else
      out.push_back({a, b, state});
  };
  const auto fill = [&](double a, double b) {
    while (a < b) {
      while (k < 2 && left[k] <= 0)
        ++k;
      const double to = k == 2 || left[k] >= b - a ? b : a + left[k];
      if (k < 2)
        left[k] = to == b ? left[k] - (b - a) : 0;
      push(a, to, order[k]);
      a = to;
    }
  };
  double cursor = start_s;
  for (const auto &[a, b] : waits) {
    fill(cursor, a);
    push(a, b, ThreadState::gil);
    cursor = b;
  }
  fill(cursor, end_s);
  return out;
}

void build_timeline(const RepeatResult &repeat, VariantChartData &v, double first_row) {
  std::vector<const TaskSample *> started;
  for (const TaskSample &s : repeat.samples)
    if (s.started() && s.finished())
      started.push_back(&s);
  v.tasks_started = static_cast<int>(started.size());
  std::sort(started.begin(), started.end(),
            [](const TaskSample *a, const TaskSample *b) { return a->start_ns < b->start_ns; });
  if (started.size() > static_cast<std::size_t>(kTimelineTaskCap))
    started.resize(kTimelineTaskCap);
  v.tasks_drawn = static_cast<int>(started.size());

  Lanes lanes = task_lanes(started);
  v.task_rows = static_cast<int>(lanes.row_of.size());
  // The steps of the tasks drawn. A step on a thread that started no task ran on an executor:
  // that thread gets a row of its own, after the task threads, in the recorder's index order.
  std::map<std::uint32_t, std::size_t> drawn; // task → its place in `started`
  for (std::size_t i = 0; i < started.size(); ++i)
    drawn.emplace(started[i]->task, i);
  std::vector<std::pair<const StepSpan *, std::size_t>> spans;
  std::set<std::uint32_t> step_threads;
  for (const StepSpan &span : repeat.step_spans) {
    auto it = drawn.find(span.task);
    if (it == drawn.end() || span.end_ns < span.start_ns)
      continue;
    spans.emplace_back(&span, it->second);
    if (!lanes.row_of.contains(span.worker))
      step_threads.insert(span.worker);
  }
  for (std::uint32_t worker : step_threads)
    lanes.row_of.emplace(worker, static_cast<int>(lanes.row_of.size()));

  v.first_row = first_row;
  v.rows = static_cast<int>(lanes.row_of.size());
  // A row is a row unit high. A loop's row holds its tasks in lanes: beside its executor's rows
  // it keeps the height it has alone (kTimelineMinUnits), so its lanes still read.
  std::vector<double> weight(lanes.row_of.size(), 1.0);
  if (!step_threads.empty())
    for (const auto &[worker, row] : lanes.row_of)
      if (row < v.task_rows && lanes.ends[worker].size() > 1)
        weight[static_cast<std::size_t>(row)] = kTimelineMinUnits;
  std::vector<double> offset(weight.size() + 1, 0.0);
  for (std::size_t r = 0; r < weight.size(); ++r)
    offset[r + 1] = offset[r] + weight[r];
  // At least kTimelineMinUnits row units per variant, so its label fits beside it.
  v.units = std::max(offset.back(), kTimelineMinUnits);
  const double scale = offset.back() > 0 ? v.units / offset.back() : 1;
  const auto row_height = [&](std::uint32_t worker) {
    return weight[static_cast<std::size_t>(lanes.row_of[worker])] * scale;
  };
  const auto row_middle = [&](std::uint32_t worker) {
    const auto r = static_cast<std::size_t>(lanes.row_of[worker]);
    return first_row - 0.5 + (offset[r] + weight[r] / 2) * scale;
  };
  // The recorded waits for the lock, by task (they come sorted by task).
  std::map<std::uint32_t, std::vector<std::pair<double, double>>> gil_waits;
  for (const GilWait &w : repeat.gil_waits)
    gil_waits[w.task].emplace_back(seconds(w.start_ns), seconds(w.end_ns));
  v.bars.reserve(started.size());
  for (std::size_t i = 0; i < started.size(); ++i) {
    const TaskSample &s = *started[i];
    const double row = row_middle(s.worker);
    const double height =
        0.8 * row_height(s.worker) / static_cast<double>(lanes.ends[s.worker].size());
    TimelineBar bar;
    bar.submit_s = seconds(s.submit_ns);
    bar.start_s = seconds(s.start_ns);
    bar.end_s = seconds(s.end_ns);
    bar.y0 = row - 0.4 * row_height(s.worker) + height * lanes.lane_of[i];
    bar.y1 = bar.y0 + height;
    bar.task = static_cast<int>(s.task);
    bar.worker = static_cast<int>(s.worker);
    bar.gil_wait_s = seconds(s.gil_wait_ns());
    if (auto it = gil_waits.find(s.task); it != gil_waits.end())
      bar.gil_waits = it->second;
    v.bars.push_back(std::move(bar));
  }

  v.steps.reserve(spans.size());
  for (const auto &[span, index] : spans) {
    const TimelineBar &bar = v.bars[index];
    TimelineStep step;
    step.start_s = seconds(span->start_ns);
    step.end_s = seconds(span->end_ns);
    step.task = bar.task;
    step.worker = static_cast<int>(span->worker);
    // A step on its task's own thread lies inside the task's bar: drawn in the bar's lane.
    step.own_row = span->worker != started[index]->worker;
    if (step.own_row) {
      const double row = row_middle(span->worker);
      step.y0 = row - 0.4 * row_height(span->worker);
      step.y1 = row + 0.4 * row_height(span->worker);
    } else {
      step.y0 = bar.y0;
      step.y1 = bar.y1;
    }
    // The task's waits for the lock during the step were this thread's.
    const auto waits = clip_waits(bar.gil_waits, step.start_s, step.end_s);
    step.states = lay_out_states(step.start_s, step.end_s, span->on_cpu_s, span->runnable_s, waits);
    for (const StateStretch &s : step.states) {
      const double d = s.to_s - s.from_s;
      switch (s.state) {
      case ThreadState::on_cpu:
        step.on_cpu_s += d;
        break;
      case ThreadState::runnable:
        step.runnable_s += d;
        break;
      case ThreadState::blocked:
        step.blocked_s += d;
        break;
      case ThreadState::gil:
        step.gil_wait_s += d;
        break;
      }
    }
    v.steps.push_back(std::move(step));
  }
}

} // namespace conlab::ui
