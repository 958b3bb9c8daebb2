// The experiment's variants as table rows (label, model, P, L, offload, GIL, its switch interval,
// background CPU threads, workload summary), with add, duplicate, remove and reorder; validation
// errors shown on the cell they belong to.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include "ui/experiment/vector_table_model.h"

namespace conlab::ui {

class VariantTableModel : public VectorTableModel {
  Q_OBJECT
public:
  enum Column {
    LabelColumn,
    ModelColumn,
    PoolColumn,
    LoopsColumn,
    OffloadColumn,
    ProcessesColumn,      // multi_loop: checked, "processes": true
    GilColumn,            // checked: "gil": "cpython"
    SwitchIntervalColumn, // the GIL's switch interval (ms), with a GIL only
    BackgroundColumn,     // background_cpu_threads
    StepsColumn,
    ColumnCount
  };

  explicit VariantTableModel(int cores, QObject *parent = nullptr);

  const std::vector<Variant> &variants() const { return m_variants; }
  void set_variants(std::vector<Variant> variants);
  void set_steps(int row, std::vector<Step> steps);

  int add_variant(); // returns the new row
  int duplicate_variant(int row);
  void remove_variant(int row);
  bool move_variant(int row, int delta); // -1 up, +1 down

  // Errors whose path starts with variants[i]; the rest are ignored here.
  void set_errors(const std::vector<FieldError> &errors);

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
  void edited(); // any change a person made

private:
  QVariant display(const Variant &v, int column) const;
  QString error_at(int row, int column) const;
  bool applies(const Variant &v, int column) const;

  int m_cores;
  std::vector<Variant> m_variants;
  std::vector<std::pair<std::pair<int, int>, QString>> m_errors; // (row, column) → message
};

// "blocking_io 1 s", "io 100 ms + cpu ~20 ms": a workload in a few words.
QString describe_steps(const std::vector<Step> &steps);

} // namespace conlab::ui
