// Writing experiments back as JSON: the exact inverse of the reader, keys in a stable order.
#include "core/experiment/spec_json.h"
#include "core/util/json_fields.h"

#include <limits>

namespace conlab {
namespace {

boost::json::value to_json(const Load &load) {
  boost::json::object o;
  o["kind"] = to_string(load.kind);
  o["tasks"] = load.tasks;
  if (load.kind == LoadKind::closed) {
    o["clients"] = load.clients;
  } else {
    o["rate_per_s"] = load.rate_per_s;
    o["arrivals"] = to_string(load.arrivals);
  }
  return o;
}

boost::json::value to_json(const Step &step) {
  boost::json::object o;
  if (step.is_repeat()) {
    o["repeat"] = *step.repeat;
    boost::json::array body;
    for (const Step &s : step.steps)
      body.push_back(to_json(s));
    o["steps"] = std::move(body);
    return o;
  }
  o["kind"] = to_string(step.kind);
  const Duration &d = step.duration;
  switch (d.distribution) {
  case DistributionKind::fixed:
    o["ms"] = d.ms;
    break;
  case DistributionKind::uniform:
    o["distribution"] = "uniform";
    o["min_ms"] = d.min_ms;
    o["max_ms"] = d.max_ms;
    break;
  case DistributionKind::exponential:
    o["distribution"] = "exponential";
    o["mean_ms"] = d.ms;
    break;
  }
  return o;
}

boost::json::value to_json(const Variant &v) {
  boost::json::object o;
  o["label"] = v.label;
  o["model"] = v.model;
  if (v.pool_size) {
    if (v.pool_size->named.empty())
      o["pool_size"] = v.pool_size->value;
    else
      o["pool_size"] = v.pool_size->named;
  }
  if (v.loops)
    o["loops"] = *v.loops;
  if (v.offload)
    o["offload"] = *v.offload;
  if (v.processes)
    o["processes"] = *v.processes;
  if (v.gil)
    o["gil"] = to_string(*v.gil);
  if (v.switch_interval_ms)
    o["switch_interval_ms"] = *v.switch_interval_ms;
  if (v.background_cpu_threads)
    o["background_cpu_threads"] = *v.background_cpu_threads;
  if (v.stack_kb)
    o["stack_kb"] = *v.stack_kb;
  if (v.claimed_makespan_s)
    o["claimed_makespan_s"] = *v.claimed_makespan_s;
  boost::json::array steps;
  for (const Step &step : v.steps)
    steps.push_back(to_json(step));
  o["steps"] = std::move(steps);
  if (v.target) {
    if (v.target->embedded)
      o["target"] = "embedded";
    else {
      boost::json::object target{{"url", v.target->url}};
      if (v.target->watch)
        target["watch"] = *v.target->watch;
      o["target"] = std::move(target);
    }
  }
  return o;
}

boost::json::value to_json(const SweepAxis &axis) {
  boost::json::object o;
  o["parameter"] = to_string(axis.parameter);
  if (axis.parameter == SweepParameter::step_ms)
    o["step_index"] = axis.step_index;
  if (axis.range) {
    o["range"] = boost::json::object{{"from", axis.range->from},
                                     {"to", axis.range->to},
                                     {"step", axis.range->step},
                                     {"scale", to_string(axis.range->scale)}};
  } else {
    boost::json::array values;
    for (double v : axis.values)
      values.push_back(v);
    o["values"] = std::move(values);
  }
  return o;
}

boost::json::value to_json(const Sweep &sweep) {
  boost::json::array axes;
  for (const SweepAxis &axis : sweep.axes)
    axes.push_back(to_json(axis));
  return boost::json::object{{"parameters", std::move(axes)},
                             {"order", sweep.shuffle ? "shuffled" : "as_listed"}};
}

} // namespace

boost::json::value to_json(const Experiment &experiment) {
  boost::json::object o;
  o["schema"] = kExperimentSchema;
  o["name"] = experiment.name;
  if (!experiment.description.empty())
    o["description"] = experiment.description;
  o["load"] = to_json(experiment.load);
  o["time_scale"] = experiment.time_scale;
  o["repeats"] = experiment.repeats;
  if (experiment.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    o["seed"] = static_cast<std::int64_t>(experiment.seed);
  else
    o["seed"] = experiment.seed;
  boost::json::array variants;
  for (const Variant &v : experiment.variants)
    variants.push_back(to_json(v));
  o["variants"] = std::move(variants);
  if (experiment.sweep)
    o["sweep"] = to_json(*experiment.sweep);
  return o;
}

std::string to_json_text(const Experiment &experiment) {
  return json::pretty_print(to_json(experiment));
}

} // namespace conlab
