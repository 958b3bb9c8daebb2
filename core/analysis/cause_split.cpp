#include "core/analysis/cause_split.h"

#include <algorithm>

namespace conlab {

namespace {

struct CauseInfo {
  std::string_view key, source;
};
// In the order of enum Cause.
constexpr std::array<CauseInfo, kCauseCount> kInfo{{
    {"queue_wait", "the lab's timestamps: start − submit, and each executor wait"},
    {"on_cpu", "the thread's CPU clock, read around each thread-run step (a pool's whole task)"},
    {"runnable", "/proc/thread-self/schedstat (run-queue wait), read around the same"},
    {"blocked",
     "the step's wall time less its run time, run-queue wait and GIL waits; a loop's timer"},
    {"loop_delay", "the lab's timestamps: resumed − ready, on the task's loop"},
    {"gil_wait", "the lab's interpreter lock: each wait to take it, and to hand it over"},
    {"handoff", "the lab's timestamps: a step's trip to a worker process and back"},
    {"other", "response time less every part above"},
}};

} // namespace

std::string_view cause_key(Cause cause) { return kInfo[static_cast<std::size_t>(cause)].key; }
std::string_view cause_source(Cause cause) { return kInfo[static_cast<std::size_t>(cause)].source; }

namespace {
constexpr std::array<std::string_view, 4> kLeftOut{"", "short_steps", "child_processes",
                                                   "turned_off"};
} // namespace

std::string_view left_out_key(SplitLeftOut why) { return kLeftOut[static_cast<std::size_t>(why)]; }

std::optional<SplitLeftOut> left_out_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kLeftOut.size(); ++i)
    if (kLeftOut[i] == key)
      return static_cast<SplitLeftOut>(i);
  return std::nullopt;
}

Cause CauseSplit::largest() const { return largest_part(*this).value_or(Cause::other); }

CauseSplit &CauseSplit::operator+=(const CauseSplit &o) {
  measured = measured || o.measured;
  if (left_out == SplitLeftOut::no)
    left_out = o.left_out;
  tasks += o.tasks;
  response_s += o.response_s;
  for (std::size_t i = 0; i < kCauseCount; ++i)
    total_s[i] += o.total_s[i];
  return *this;
}

SplitKnown split_known(const CauseSplit &split) {
  if (split.tasks == 0 || !(split.response_s > 0))
    return SplitKnown::nothing;
  return split.measured ? SplitKnown::everything : SplitKnown::lab_side;
}

bool cause_known(const CauseSplit &split, Cause cause) {
  switch (split_known(split)) {
  case SplitKnown::nothing:
    return false;
  case SplitKnown::everything:
    return true;
  case SplitKnown::lab_side: // what the lab's own timestamps time; the rest is in `other`
    return cause == Cause::queue_wait || cause == Cause::gil_wait || cause == Cause::handoff ||
           cause == Cause::other;
  }
  return false;
}

double shown_share(const CauseSplit &split, Cause cause) {
  return cause_known(split, cause) ? std::max(0.0, split.share(cause)) : 0.0;
}

double seconds_per_task(const CauseSplit &split, Cause cause) {
  return split.tasks > 0 ? std::max(0.0, split.seconds(cause)) / static_cast<double>(split.tasks)
                         : 0.0;
}

std::vector<Cause> causes_shown(const std::vector<CauseSplit> &splits) {
  std::vector<Cause> out;
  for (Cause c : kCauses)
    if (std::any_of(splits.begin(), splits.end(),
                    [c](const CauseSplit &s) { return shown_share(s, c) >= kCauseShownShare; }))
      out.push_back(c);
  return out;
}

std::optional<Cause> largest_part(const CauseSplit &split) {
  const SplitKnown known = split_known(split);
  if (known == SplitKnown::nothing)
    return std::nullopt;
  std::optional<Cause> best;
  for (Cause c : kCauses)
    if (c != Cause::other && cause_known(split, c) && shown_share(split, c) > 0 &&
        (!best || split.share(c) > split.share(*best)))
      best = c;
  if (best && known == SplitKnown::lab_side && split.share(*best) <= split.share(Cause::other))
    return std::nullopt;
  return best;
}

CauseSplit split_causes(std::span<const TaskSample> samples, std::span<const TaskCauses> causes) {
  CauseSplit out;
  out.measured = !causes.empty() && causes.size() == samples.size();
  auto add = [&out](Cause c, double s) { out.total_s[static_cast<std::size_t>(c)] += s; };
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const TaskSample &t = samples[i];
    if (!t.finished())
      continue;
    ++out.tasks;
    const double response = static_cast<double>(t.response_ns()) * 1e-9;
    const double queue = static_cast<double>(t.queue_wait_ns()) * 1e-9 + t.executor_wait_s;
    double explained = queue + t.gil_wait_s + t.handoff_s;
    add(Cause::queue_wait, queue);
    add(Cause::gil_wait, t.gil_wait_s + (out.measured ? causes[i].gil_handover_s : 0.0f));
    add(Cause::handoff, t.handoff_s);
    if (out.measured) {
      const TaskCauses &c = causes[i];
      add(Cause::on_cpu, c.on_cpu_s);
      add(Cause::runnable, c.runnable_s);
      add(Cause::blocked, c.blocked_s);
      add(Cause::loop_delay, c.loop_delay_s);
      explained +=
          double{c.on_cpu_s} + c.runnable_s + c.blocked_s + c.loop_delay_s + c.gil_handover_s;
    }
    out.response_s += response;
    add(Cause::other, response - explained);
  }
  return out;
}

} // namespace conlab
