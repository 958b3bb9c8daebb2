#include "core/analysis/cause_split.h"

namespace conlab {

namespace {

struct CauseInfo {
  std::string_view key, source;
};
// In the order of enum Cause.
constexpr std::array<CauseInfo, kCauseCount> kInfo{{
    {"queue_wait", "the lab's timestamps: start − submit, and each executor wait"},
    {"on_cpu", "/proc/thread-self/schedstat (run time) around each step"},
    {"runnable", "/proc/thread-self/schedstat (run-queue wait) around each step"},
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

Cause CauseSplit::largest() const {
  Cause best = Cause::queue_wait;
  for (Cause c : kCauses)
    if (c != Cause::other && seconds(c) > seconds(best))
      best = c;
  return best;
}

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
