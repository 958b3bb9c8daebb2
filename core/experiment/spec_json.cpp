// Reading experiment files: the structure here (types, names, required and unknown keys), the
// value rules in spec_validate.cpp, so that an experiment built in code gets the same messages.
#include "core/experiment/spec_json.h"

#include "core/engine/model_registry.h"
#include "core/sweep/sweep.h"
#include "core/util/file_io.h"
#include "core/util/json_fields.h"
#include "core/util/translatable.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace conlab {
namespace {

using json::Fields;
using json::Need;

int clamp_to_int(std::int64_t value) {
  return static_cast<int>(std::clamp<std::int64_t>(value, INT_MIN, INT_MAX));
}

Load read_load(const boost::json::value &json, const std::string &path, json::Errors &errors) {
  Load load;
  Fields f(json, path, errors, true);
  const auto kind = f.choice<LoadKind>(
      "kind", {{"closed", LoadKind::closed}, {"open", LoadKind::open}}, Need::required);
  if (const auto tasks = f.integer("tasks", Need::required))
    load.tasks = *tasks;
  load.clients = load.tasks;
  if (kind)
    load.kind = *kind;
  if (kind == LoadKind::closed) {
    if (const auto clients = f.integer("clients"))
      load.clients = *clients;
    f.reject("rate_per_s", CONLAB_TRANSLATABLE("conlab::errors", "only for open load"));
    f.reject("arrivals", CONLAB_TRANSLATABLE("conlab::errors", "only for open load"));
  } else if (kind == LoadKind::open) {
    if (const auto rate = f.number("rate_per_s", Need::required))
      load.rate_per_s = *rate;
    const auto arrivals = f.choice<ArrivalKind>(
        "arrivals", {{"constant", ArrivalKind::constant}, {"poisson", ArrivalKind::poisson}});
    load.arrivals = arrivals.value_or(ArrivalKind::constant);
    f.reject("clients", CONLAB_TRANSLATABLE(
                            "conlab::errors",
                            "only for closed load (an open load has no clients: tasks arrive at "
                            "rate_per_s)"));
  } else { // kind is missing or wrong: already reported, accept the members of either kind
    f.has("clients");
    f.has("rate_per_s");
    f.has("arrivals");
  }
  f.finish();
  return load;
}

Step read_step(const boost::json::value &json, const std::string &path, json::Errors &errors);

void read_steps(Fields &f, std::vector<Step> &out, json::Errors &errors) {
  if (const boost::json::array *steps = f.array("steps", Need::required))
    for (std::size_t i = 0; i < steps->size(); ++i)
      out.push_back(read_step((*steps)[i], json::index_path(f.path("steps"), i), errors));
}

// {"repeat": K, "steps": [...]}: K is checked by validation, with the nesting and the total.
Step read_repeat(const boost::json::value &json, const std::string &path, json::Errors &errors) {
  Step group;
  Fields f(json, path, errors, true);
  group.repeat = f.integer("repeat", Need::required).value_or(1);
  read_steps(f, group.steps, errors);
  f.finish();
  return group;
}

Step read_step(const boost::json::value &json, const std::string &path, json::Errors &errors) {
  if (json.is_object() && json.get_object().contains("repeat"))
    return read_repeat(json, path, errors);
  Step step;
  Fields f(json, path, errors, true);
  const auto kind = f.choice<StepKind>(
      "kind",
      {{"io", StepKind::io}, {"blocking_io", StepKind::blocking_io}, {"cpu", StepKind::cpu}},
      Need::required);
  step.kind = kind.value_or(StepKind::io);
  std::optional<DistributionKind> distribution = DistributionKind::fixed;
  if (f.has("distribution"))
    distribution = f.choice<DistributionKind>("distribution",
                                              {{"fixed", DistributionKind::fixed},
                                               {"uniform", DistributionKind::uniform},
                                               {"exponential", DistributionKind::exponential}});
  Duration &d = step.duration;
  d.distribution = distribution.value_or(DistributionKind::fixed);
  switch (distribution.value_or(DistributionKind::fixed)) {
  case DistributionKind::fixed:
    if (!distribution) { // wrong name, already reported: accept any duration member
      for (const char *key : {"ms", "min_ms", "max_ms", "mean_ms"})
        f.has(key);
      break;
    }
    d.ms = f.number("ms", Need::required).value_or(0);
    f.reject("min_ms", CONLAB_TRANSLATABLE("conlab::errors", "only for a uniform distribution"));
    f.reject("max_ms", CONLAB_TRANSLATABLE("conlab::errors", "only for a uniform distribution"));
    f.reject("mean_ms",
             CONLAB_TRANSLATABLE("conlab::errors", "only for an exponential distribution"));
    break;
  case DistributionKind::uniform:
    d.min_ms = f.number("min_ms", Need::required).value_or(0);
    d.max_ms = f.number("max_ms", Need::required).value_or(d.min_ms);
    f.reject("ms", CONLAB_TRANSLATABLE(
                       "conlab::errors",
                       "not used by a uniform distribution (it takes min_ms and max_ms)"));
    f.reject("mean_ms",
             CONLAB_TRANSLATABLE("conlab::errors", "only for an exponential distribution"));
    break;
  case DistributionKind::exponential:
    d.ms = f.number("mean_ms", Need::required).value_or(1);
    f.reject("ms",
             CONLAB_TRANSLATABLE("conlab::errors",
                                 "not used by an exponential distribution (it takes mean_ms)"));
    f.reject("min_ms", CONLAB_TRANSLATABLE("conlab::errors", "only for a uniform distribution"));
    f.reject("max_ms", CONLAB_TRANSLATABLE("conlab::errors", "only for a uniform distribution"));
    break;
  }
  f.finish();
  return step;
}

Variant read_variant(const boost::json::value &json, const std::string &path,
                     json::Errors &errors) {
  Variant v;
  Fields f(json, path, errors, true);
  v.label = f.string("label", Need::required).value_or("");
  v.model = f.string("model", Need::required).value_or("");
  const ModelInfo *info = find_model(v.model);
  if (const boost::json::value *pool = f.get("pool_size")) {
    if (pool->is_string())
      v.pool_size = PoolSize{.named = std::string(pool->get_string())};
    else if (const auto n = json::as_integer(*pool))
      v.pool_size = PoolSize{.value = clamp_to_int(*n)};
    else
      f.error(f.path("pool_size"),
              CONLAB_TRANSLATABLE("conlab::errors",
                                  "must be an integer or one of \"python_default_executor\", "
                                  "\"anyio_default\", \"cores\""),
              {});
  } else if (info && info->uses_pool_size) {
    v.pool_size = PoolSize{.named = std::string(info->default_pool)};
  }
  if (const auto loops = f.integer("loops"))
    v.loops = clamp_to_int(*loops);
  v.offload = f.boolean("offload");
  v.processes = f.boolean("processes");
  v.gil = f.choice<GilKind>("gil", {{"none", GilKind::none}, {"cpython", GilKind::cpython}});
  v.switch_interval_ms = f.number("switch_interval_ms");
  if (const auto k = f.integer("background_cpu_threads"))
    v.background_cpu_threads = clamp_to_int(*k);
  if (const auto kb = f.integer("stack_kb"))
    v.stack_kb = clamp_to_int(*kb);
  v.claimed_makespan_s = f.number("claimed_makespan_s");
  read_steps(f, v.steps, errors);
  if (const boost::json::value *target = f.get("target")) {
    const std::string target_path = f.path("target");
    if (target->is_string() && target->get_string() == "embedded") {
      v.target = HttpTarget{.embedded = true};
    } else if (target->is_object()) {
      Fields t(*target, target_path, errors, true);
      v.target = HttpTarget{.url = t.string("url", Need::required).value_or("")};
      v.target->watch = t.integer("watch");
      t.finish();
    } else {
      f.error(target_path,
              CONLAB_TRANSLATABLE("conlab::errors",
                                  "must be \"embedded\" or {\"url\": \"http://host:port/path\"} "
                                  "(with \"watch\": PID to "
                                  "watch the server)"),
              {});
    }
  }
  f.finish();
  return v;
}

SweepAxis read_sweep_axis(const boost::json::value &json, const std::string &path,
                          json::Errors &errors) {
  SweepAxis axis;
  Fields f(json, path, errors, true);
  if (const auto name = f.string("parameter", Need::required)) {
    if (const auto parameter = parse_sweep_parameter(*name))
      axis.parameter = *parameter;
    else
      f.error(f.path("parameter"),
              CONLAB_TRANSLATABLE("conlab::errors", "unknown parameter %1; known: %2"),
              {json::quoted(*name), sweep_parameter_names()});
  }
  if (axis.parameter == SweepParameter::step_ms) {
    const auto index = f.integer("step_index");
    if (index && *index < 0)
      f.error(f.path("step_index"),
              CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ 0 (steps count from 0)"), {});
    else if (index)
      axis.step_index = static_cast<std::size_t>(*index);
  } else {
    f.reject("step_index", CONLAB_TRANSLATABLE("conlab::errors", "only for step_ms"));
  }
  const bool has_values = f.has("values"), has_range = f.has("range");
  if (has_values == has_range)
    f.error(path,
            has_values
                ? CONLAB_TRANSLATABLE("conlab::errors", "give values or a range, not both")
                : CONLAB_TRANSLATABLE("conlab::errors",
                                      "give the values (a list) or a range {from, to, step}"),
            {});
  if (const boost::json::array *values = f.array("values")) {
    for (std::size_t i = 0; i < values->size(); ++i) {
      if (const auto v = json::as_number((*values)[i]))
        axis.values.push_back(*v);
      else
        f.error(json::index_path(f.path("values"), i),
                CONLAB_TRANSLATABLE("conlab::errors", "must be a number"), {});
    }
  }
  if (const boost::json::value *range = f.object("range")) {
    Fields r(*range, f.path("range"), errors, true);
    SweepRange out;
    out.from = r.number("from", Need::required).value_or(1);
    out.to = r.number("to", Need::required).value_or(out.from);
    out.step = r.number("step", Need::required).value_or(1);
    out.scale = r.choice<SweepScale>("scale", {{"linear", SweepScale::linear},
                                                {"log", SweepScale::log}})
                    .value_or(SweepScale::linear);
    r.finish();
    axis.range = out;
  }
  f.finish();
  return axis;
}

Sweep read_sweep(const boost::json::value &json, const std::string &path, json::Errors &errors) {
  Sweep sweep;
  Fields f(json, path, errors, true);
  if (const boost::json::array *axes = f.array("parameters", Need::required))
    for (std::size_t i = 0; i < axes->size(); ++i)
      sweep.axes.push_back(
          read_sweep_axis((*axes)[i], json::index_path(f.path("parameters"), i), errors));
  sweep.shuffle = f.choice<bool>("order", {{"shuffled", true}, {"as_listed", false}}).value_or(true);
  f.finish();
  return sweep;
}

// True when a semantic error at `path` would repeat what a structural error already said.
bool covered(const json::Errors &structural, const std::string &path) {
  return std::any_of(structural.begin(), structural.end(), [&](const FieldError &e) {
    if (path.compare(0, e.path.size(), e.path) != 0)
      return false;
    return path.size() == e.path.size() || e.path.empty() || path[e.path.size()] == '.' ||
           path[e.path.size()] == '[';
  });
}

// The index of the variant a path is in, or -1 outside the variants.
long variant_index(const std::string &path) {
  constexpr std::string_view prefix = "variants[";
  if (!path.starts_with(prefix))
    return -1;
  return std::strtol(path.c_str() + prefix.size(), nullptr, 10);
}

} // namespace

namespace json {

Experiment read_experiment(const boost::json::value &json, const std::string &path,
                           Errors &errors) {
  Experiment e;
  Fields f(json, path, errors, true);
  if (!f.valid())
    return e;
  if (const auto schema = f.string("schema"); schema && *schema != kExperimentSchema)
    f.error(f.path("schema"),
            schema->starts_with("conlab.results/")
                ? CONLAB_TRANSLATABLE("conlab::errors",
                                      "must be %1 (found %2): this is a results file, not an "
                                      "experiment")
                : CONLAB_TRANSLATABLE("conlab::errors", "must be %1 (found %2)"),
            {quoted(kExperimentSchema), quoted(*schema)});
  e.name = f.string("name", Need::required).value_or("");
  e.description = f.string("description").value_or("");
  if (const boost::json::value *load = f.object("load", Need::required))
    e.load = read_load(*load, f.path("load"), errors);
  e.time_scale = f.number("time_scale").value_or(1.0);
  e.repeats = clamp_to_int(f.integer("repeats").value_or(1));
  e.seed = f.unsigned_integer("seed").value_or(1);
  if (const boost::json::array *variants = f.array("variants", Need::required))
    for (std::size_t i = 0; i < variants->size(); ++i)
      e.variants.push_back(read_variant((*variants)[i], index_path(f.path("variants"), i), errors));
  if (const boost::json::value *sweep = f.object("sweep"))
    e.sweep = read_sweep(*sweep, f.path("sweep"), errors);
  f.finish();
  return e;
}

} // namespace json

Experiment parse_experiment(const boost::json::value &json, int cores) {
  json::Errors errors;
  Experiment experiment = json::read_experiment(json, "", errors);
  // Semantic checks run even when the structure had problems, so one pass reports everything;
  // a check on a field that already has an error is left out.
  const json::Errors structural = errors;
  for (FieldError &e : validate_experiment(experiment, cores))
    if (!covered(structural, e.path))
      errors.push_back(std::move(e));
  if (!errors.empty()) {
    // Experiment-wide problems first, then each variant's together, in file order.
    std::stable_sort(errors.begin(), errors.end(), [](const FieldError &a, const FieldError &b) {
      return variant_index(a.path) < variant_index(b.path);
    });
    throw SpecError(std::move(errors));
  }
  return experiment;
}

Experiment parse_experiment_text(std::string_view text, int cores) {
  FieldError error;
  const std::optional<boost::json::value> json = json::parse_text(text, error);
  if (!json)
    throw SpecError({error});
  return parse_experiment(*json, cores);
}

Experiment load_experiment_file(const std::string &path, int cores) {
  return parse_experiment(json::read_json_file(path), cores);
}

} // namespace conlab
