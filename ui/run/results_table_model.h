// Every summary number of every variant, one row per variant: what the results table shows.
// Display text is human-readable; Qt::UserRole holds the raw number for sorting.
#pragma once

#include "core/results/results.h"

#include <QAbstractTableModel>

#include <memory>

namespace conlab::ui {

class ResultsTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  explicit ResultsTableModel(QObject *parent = nullptr);

  void set_results(std::shared_ptr<const RunResults> results);
  void clear();

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::shared_ptr<const RunResults> m_results;
};

} // namespace conlab::ui
