#include "core/results/causes_json.h"

#include "core/results/json_columns.h"

namespace conlab {

boost::json::object to_json(const CauseSplit &split) {
  boost::json::object seconds, sources;
  for (Cause c : kCauses) {
    seconds[cause_key(c)] = json::number_or_null(split.seconds(c));
    sources[cause_key(c)] = cause_source(c);
  }
  boost::json::object out{{"measured", split.measured},
                          {"tasks", split.tasks},
                          {"response_s", json::number_or_null(split.response_s)},
                          {"seconds", std::move(seconds)},
                          {"sources", std::move(sources)}};
  if (split.left_out != SplitLeftOut::no)
    out["left_out"] = left_out_key(split.left_out);
  return out;
}

CauseSplit read_cause_split(const boost::json::value *json, const std::string &path,
                            json::Errors &errors) {
  CauseSplit out;
  if (!json)
    return out;
  json::Fields f(*json, path, errors, false);
  out.measured = f.boolean("measured", json::Need::required).value_or(false);
  out.tasks = f.unsigned_integer("tasks", json::Need::required).value_or(0);
  out.response_s = f.number("response_s", json::Need::required).value_or(0);
  if (const auto key = f.string("left_out")) {
    if (const auto why = left_out_from_key(*key); why && *why != SplitLeftOut::no)
      out.left_out = *why;
    else
      f.error(f.path("left_out"), "must be short_steps, child_processes or turned_off");
  }
  const boost::json::value *seconds = f.object("seconds", json::Need::required);
  if (!seconds)
    return out;
  json::Fields s(*seconds, f.path("seconds"), errors, false);
  for (Cause c : kCauses)
    out.total_s[static_cast<std::size_t>(c)] =
        s.number(cause_key(c), json::Need::required).value_or(0);
  return out;
}

namespace {

constexpr const char *kOnCpu = "on_cpu_ns", *kRunnable = "runnable_ns", *kBlocked = "blocked_ns",
                     *kLoopDelay = "loop_delay_ns", *kGilHandover = "gil_handover_ns";

} // namespace

boost::json::object causes_columns(const std::vector<TaskCauses> &c) {
  auto ns = [&c](float TaskCauses::*part) {
    return column(c, [part](const TaskCauses &t) { return TaskCauses::nanoseconds(t.*part); });
  };
  return {{kOnCpu, ns(&TaskCauses::on_cpu_s)},
          {kRunnable, ns(&TaskCauses::runnable_s)},
          {kBlocked, ns(&TaskCauses::blocked_s)},
          {kLoopDelay, ns(&TaskCauses::loop_delay_s)},
          {kGilHandover, ns(&TaskCauses::gil_handover_s)}};
}

std::vector<TaskCauses> read_causes_columns(const boost::json::value *json, const std::string &path,
                                            std::size_t tasks, json::Errors &errors) {
  if (!json)
    return {};
  json::Fields f(*json, path, errors, false);
  const auto on_cpu = column<std::int64_t>(f, kOnCpu);
  const auto runnable = column<std::int64_t>(f, kRunnable);
  const auto blocked = column<std::int64_t>(f, kBlocked);
  const auto loop_delay = column<std::int64_t>(f, kLoopDelay);
  const auto handover = column<std::int64_t>(f, kGilHandover);
  if (!complete_table(f, sized(kOnCpu, on_cpu),
                      {sized(kRunnable, runnable), sized(kBlocked, blocked),
                       sized(kLoopDelay, loop_delay), sized(kGilHandover, handover)}))
    return {};
  if (on_cpu->size() != tasks) {
    f.error(f.path(kOnCpu), "has " + std::to_string(on_cpu->size()) +
                                " values but the samples have " + std::to_string(tasks));
    return {};
  }
  std::vector<TaskCauses> out(tasks);
  for (std::size_t i = 0; i < tasks; ++i) {
    out[i].add_on_cpu((*on_cpu)[i]);
    out[i].add_runnable((*runnable)[i]);
    out[i].add_blocked((*blocked)[i]);
    out[i].add_loop_delay((*loop_delay)[i]);
    out[i].gil_handover_s = TaskCauses::seconds((*handover)[i]);
  }
  return out;
}

boost::json::object step_spans_columns(const std::vector<StepSpan> &s) {
  auto ns = [&s](float StepSpan::*part) {
    return column(s, [part](const StepSpan &t) { return TaskCauses::nanoseconds(t.*part); });
  };
  return {{"task", column(s, [](const StepSpan &t) { return t.task; })},
          {"worker", column(s, [](const StepSpan &t) { return t.worker; })},
          {"start_ns", column(s, [](const StepSpan &t) { return t.start_ns; })},
          {"end_ns", column(s, [](const StepSpan &t) { return t.end_ns; })},
          {kOnCpu, ns(&StepSpan::on_cpu_s)},
          {kRunnable, ns(&StepSpan::runnable_s)}};
}

std::vector<StepSpan> read_step_spans(const boost::json::value *json, const std::string &path,
                                      json::Errors &errors) {
  if (!json)
    return {};
  json::Fields f(*json, path, errors, false);
  const auto task = column<std::uint32_t>(f, "task");
  const auto worker = column<std::uint32_t>(f, "worker");
  const auto start = column<std::int64_t>(f, "start_ns");
  const auto end = column<std::int64_t>(f, "end_ns");
  const auto on_cpu = column<std::int64_t>(f, kOnCpu);
  const auto runnable = column<std::int64_t>(f, kRunnable);
  if (!complete_table(f, sized("task", task),
                      {sized("worker", worker), sized("start_ns", start), sized("end_ns", end),
                       sized(kOnCpu, on_cpu), sized(kRunnable, runnable)}))
    return {};
  std::vector<StepSpan> out(task->size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = {(*task)[i],
              (*worker)[i],
              (*start)[i],
              (*end)[i],
              TaskCauses::seconds((*on_cpu)[i]),
              TaskCauses::seconds((*runnable)[i])};
  return out;
}

} // namespace conlab
