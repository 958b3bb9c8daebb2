// What a sweep shows, in the language the desktop lab speaks: the knee, the USL fit and where
// measurement and simulation disagree, worded from the same analysis (SweepVariantAnalysis) as
// the core's English findings, and the sweep's parameters, values and points. Without a
// translation each reads exactly as the core writes it.
#pragma once

#include "core/sweep/sweep.h"
#include "core/sweep/sweep_analysis.h"

#include <QCoreApplication>
#include <QStringList>

namespace conlab::ui {

class SweepText {
  Q_DECLARE_TR_FUNCTIONS(conlab::ui::SweepText)
public:
  static QString parameter_title(SweepParameter parameter);  // "pool size"
  static QString symbol(SweepParameter parameter);           // "P", "step", "CPU share"
  static QString metric_title(SweepMetric metric);           // "throughput (tasks/s)"
  static QString axis_label(const SweepAxis &axis);          // "P", "step 2 (ms)", "λ (/s)"
  static QString value(const SweepAxis &axis, double value); // "P = 8", "step 1 = 50 ms"
  static QString point(const Sweep &sweep, const std::vector<double> &point);
  // The grid: "P = 1 … P = 64 (7 values) × C = 1 … C = 3 (3 values)".
  static QString grid(const Sweep &sweep);
  // The findings of one variant, in the order analyze_sweep gives them.
  static QStringList findings(const Sweep &sweep, const SweepResults &results,
                              const SweepVariantAnalysis &analysis);

private:
  static QString knee(const SweepAxis &axis, const Knee &knee);
  static QString usl(const UslFit &fit);
  static QString disagreement(const Sweep &sweep, const SweepResults &results,
                              const SweepVariantAnalysis &analysis);
};

} // namespace conlab::ui
