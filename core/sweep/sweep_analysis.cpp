#include "core/sweep/sweep_analysis.h"

#include "core/sweep/sweep.h"
#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace conlab {

std::optional<Knee> find_knee(const std::vector<double> &xs, const std::vector<double> &ys,
                              bool higher_is_better) {
  if (xs.size() < 2 || xs.size() != ys.size())
    return std::nullopt;
  const auto better = [&](double a, double b) { return higher_is_better ? a > b : a < b; };
  std::size_t best = 0;
  for (std::size_t i = 1; i < ys.size(); ++i)
    if (better(ys[i], ys[best]))
      best = i;
  const double good_enough =
      higher_is_better ? ys[best] * (1 - kKneeTolerance) : ys[best] * (1 + kKneeTolerance);
  std::size_t knee = 0;
  while (higher_is_better ? ys[knee] < good_enough : ys[knee] > good_enough)
    ++knee;
  return Knee{.at = xs[knee],
              .value = ys[knee],
              .best_at = xs[best],
              .best_value = ys[best],
              .at_first = knee == 0,
              .at_last = knee + 1 == xs.size()};
}

namespace {

std::string knee_sentence(const SweepAxis &axis, const Knee &k) {
  const std::string symbol = parameter_info(axis.parameter).symbol;
  if (k.at_first)
    return "adding to " + symbol + " does not pay: throughput at " + axis_value_text(axis, k.at) +
           " (" + human_rate(k.value) + "/s) is already within 5% of the best (" +
           human_rate(k.best_value) + "/s at " + axis_value_text(axis, k.best_at) + ")";
  if (k.at_last)
    return "throughput still grows at the end of the sweep (" + human_rate(k.value) + "/s at " +
           axis_value_text(axis, k.at) + "): no knee within it";
  if (k.at == k.best_at)
    return "the knee is at " + axis_value_text(axis, k.at) + ", where throughput is highest (" +
           human_rate(k.value) + "/s); more " + symbol + " stops paying";
  return "the knee is at " + axis_value_text(axis, k.at) + ": throughput " + human_rate(k.value) +
         "/s, within 5% of the best (" + human_rate(k.best_value) + "/s at " +
         axis_value_text(axis, k.best_at) + "); more " + symbol + " stops paying";
}

std::string usl_sentence(const UslFit &fit) {
  char text[200];
  std::snprintf(text, sizeof text,
                "USL fit of throughput: σ = %.3g (contention), κ = %.3g "
                "(coherency), λ = %s/s per unit, R² = %.3f",
                fit.sigma, fit.kappa, human_rate(fit.lambda).c_str(), fit.r_squared);
  std::string out = text;
  if (fit.peak_n)
    out += "; throughput peaks near " + human_count(*fit.peak_n);
  return out;
}

std::string disagreement_sentence(const Sweep &sweep, const SweepResults &results,
                                  const SweepVariantAnalysis &a) {
  if (a.compared == 0)
    return "";
  if (a.disagreements.empty())
    return "measured makespan is within 10% of the simulation at all " +
           std::to_string(a.compared) + " points";
  const auto worst = std::max_element(a.disagreements.begin(), a.disagreements.end(),
                                      [](const Disagreement &x, const Disagreement &y) {
                                        return std::abs(x.relative) < std::abs(y.relative);
                                      });
  return "measured and simulated makespan disagree by more than 10% at " +
         std::to_string(a.disagreements.size()) + " of " + std::to_string(a.compared) +
         " points (worst at " + point_text(sweep, results.points[worst->point].values) + ": " +
         human_duration(worst->measured_s) + " measured, " + human_duration(worst->simulated_s) +
         " simulated, " + human_signed_percent(worst->relative) +
         (worst->relative > 0 ? "): overhead or contention the ideal model does not have"
                              : "): faster than the simulation, so the model misses something "
                                "here");
}

} // namespace

SweepAnalysis analyze_sweep(const Experiment &e, const SweepResults &sweep) {
  SweepAnalysis out;
  if (!e.sweep)
    return out;
  const bool one_concurrency_axis =
      e.sweep->axes.size() == 1 && parameter_info(e.sweep->axes[0].parameter).concurrency;
  for (std::size_t v = 0; v < e.variants.size(); ++v) {
    SweepVariantAnalysis a;
    a.label = e.variants[v].label;
    std::vector<std::pair<double, double>> curve; // (parameter, mean throughput)
    for (std::size_t p = 0; p < sweep.points.size(); ++p) {
      if (v >= sweep.points[p].variants.size())
        continue;
      const SweepVariantPoint &vp = sweep.points[p].variants[v];
      const std::optional<double> measured = vp.mean(SweepMetric::makespan);
      if (measured && vp.simulated && vp.simulated->makespan_s > 0) {
        ++a.compared;
        const double relative = (*measured - vp.simulated->makespan_s) / vp.simulated->makespan_s;
        if (std::abs(relative) > kDisagreementThreshold)
          a.disagreements.push_back({p, *measured, vp.simulated->makespan_s, relative});
      }
      if (const auto throughput = vp.mean(SweepMetric::throughput);
          throughput && one_concurrency_axis)
        curve.emplace_back(sweep.points[p].values.at(0), *throughput);
    }
    if (one_concurrency_axis) {
      std::sort(curve.begin(), curve.end());
      std::vector<double> xs, ys;
      for (const auto &[x, y] : curve) {
        xs.push_back(x);
        ys.push_back(y);
      }
      a.knee = find_knee(xs, ys, true);
      if (a.knee)
        a.findings.push_back(knee_sentence(e.sweep->axes[0], *a.knee));
      // A flat curve has nothing to fit: σ would be pure noise.
      if (a.knee && !a.knee->at_first) {
        a.usl = fit_usl(curve);
        if (a.usl)
          a.findings.push_back(usl_sentence(*a.usl));
      }
    }
    if (std::string s = disagreement_sentence(*e.sweep, sweep, a); !s.empty())
      a.findings.push_back(std::move(s));
    out.variants.push_back(std::move(a));
  }
  return out;
}

} // namespace conlab
