// The charts that move while an experiment runs: completions over time and tasks in flight
// over time, one line per variant, fed by the runner's throttled progress.
#pragma once

#include "core/engine/runner.h"
#include "core/experiment/spec.h"

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace conlab::ui {

class LiveChart : public QWidget {
  Q_OBJECT
public:
  explicit LiveChart(QWidget *parent = nullptr);

  void reset(const Experiment &experiment);
  void add_progress(const RunProgress &progress);

  QChart *completions_chart() const { return m_completions; }
  QChart *in_flight_chart() const { return m_in_flight; }
  int points(int variant) const; // points in the variant's completions line

private:
  QChart *m_completions;
  QChart *m_in_flight;
  QValueAxis *m_x_completions, *m_y_completions, *m_x_in_flight, *m_y_in_flight;
  std::vector<QLineSeries *> m_done_lines;
  std::vector<QLineSeries *> m_flight_lines;
  Load m_load;
  double m_max_x = 1;
};

} // namespace conlab::ui
