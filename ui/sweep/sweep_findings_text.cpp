#include "ui/sweep/sweep_findings_text.h"

#include "core/util/format.h"
#include "core/util/json_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace conlab::ui {
namespace {

QString rate(double per_second) { return QString::fromStdString(human_rate(per_second)); }

// printf's %.Ng and %.Nf, as the core writes the USL coefficients.
QString printed(const char *format, int digits, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, digits, value);
  return QString::fromLatin1(text);
}

} // namespace

QString SweepText::parameter_title(SweepParameter parameter) {
  return QCoreApplication::translate("conlab::sweep", parameter_info(parameter).title);
}

QString SweepText::symbol(SweepParameter parameter) {
  return QCoreApplication::translate("conlab::sweep", parameter_info(parameter).symbol);
}

QString SweepText::metric_title(SweepMetric metric) {
  return QCoreApplication::translate("conlab::sweep", conlab::metric_title(metric));
}

QString SweepText::axis_label(const SweepAxis &axis) {
  if (axis.parameter == SweepParameter::step_ms)
    return tr("step %1 (ms)").arg(axis.step_index + 1);
  if (axis.parameter == SweepParameter::rate_per_s)
    return QString::fromStdString(conlab::axis_label(axis));
  return symbol(axis.parameter);
}

QString SweepText::value(const SweepAxis &axis, double v) {
  switch (axis.parameter) {
  case SweepParameter::step_ms:
    return tr("step %1 = %2 ms")
        .arg(QString::number(axis.step_index + 1), QString::fromStdString(json::number_text(v)));
  case SweepParameter::cpu_share:
    return tr("CPU share = %1").arg(QString::fromStdString(human_percent(v)));
  default: // a symbol and a number: "P = 8", "λ = 50/s"
    return QString::fromStdString(axis_value_text(axis, v));
  }
}

QString SweepText::point(const Sweep &sweep, const std::vector<double> &values) {
  QStringList parts;
  for (std::size_t i = 0; i < sweep.axes.size() && i < values.size(); ++i)
    parts << value(sweep.axes[i], values[i]);
  return parts.join(tr(", "));
}

QString SweepText::grid(const Sweep &sweep) {
  QStringList axes;
  for (const SweepAxis &axis : sweep.axes) {
    const std::vector<double> values = axis_values(axis);
    axes << (values.empty() ? axis_label(axis)
                            : tr("%1 … %2 (%3 values)")
                                  .arg(value(axis, values.front()), value(axis, values.back()))
                                  .arg(values.size()));
  }
  return axes.join(QStringLiteral(" × "));
}

QString SweepText::knee(const SweepAxis &axis, const Knee &k) {
  const QString sym = symbol(axis.parameter);
  if (k.at_first)
    return tr("adding to %1 does not pay: throughput at %2 (%3/s) is already within 5% of the "
              "best (%4/s at %5)")
        .arg(sym, value(axis, k.at), rate(k.value), rate(k.best_value), value(axis, k.best_at));
  if (k.at_last)
    return tr("throughput still grows at the end of the sweep (%1/s at %2): no knee within it")
        .arg(rate(k.value), value(axis, k.at));
  if (k.at == k.best_at)
    return tr("the knee is at %1, where throughput is highest (%2/s); more %3 stops paying")
        .arg(value(axis, k.at), rate(k.value), sym);
  return tr("the knee is at %1: throughput %2/s, within 5% of the best (%3/s at %4); more %5 "
            "stops paying")
      .arg(value(axis, k.at), rate(k.value), rate(k.best_value), value(axis, k.best_at), sym);
}

QString SweepText::usl(const UslFit &fit) {
  QString out = tr("USL fit of throughput: σ = %1 (contention), κ = %2 (coherency), λ = %3/s per "
                   "unit, R² = %4")
                    .arg(printed("%.*g", 3, fit.sigma), printed("%.*g", 3, fit.kappa),
                         rate(fit.lambda), printed("%.*f", 3, fit.r_squared));
  if (fit.peak_n)
    out += tr("; throughput peaks near %1").arg(QString::fromStdString(human_count(*fit.peak_n)));
  return out;
}

QString SweepText::disagreement(const Sweep &sweep, const SweepResults &results,
                                const SweepVariantAnalysis &a) {
  if (a.disagreements.empty())
    return tr("measured makespan is within 10% of the simulation at all %1 points").arg(a.compared);
  const auto worst = std::max_element(a.disagreements.begin(), a.disagreements.end(),
                                      [](const Disagreement &x, const Disagreement &y) {
                                        return std::abs(x.relative) < std::abs(y.relative);
                                      });
  // Slower than simulated is what an ideal model leaves out; faster is what it gets wrong.
  const QString text =
      worst->relative > 0
          ? tr("measured and simulated makespan disagree by more than 10% at %1 of %2 points "
               "(worst at %3: %4 measured, %5 simulated, %6): overhead or contention the ideal "
               "model does not have")
          : tr("measured and simulated makespan disagree by more than 10% at %1 of %2 points "
               "(worst at %3: %4 measured, %5 simulated, %6): faster than the simulation, so the "
               "model misses something here");
  return text.arg(QString::number(a.disagreements.size()), QString::number(a.compared),
                  point(sweep, results.points[worst->point].values),
                  QString::fromStdString(human_duration(worst->measured_s)),
                  QString::fromStdString(human_duration(worst->simulated_s)),
                  QString::fromStdString(human_signed_percent(worst->relative)));
}

QStringList SweepText::findings(const Sweep &sweep, const SweepResults &results,
                                const SweepVariantAnalysis &a) {
  QStringList out;
  if (a.knee && !sweep.axes.empty())
    out << knee(sweep.axes[0], *a.knee);
  if (a.usl)
    out << usl(*a.usl);
  if (a.compared > 0)
    out << disagreement(sweep, results, a);
  return out;
}

} // namespace conlab::ui
