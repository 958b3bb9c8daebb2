// A sweep's numbers as a table (the desktop lab's Table tab for a sweep): one row per point and
// variant, the means over complete repeats beside the simulation. Sorts by the numbers
// (Qt::UserRole), shows them as a person reads them.
#pragma once

#include "ui/sweep/sweep_chart_data.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace conlab::ui {

class SweepTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column {
    point,
    variant,
    runs,
    makespan,
    simulated,
    versus,
    throughput,
    p50,
    p99,
    cpu,
    loop_lag,
    column_count
  };

  using QAbstractTableModel::QAbstractTableModel;

  void set_data(std::shared_ptr<const SweepChartData> data); // nullptr: empty

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::shared_ptr<const SweepChartData> m_data;
  std::vector<SweepRow> m_rows;
};

} // namespace conlab::ui
