// One variant's workload as table rows: each step's kind and its duration (fixed, uniform or
// exponential), with add, remove and reorder.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include "ui/experiment/vector_table_model.h"

namespace conlab::ui {

class StepsTableModel : public VectorTableModel {
  Q_OBJECT
public:
  enum Column { KindColumn, DistributionColumn, MsColumn, MinColumn, MaxColumn, ColumnCount };

  explicit StepsTableModel(QObject *parent = nullptr);

  // `variant` is the row of the variant these steps belong to (for error paths), -1 for none.
  void set_steps(int variant, std::vector<Step> steps);
  const std::vector<Step> &steps() const { return m_steps; }
  int variant() const { return m_variant; }

  int add_step();
  void remove_step(int row);
  bool move_step(int row, int delta);
  void set_errors(const std::vector<FieldError> &errors);

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
  void edited(); // the steps changed: read steps()

private:
  bool applies(const Step &s, int column) const;
  QString error_at(int row, int column) const;

  int m_variant = -1;
  std::vector<Step> m_steps;
  std::vector<std::pair<std::pair<int, int>, QString>> m_errors;
};

} // namespace conlab::ui
