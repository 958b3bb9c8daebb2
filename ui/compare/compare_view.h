// Two runs from the history side by side: who A and B are (and what makes them less comparable),
// the table of deltas, ratios and noise verdicts, and every chart with both runs overlaid (B
// dashed or hatched). Two sweeps compare point by point, their sweep charts overlaid. Loading and
// comparing run off the GUI thread.
#pragma once

#include "core/history/run_record.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace conlab {
struct Comparison;
struct SweepComparison;
} // namespace conlab

namespace conlab::ui {

class ChartPanel;
class CompareTableModel;

class CompareView : public QWidget {
  Q_OBJECT
public:
  explicit CompareView(QWidget *parent = nullptr);

  // A is the baseline, B the candidate. ready() follows when the table and charts show them, or
  // failed() with the reason (e.g. a results file that is missing or damaged).
  void compare(const history::RunRecord &a, const history::RunRecord &b);

  CompareTableModel *table_model() const { return m_model; }
  ChartPanel *charts() const { return m_charts; }
  QString header_text() const;
  QString notes_text() const; // the verdict, warnings and notes above the table

Q_SIGNALS:
  void ready();
  void failed(const QString &reason);

private:
  // `sweep` is set when the two runs are sweeps; `comparison` then holds every (point, variant).
  void show_comparison(std::shared_ptr<const Comparison> comparison,
                       std::shared_ptr<const SweepComparison> sweep);

  QLabel *m_header;
  QLabel *m_notes;
  CompareTableModel *m_model;
  QTableView *m_table;
  ChartPanel *m_charts;
  quint64 m_generation = 0; // a newer compare() makes an older one's late results vanish
};

} // namespace conlab::ui
