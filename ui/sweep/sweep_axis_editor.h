// One parameter of a sweep in the editor: which parameter (and which step, for a step's
// duration), its values as a list ("1, 2, 4, 8") or as a range (from, to, step, linear or
// logarithmic). Round-trips a SweepAxis; a list that does not parse is reported at the path
// validate_experiment would use.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace conlab::ui {

class SweepAxisEditor : public QWidget {
  Q_OBJECT
public:
  // `index`: the axis' place in the sweep (0 or 1), for the error paths.
  SweepAxisEditor(std::size_t index, QWidget *parent = nullptr);

  void set_axis(const SweepAxis &axis);
  SweepAxis axis() const;
  // The list's words that are not numbers, as errors at sweep.parameters[i].values[k].
  std::vector<FieldError> parse_errors() const;
  // Red frames and tooltips for the errors at this axis' paths.
  void set_errors(const std::vector<FieldError> &errors);

  QComboBox *parameter_box() const { return m_parameter; }
  QSpinBox *step_box() const { return m_step; }
  QComboBox *kind_box() const { return m_kind; }
  QLineEdit *list_edit() const { return m_list; }
  QDoubleSpinBox *from_box() const { return m_from; }
  QDoubleSpinBox *to_box() const { return m_to; }
  QDoubleSpinBox *step_size_box() const { return m_step_size; }
  QComboBox *scale_box() const { return m_scale; }

Q_SIGNALS:
  void edited();

private:
  std::string path() const; // "sweep.parameters[i]"
  void update_visibility();

  std::size_t m_index;
  QComboBox *m_parameter;
  QSpinBox *m_step;
  QComboBox *m_kind;
  QStackedWidget *m_values;
  QLineEdit *m_list;
  QDoubleSpinBox *m_from, *m_to, *m_step_size;
  QComboBox *m_scale;
};

// "1, 2.5, 4" → its numbers; words that are not numbers are returned in `bad`.
std::vector<double> parse_value_list(const QString &text, QStringList *bad = nullptr);
QString value_list_text(const std::vector<double> &values);

} // namespace conlab::ui
