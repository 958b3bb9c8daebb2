// A comparison as a table: one row per matched variant and metric, with A, B, B − A, B/A, the
// verdict (coloured: better green, worse red) and the noise interval the verdict rests on.
#pragma once

#include "core/compare/compare.h"

#include <QAbstractTableModel>

#include <memory>

namespace conlab::ui {

class CompareTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { variant, metric, a, b, delta, ratio, verdict, noise, column_count };

  explicit CompareTableModel(QObject *parent = nullptr);

  void set_comparison(std::shared_ptr<const Comparison> comparison);
  // The metric of a row, for tests and tooltips; nullptr outside the table.
  const MetricComparison *metric_at(int row) const;

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  struct Row {
    const VariantComparison *variant;
    const MetricComparison *metric;
  };
  std::shared_ptr<const Comparison> m_comparison;
  std::vector<Row> m_rows;
};

} // namespace conlab::ui
