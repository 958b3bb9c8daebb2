// The explanation of each variant's result in words, coloured like the variant in the charts,
// with its prediction formula.
#pragma once

#include "core/results/results.h"
#include "ui/sweep/sweep_chart_data.h"

#include <QTextBrowser>

namespace conlab::ui {

class ExplanationView : public QTextBrowser {
  Q_OBJECT
public:
  explicit ExplanationView(QWidget *parent = nullptr);
  // nullptr: a hint instead. A sweep's findings come from `sweep`, the chart data built off the
  // GUI thread with its analysis (nothing is analysed here).
  void set_results(const RunResults *results, const SweepChartData *sweep);
};

} // namespace conlab::ui
