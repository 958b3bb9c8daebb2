#include "core/compare/compare_json.h"

#include "core/sweep/sweep.h"
#include "core/util/json_fields.h"

namespace conlab {
namespace {

using json::number_or_null;

boost::json::value optional_number(const std::optional<double> &value) {
  return value ? number_or_null(*value) : boost::json::value(nullptr);
}

boost::json::array strings(const std::vector<std::string> &values) {
  boost::json::array out;
  for (const std::string &v : values)
    out.emplace_back(v);
  return out;
}

boost::json::object to_json(const RunSide &side) {
  return {{"name", side.name},
          {"experiment", side.experiment},
          {"status", to_string(side.status)},
          {"repeats", side.repeats},
          {"time_scale", number_or_null(side.time_scale)},
          {"build_type", side.build_type},
          {"cores", side.cores},
          {"cpu_model", side.cpu_model},
          {"hostname", side.hostname},
          {"files", strings(side.files)}};
}

boost::json::object to_json(const VariantSetup &setup) {
  boost::json::object o{{"model", setup.model},
                        {"finished_tasks", setup.finished_tasks},
                        {"repeats", setup.repeats},
                        {"complete_repeats", setup.complete_repeats}};
  if (setup.pool_size > 0)
    o["pool_size"] = setup.pool_size;
  if (setup.loops > 0)
    o["loops"] = setup.loops;
  o["offload"] = setup.offload;
  return o;
}

boost::json::object to_json(const NoiseEstimate &noise) {
  boost::json::object o{{"method", to_string(noise.method)}};
  if (!noise.estimated()) {
    o["reason"] = noise.reason;
    return o;
  }
  o["confidence"] = number_or_null(noise.confidence);
  o["interval"] = {number_or_null(noise.interval.low), number_or_null(noise.interval.high)};
  o["degrees_of_freedom"] = number_or_null(noise.degrees_of_freedom);
  o["n_baseline"] = noise.n_baseline;
  o["n_candidate"] = noise.n_candidate;
  return o;
}

boost::json::object to_json(const RunValues &runs) {
  boost::json::array values;
  for (double v : runs.values)
    values.push_back(number_or_null(v));
  boost::json::object o{{"values", std::move(values)}};
  if (runs.trend)
    o["trend"] = {{"test", "kendall"},
                  {"tau", number_or_null(runs.trend->tau)},
                  {"p_value", number_or_null(runs.trend->p_value)},
                  {"drifts", runs.drifts()}};
  if (runs.groups)
    o["two_groups"] = {{"gap_score", number_or_null(runs.groups->gap_score)},
                       {"critical_score", number_or_null(runs.groups->critical_score)},
                       {"low_count", runs.groups->low_count},
                       {"bimodal", runs.bimodal()}};
  return o;
}

boost::json::object to_json(const MetricComparison &m) {
  const MetricInfo &info = metric_info(m.metric);
  return {{"metric", info.key},
          {"better", to_string(info.better)},
          {"baseline", optional_number(m.baseline)},
          {"candidate", optional_number(m.candidate)},
          {"delta", m.measured() ? number_or_null(m.delta()) : boost::json::value(nullptr)},
          {"ratio", optional_number(m.ratio())},
          {"relative_change", optional_number(m.relative_change())},
          {"verdict", to_string(m.verdict)},
          {"noise", to_json(m.noise)},
          {"baseline_runs", to_json(m.baseline_runs)},
          {"candidate_runs", to_json(m.candidate_runs)}};
}

boost::json::value to_json(const std::optional<RankSumTest> &test) {
  if (!test)
    return nullptr;
  return boost::json::object{{"test", "mann_whitney"},
                             {"u_candidate", number_or_null(test->u_b)},
                             {"p_value", number_or_null(test->p_value)},
                             {"candidate_greater", number_or_null(test->b_greater())},
                             {"n_baseline", test->n_a},
                             {"n_candidate", test->n_b}};
}

boost::json::object to_json(const VariantComparison &v) {
  boost::json::array metrics;
  for (const MetricComparison &m : v.metrics)
    metrics.push_back(to_json(m));
  return {{"label", v.label},
          {"baseline", to_json(v.baseline)},
          {"candidate", to_json(v.candidate)},
          {"metrics", std::move(metrics)},
          {"within_run_latency_shift", to_json(v.latency_shift)},
          {"within_run_queue_wait_shift", to_json(v.queue_wait_shift)},
          {"generator_warnings_baseline", strings(v.generator_warnings_baseline)},
          {"generator_warnings_candidate", strings(v.generator_warnings_candidate)}};
}

boost::json::object to_json(const GateReport &gate) {
  boost::json::array variants;
  for (const GateVariant &v : gate.variants)
    variants.push_back(boost::json::object{{"label", v.label},
                                           {"outcome", to_string(v.outcome)},
                                           {"worsening", optional_number(v.worsening)},
                                           {"noise_estimated", v.noise_estimated}});
  return {{"metric", metric_info(gate.gate.metric).key},
          {"threshold", number_or_null(gate.gate.threshold)},
          {"accept_single_runs", gate.gate.accept_single_runs},
          {"result", to_string(gate.result())},
          {"regressed", gate.regressed()},
          {"variants", std::move(variants)}};
}

boost::json::array to_json(const std::vector<VariantComparison> &variants) {
  boost::json::array out;
  for (const VariantComparison &v : variants)
    out.push_back(to_json(v));
  return out;
}

} // namespace

boost::json::value to_json(const Comparison &comparison, const GateReport *gate) {
  boost::json::object o;
  o["schema"] = kCompareSchema;
  o["baseline"] = to_json(comparison.baseline);
  o["candidate"] = to_json(comparison.candidate);
  o["noise"] = {
      {"method", "welch"}, {"over", "runs"}, {"confidence", number_or_null(comparison.confidence)}};
  o["notes"] = strings(comparison.notes);
  o["only_in_baseline"] = strings(comparison.only_in_baseline);
  o["only_in_candidate"] = strings(comparison.only_in_candidate);
  o["variants"] = to_json(comparison.variants);
  if (gate) {
    o["gate"] = to_json(*gate);
    o["warnings"] = strings(comparison_warnings(comparison, gate->gate.metric));
  }
  return o;
}

boost::json::value to_json(const SweepComparison &comparison, const GateReport *gate) {
  boost::json::object o;
  o["schema"] = kSweepCompareSchema;
  o["baseline"] = to_json(comparison.baseline);
  o["candidate"] = to_json(comparison.candidate);
  boost::json::array axes;
  for (const SweepAxis &axis : comparison.sweep.axes)
    axes.emplace_back(parameter_info(axis.parameter).name);
  o["axes"] = std::move(axes);
  o["noise"] = {{"method", "welch"},
                {"over", "runs"},
                {"confidence", number_or_null(comparison.confidence)},
                {"correction", "bonferroni"},
                {"pairs", comparison.pairs},
                {"confidence_per_pair", number_or_null(comparison.point_confidence)}};
  o["notes"] = strings(comparison.notes);
  o["only_in_baseline"] = strings(comparison.only_in_baseline);
  o["only_in_candidate"] = strings(comparison.only_in_candidate);
  boost::json::array points;
  for (const SweepPointComparison &p : comparison.points) {
    boost::json::array values;
    for (double v : p.values)
      values.push_back(number_or_null(v));
    points.push_back(boost::json::object{{"point", p.label},
                                         {"values", std::move(values)},
                                         {"variants", to_json(p.comparison.variants)}});
  }
  o["points"] = std::move(points);
  if (gate) {
    o["gate"] = to_json(*gate);
    o["changed"] = changed_points_text(comparison, gate->gate.metric);
    boost::json::array warnings;
    for (const SweepPointComparison &p : comparison.points)
      for (const std::string &w : comparison_warnings(p.comparison, gate->gate.metric))
        warnings.emplace_back(p.label + ": " + w);
    o["warnings"] = std::move(warnings);
  }
  return o;
}

} // namespace conlab
