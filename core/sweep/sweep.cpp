#include "core/sweep/sweep.h"

#include "core/engine/model_registry.h"
#include "core/util/format.h"
#include "core/util/json_fields.h"
#include "core/util/translatable.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

namespace conlab {
namespace {

// The titles (and the symbols that are words) are shown translated by the desktop lab.
constexpr SweepParameterInfo kParameters[] = {
    {SweepParameter::pool_size, "pool_size", "P", CONLAB_TRANSLATABLE("conlab::sweep", "pool size"),
     true, true},
    {SweepParameter::clients, "clients", "C", CONLAB_TRANSLATABLE("conlab::sweep", "clients"), true,
     true},
    {SweepParameter::tasks, "tasks", "N", CONLAB_TRANSLATABLE("conlab::sweep", "tasks"), true,
     false},
    {SweepParameter::loops, "loops", "L", CONLAB_TRANSLATABLE("conlab::sweep", "event loops"), true,
     true},
    {SweepParameter::rate_per_s, "rate_per_s", "λ",
     CONLAB_TRANSLATABLE("conlab::sweep", "arrival rate (/s)"), false, false},
    {SweepParameter::step_ms, "step_ms", CONLAB_TRANSLATABLE("conlab::sweep", "step"),
     CONLAB_TRANSLATABLE("conlab::sweep", "step duration (ms)"), false, false},
    {SweepParameter::cpu_share, "cpu_share", CONLAB_TRANSLATABLE("conlab::sweep", "CPU share"),
     CONLAB_TRANSLATABLE("conlab::sweep", "CPU share of the work"), false, false},
};

// Relative slack so that 0.1 + 0.1 + … reaches `to` despite rounding.
constexpr double kRangeSlack = 1e-9;

// Sets a step's mean to `ms`, keeping the shape of its distribution.
void set_mean(Duration &d, double ms) {
  if (d.distribution == DistributionKind::uniform) {
    const double mean = d.mean_ms();
    if (mean > 0) {
      d.min_ms *= ms / mean;
      d.max_ms *= ms / mean;
    } else {
      d.min_ms = d.max_ms = ms;
    }
  } else {
    d.ms = ms;
  }
}

// Shares a variant's total work between its cpu steps (`share`) and the others (1 − share),
// each group keeping its own proportions. Variants without both kinds stay as they are.
void set_cpu_share(Variant &v, double share) {
  double cpu = 0, other = 0;
  std::size_t cpu_steps = 0, other_steps = 0;
  for (const Step &s : leaf_steps(v.steps)) {
    (s.kind == StepKind::cpu ? cpu : other) += s.duration.mean_ms();
    ++(s.kind == StepKind::cpu ? cpu_steps : other_steps);
  }
  if (cpu_steps == 0 || other_steps == 0)
    return;
  const double total = cpu + other;
  // Scaling each step as written scales all its repetitions alike.
  for (Step *s : written_leaves(v.steps)) {
    const bool is_cpu = s->kind == StepKind::cpu;
    const double group = is_cpu ? cpu : other;
    const double target = (is_cpu ? share : 1 - share) * total;
    const double count = static_cast<double>(is_cpu ? cpu_steps : other_steps);
    set_mean(s->duration, group > 0 ? s->duration.mean_ms() * target / group : target / count);
  }
}

bool has_both_kinds(const Variant &v) {
  const auto is_cpu = [](const Step *s) { return s->kind == StepKind::cpu; };
  const auto steps = written_leaves(v.steps);
  return std::any_of(steps.begin(), steps.end(), is_cpu) &&
         !std::all_of(steps.begin(), steps.end(), is_cpu);
}

void apply(Experiment &e, const SweepAxis &axis, double value, const Experiment &base) {
  const int whole = static_cast<int>(std::lround(value));
  switch (axis.parameter) {
  case SweepParameter::pool_size:
    for (Variant &v : e.variants)
      if (const ModelInfo *info = find_model(v.model); info && info->uses_pool_size)
        v.pool_size = PoolSize{.value = whole};
    break;
  case SweepParameter::clients:
    e.load.clients = whole;
    break;
  case SweepParameter::tasks:
    // A base with one client per task (the article's) keeps that: clients follow tasks.
    if (base.load.kind == LoadKind::closed && base.load.clients == base.load.tasks)
      e.load.clients = whole;
    e.load.tasks = whole;
    break;
  case SweepParameter::loops:
    for (Variant &v : e.variants)
      if (const ModelInfo *info = find_model(v.model); info && info->uses_loops)
        v.loops = whole;
    break;
  case SweepParameter::rate_per_s:
    e.load.rate_per_s = value;
    break;
  case SweepParameter::step_ms:
    for (Variant &v : e.variants) // step_index counts the steps as written, each repeat once
      if (const auto steps = written_leaves(v.steps); axis.step_index < steps.size())
        set_mean(steps[axis.step_index]->duration, value);
    break;
  case SweepParameter::cpu_share:
    for (Variant &v : e.variants)
      set_cpu_share(v, value);
    break;
  }
}

} // namespace

const char *to_string(SweepParameter parameter) { return parameter_info(parameter).name; }

const char *to_string(SweepScale scale) { return scale == SweepScale::log ? "log" : "linear"; }

const SweepParameterInfo &parameter_info(SweepParameter parameter) {
  for (const SweepParameterInfo &info : kParameters)
    if (info.parameter == parameter)
      return info;
  return kParameters[0];
}

std::optional<SweepParameter> parse_sweep_parameter(std::string_view name) {
  for (const SweepParameterInfo &info : kParameters)
    if (name == info.name)
      return info.parameter;
  return std::nullopt;
}

std::string sweep_parameter_names() {
  std::string names;
  for (const SweepParameterInfo &info : kParameters)
    names += (names.empty() ? "" : ", ") + std::string(info.name);
  return names;
}

std::vector<double> axis_values(const SweepAxis &axis) {
  std::vector<double> raw;
  if (axis.range) {
    const SweepRange &r = *axis.range;
    const double limit = r.to + std::abs(r.to) * kRangeSlack;
    const bool usable = std::isfinite(r.from) && std::isfinite(r.to) && std::isfinite(r.step) &&
                        (r.scale == SweepScale::linear ? r.step > 0 : r.step > 1 && r.from > 0);
    for (std::size_t i = 0; usable && raw.size() <= kMaxSweepAxisValues; ++i) {
      const double v = r.scale == SweepScale::linear
                           ? r.from + static_cast<double>(i) * r.step
                           : r.from * std::pow(r.step, static_cast<double>(i));
      if (v > limit)
        break;
      raw.push_back(std::min(v, r.to));
    }
  } else {
    raw = axis.values;
  }
  if (!parameter_info(axis.parameter).integer)
    return raw;
  std::vector<double> out;
  std::set<double> seen;
  for (double v : raw) {
    const double whole = std::isfinite(v) ? std::round(v) : v;
    if (!std::isfinite(whole) || seen.insert(whole).second)
      out.push_back(whole);
  }
  return out;
}

std::string axis_label(const SweepAxis &axis) {
  if (axis.parameter == SweepParameter::step_ms)
    return "step " + std::to_string(axis.step_index + 1) + " (ms)";
  if (axis.parameter == SweepParameter::rate_per_s)
    return "λ (/s)";
  return parameter_info(axis.parameter).symbol;
}

std::string axis_value_text(const SweepAxis &axis, double value) {
  switch (axis.parameter) {
  case SweepParameter::step_ms:
    return "step " + std::to_string(axis.step_index + 1) + " = " + json::number_text(value) +
           " ms";
  case SweepParameter::cpu_share:
    return "CPU share = " + human_percent(value);
  case SweepParameter::rate_per_s:
    return "λ = " + json::number_text(value) + "/s";
  default:
    return std::string(parameter_info(axis.parameter).symbol) + " = " + json::number_text(value);
  }
}

std::string point_text(const Sweep &sweep, const std::vector<double> &point) {
  std::string text;
  for (std::size_t i = 0; i < sweep.axes.size() && i < point.size(); ++i)
    text += (text.empty() ? "" : ", ") + axis_value_text(sweep.axes[i], point[i]);
  return text;
}

std::vector<std::vector<double>> sweep_points(const Sweep &sweep) {
  std::vector<std::vector<double>> points{{}};
  for (const SweepAxis &axis : sweep.axes) {
    std::vector<std::vector<double>> next;
    for (const std::vector<double> &prefix : points)
      for (double v : axis_values(axis)) {
        next.push_back(prefix);
        next.back().push_back(v);
      }
    points = std::move(next);
  }
  return sweep.axes.empty() ? std::vector<std::vector<double>>{} : points;
}

Experiment experiment_at(const Experiment &base, const std::vector<double> &point) {
  Experiment e = base;
  e.sweep.reset();
  if (!base.sweep)
    return e;
  for (std::size_t i = 0; i < base.sweep->axes.size() && i < point.size(); ++i)
    apply(e, base.sweep->axes[i], point[i], base);
  return e;
}

// Validation lives here, beside the meaning of each parameter.
namespace {

using json::field_path;
using json::index_path;
using json::number_text;

void check_value(const SweepAxis &axis, double v, const std::string &path,
                 std::vector<FieldError> &errors) {
  const SweepParameterInfo &info = parameter_info(axis.parameter);
  const auto error = [&](const char *format, std::vector<std::string> args = {}) {
    errors.push_back(field_error(path, format, std::move(args)));
  };
  if (!std::isfinite(v))
    return error(CONLAB_TRANSLATABLE("conlab::errors", "must be a finite number"));
  if (info.integer) {
    if (v < 1 || v != std::round(v))
      error(CONLAB_TRANSLATABLE("conlab::errors", "must be a whole number ≥ 1 (%1)"),
            {std::string(info.name)});
  } else if (axis.parameter == SweepParameter::cpu_share) {
    if (v < 0 || v > 1)
      error(CONLAB_TRANSLATABLE("conlab::errors",
                                "must be between 0 and 1 (a share of each task's work)"));
  } else if (axis.parameter == SweepParameter::rate_per_s) {
    if (v <= 0)
      error(CONLAB_TRANSLATABLE("conlab::errors", "must be > 0"));
  } else if (v < 0) {
    error(CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"), {"0"});
  }
}

void check_range(const SweepAxis &axis, const std::string &path, std::vector<FieldError> &errors) {
  const SweepRange &r = *axis.range;
  const std::size_t before = errors.size();
  check_value(axis, r.from, field_path(path, "from"), errors);
  check_value(axis, r.to, field_path(path, "to"), errors);
  if (errors.size() != before)
    return;
  if (r.from > r.to)
    errors.push_back(
        field_error(path, CONLAB_TRANSLATABLE("conlab::errors", "empty range: from (%1) > to (%2)"),
                    {number_text(r.from), number_text(r.to)}));
  const std::string step = field_path(path, "step");
  if (!std::isfinite(r.step))
    errors.push_back(
        field_error(step, CONLAB_TRANSLATABLE("conlab::errors", "must be a finite number")));
  else if (r.scale == SweepScale::linear && r.step <= 0)
    errors.push_back(field_error(
        step, CONLAB_TRANSLATABLE("conlab::errors",
                                  "must be > 0 (each value is the one before + step)")));
  else if (r.scale == SweepScale::log && r.step <= 1)
    errors.push_back(field_error(step, CONLAB_TRANSLATABLE("conlab::errors",
                                                           "must be > 1 for a logarithmic range "
                                                           "(each value is the one before × "
                                                           "step)")));
  else if (r.scale == SweepScale::log && r.from <= 0)
    errors.push_back(
        field_error(field_path(path, "from"),
                    CONLAB_TRANSLATABLE("conlab::errors", "must be > 0 for a logarithmic range")));
}

// Why the parameter does nothing in this experiment (a CONLAB_TRANSLATABLE template, %1 the step
// index), or nullptr when it applies.
const char *not_applicable(const Experiment &e, const SweepAxis &axis) {
  const auto any_variant = [&](auto predicate) {
    return std::any_of(e.variants.begin(), e.variants.end(), predicate);
  };
  const auto uses = [](bool ModelInfo::*flag) {
    return [flag](const Variant &v) {
      const ModelInfo *info = find_model(v.model);
      return info && info->*flag;
    };
  };
  switch (axis.parameter) {
  case SweepParameter::pool_size:
    return any_variant(uses(&ModelInfo::uses_pool_size))
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors", "no variant's model has a pool");
  case SweepParameter::loops:
    return any_variant(uses(&ModelInfo::uses_loops))
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors", "no variant uses multi_loop");
  case SweepParameter::clients:
    return e.load.kind == LoadKind::closed
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors",
                                     "clients apply to a closed load; this one is open");
  case SweepParameter::rate_per_s:
    return e.load.kind == LoadKind::open
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors",
                                     "rate_per_s applies to an open load; this one is closed");
  case SweepParameter::step_ms:
    return any_variant(
               [&](const Variant &v) { return axis.step_index < written_leaves(v.steps).size(); })
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors",
                                     "no variant has a step %1 (step_index counts from 0)");
  case SweepParameter::cpu_share:
    return any_variant(has_both_kinds)
               ? nullptr
               : CONLAB_TRANSLATABLE("conlab::errors", "no variant mixes cpu steps with other "
                                                       "steps, so there is no share to change");
  case SweepParameter::tasks:
    return nullptr;
  }
  return nullptr;
}

} // namespace

