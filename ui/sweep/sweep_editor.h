// The editor's Sweep section: off, or one or two parameters (each a SweepAxisEditor) and the
// order the grid runs in. Round-trips Experiment::sweep.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include <QGroupBox>

#include <optional>

class QComboBox;

namespace conlab::ui {

class SweepAxisEditor;

class SweepEditor : public QGroupBox {
  Q_OBJECT
public:
  explicit SweepEditor(QWidget *parent = nullptr);

  void set_sweep(const std::optional<Sweep> &sweep);
  std::optional<Sweep> sweep() const;
  std::vector<FieldError> parse_errors() const;
  void set_errors(const std::vector<FieldError> &errors);

  QComboBox *mode_box() const { return m_mode; }   // 0 off, 1 one parameter, 2 two
  QComboBox *order_box() const { return m_order; } // 0 shuffled, 1 as listed
  SweepAxisEditor *axis_editor(std::size_t i) const { return m_axes[i]; }

Q_SIGNALS:
  void edited();

private:
  void update_visibility();

  QComboBox *m_mode;
  QComboBox *m_order;
  SweepAxisEditor *m_axes[2];
};

} // namespace conlab::ui
