// Every summary number of every variant, one row per variant: what the results table shows.
// Display text is human-readable; Qt::UserRole holds the raw number for sorting. Beside the
// response times, where they went: the largest part, and a share column for each cause that
// took a part in some variant (the others would be columns of zeros).
#pragma once

#include "core/results/results.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

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

  // The causes that have a share column, in column order (after "Largest part").
  const std::vector<Cause> &cause_columns() const { return m_causes; }

private:
  std::shared_ptr<const RunResults> m_results;
  std::vector<Cause> m_causes;
};

} // namespace conlab::ui