std::vector<FieldError> validate_sweep(const Experiment &e, int cores) {
  std::vector<FieldError> errors;
  if (!e.sweep)
    return errors;
  const Sweep &sweep = *e.sweep;
  const std::string axes_path = "sweep.parameters";
  if (sweep.axes.empty() || sweep.axes.size() > 2)
    errors.push_back(field_error(
        axes_path,
        CONLAB_TRANSLATABLE("conlab::errors", "must list one or two parameters (found %1)"),
        {std::to_string(sweep.axes.size())}));
  std::size_t points = 1;
  for (std::size_t i = 0; i < sweep.axes.size(); ++i) {
    const SweepAxis &axis = sweep.axes[i];
    const std::string path = index_path(axes_path, i);
    for (std::size_t j = 0; j < i; ++j)
      if (sweep.axes[j].parameter == axis.parameter &&
          (axis.parameter != SweepParameter::step_ms ||
           sweep.axes[j].step_index == axis.step_index))
        errors.push_back(field_error(field_path(path, "parameter"),
                                     CONLAB_TRANSLATABLE("conlab::errors", "%1 is swept twice"),
                                     {std::string(to_string(axis.parameter))}));
    if (const char *why = not_applicable(e, axis))
      errors.push_back(
          field_error(field_path(path, "parameter"), why, {std::to_string(axis.step_index)}));
    const std::size_t before = errors.size();
    if (axis.range) {
      check_range(axis, field_path(path, "range"), errors);
    } else if (axis.values.empty()) {
      errors.push_back(
          field_error(field_path(path, "values"),
                      CONLAB_TRANSLATABLE("conlab::errors", "must list at least one value")));
    } else {
      for (std::size_t k = 0; k < axis.values.size(); ++k) {
        const std::string value_path = index_path(field_path(path, "values"), k);
        check_value(axis, axis.values[k], value_path, errors);
        for (std::size_t m = 0; m < k; ++m)
          if (axis.values[m] == axis.values[k]) {
            errors.push_back(
                field_error(value_path, CONLAB_TRANSLATABLE("conlab::errors", "%1 is listed twice"),
                            {number_text(axis.values[k])}));
            break;
          }
      }
    }
    if (errors.size() != before)
      continue;
    const std::size_t count = axis_values(axis).size();
    if (count > kMaxSweepAxisValues)
      errors.push_back(field_error(path,
                                   CONLAB_TRANSLATABLE("conlab::errors",
                                                       "gives more than %1 values; use a larger "
                                                       "step or a logarithmic range"),
                                   {std::to_string(kMaxSweepAxisValues)}));
    points *= std::max<std::size_t>(count, 1);
  }
  if (!errors.empty())
    return errors;
  if (points > kMaxSweepPoints)
    return {field_error(axes_path,
                        CONLAB_TRANSLATABLE("conlab::errors", "the grid has %1 points; at most %2"),
                        {std::to_string(points), std::to_string(kMaxSweepPoints)})};
  // Every point must be a valid experiment; report each distinct problem once, at its first
  // point, so a pool of 20000 threads says so rather than failing mid-sweep.
  std::set<std::string> seen;
  Experiment plain = e; // its own problems are reported by the caller, not once per point
  plain.sweep.reset();
  for (const FieldError &problem : validate_experiment(plain, cores))
    seen.insert(problem.to_string());
  const std::size_t known = seen.size();
  for (const std::vector<double> &point : sweep_points(sweep)) {
    for (const FieldError &problem :
         validate_experiment(experiment_at(e, point), cores, ThreadLimits::left_to_the_sweep)) {
      if (seen.insert(problem.to_string()).second && seen.size() <= known + 5)
        errors.push_back(field_error("sweep", CONLAB_TRANSLATABLE("conlab::errors", "at %1: %2"),
                                     {point_text(sweep, point), problem.to_string()}));
    }
  }
  return errors;
}

} // namespace conlab
