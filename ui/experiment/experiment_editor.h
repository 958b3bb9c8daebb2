// The experiment editor: name, load (N, C or λ and arrivals), repeats, time scale, seed, the
// server to measure (or none: in process), the variants table, the selected variant's steps and
// the sweep. Round-trips an Experiment exactly and shows
// validate_experiment's errors next to the field they name.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace conlab::ui {

class StepsTableModel;
class SweepEditor;
class VariantTableModel;

class ExperimentEditor : public QWidget {
  Q_OBJECT
public:
  explicit ExperimentEditor(int cores, QWidget *parent = nullptr);

  void set_experiment(const Experiment &experiment);
  Experiment experiment() const;
  const std::vector<FieldError> &errors() const { return m_errors; }
  bool modified() const { return m_modified; }
  void set_modified(bool modified);

  VariantTableModel *variants_model() const { return m_variants; }
  StepsTableModel *steps_model() const { return m_steps; }
  QTableView *variants_view() const { return m_variant_view; }
  SweepEditor *sweep_editor() const { return m_sweep; }

Q_SIGNALS:
  void changed(); // any edit; errors() is up to date

private:
  QWidget *make_load_box();
  QWidget *make_variants_box();
  QWidget *make_steps_box();
  void select_variant(int row);
  void load_kind_changed();
  void edited();
  void revalidate();
  void update_scale_note();
  void target_changed();
  QString sweep_note(const Experiment &e) const;

  static constexpr std::size_t kMaxEstimatedPoints = 400;

  int m_cores;
  bool m_loading = false;
  bool m_modified = false;
  std::string m_description;
  std::uint64_t m_seed = 1;
  std::vector<FieldError> m_errors;

  QLineEdit *m_name;
  QComboBox *m_load_kind;
  QSpinBox *m_tasks;
  QSpinBox *m_clients;
  QDoubleSpinBox *m_rate;
  QComboBox *m_arrivals;
  QSpinBox *m_repeats;
  QDoubleSpinBox *m_time_scale;
  // http://HOST:PORT: every variant is measured at that server's /<label>, at full scale.
  QLineEdit *m_target;
  QLineEdit *m_watch; // the server's PID, watched while it is loaded
  QSpinBox *m_seed_box;
  QLabel *m_scale_note;
  QLabel *m_error_list;
  VariantTableModel *m_variants;
  StepsTableModel *m_steps;
  QTableView *m_variant_view;
  QTableView *m_step_view;
  SweepEditor *m_sweep;
};

} // namespace conlab::ui
