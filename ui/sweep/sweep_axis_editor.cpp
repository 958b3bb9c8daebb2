#include "ui/sweep/sweep_axis_editor.h"

#include "core/sweep/sweep.h"
#include "ui/experiment/field_marks.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>

namespace conlab::ui {
namespace {

constexpr SweepParameter kParameters[] = {SweepParameter::pool_size,  SweepParameter::clients,
                                          SweepParameter::tasks,      SweepParameter::loops,
                                          SweepParameter::rate_per_s, SweepParameter::step_ms,
                                          SweepParameter::cpu_share};

QDoubleSpinBox *number_box(const QString &tip, QWidget *parent) {
  auto *box = new QDoubleSpinBox(parent);
  box->setRange(0, 1e7); // no parameter takes negative values
  box->setDecimals(3);
  box->setKeyboardTracking(false);
  set_plain_tip(box, tip);
  return box;
}

// How the parameter reads in the list, in the units its values are written in.
QString parameter_text(SweepParameter p) {
  switch (p) {
  case SweepParameter::rate_per_s:
    return SweepAxisEditor::tr("arrival rate λ (tasks/s)");
  case SweepParameter::step_ms:
    return SweepAxisEditor::tr("a step's duration (ms)");
  case SweepParameter::cpu_share:
    return SweepAxisEditor::tr("CPU share of the work (0 to 1)");
  default: {
    const SweepParameterInfo &info = parameter_info(p);
    return QStringLiteral("%1 %2").arg(SweepText::parameter_title(p),
                                       QString::fromUtf8(info.symbol));
  }
  }
}

} // namespace

std::vector<double> parse_value_list(const QString &text, QStringList *bad) {
  std::vector<double> out;
  static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
  for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
    bool ok = false;
    const double v = QLocale::c().toDouble(word, &ok);
    if (ok)
      out.push_back(v);
    else if (bad)
      *bad << word;
  }
  return out;
}

QString value_list_text(const std::vector<double> &values) {
  QStringList words;
  for (double v : values)
    words << QString::number(v, 'g', 12);
  return words.join(QStringLiteral(", "));
}

SweepAxisEditor::SweepAxisEditor(std::size_t index, QWidget *parent)
    : QWidget(parent), m_index(index), m_parameter(new QComboBox(this)), m_step(new QSpinBox(this)),
      m_kind(new QComboBox(this)), m_values(new QStackedWidget(this)), m_list(new QLineEdit(this)),
      m_from(number_box(tr("The first value of the range"), this)),
      m_to(number_box(tr("The last value of the range (included when a step lands on it)"), this)),
      m_step_size(number_box(tr("Linear: added to each value. Logarithmic: each value is the one "
                                "before times this (2 doubles: 1, 2, 4, 8 …)"),
                             this)),
      m_scale(new QComboBox(this)) {
  setObjectName(QStringLiteral("sweep_axis_%1").arg(index + 1));
  for (SweepParameter p : kParameters)
    m_parameter->addItem(parameter_text(p), QString::fromLatin1(to_string(p)));
  set_plain_tip(m_parameter, tr("The parameter this axis of the grid varies"));
  m_step->setRange(1, 1000);
  m_step->setPrefix(tr("step "));
  set_plain_tip(m_step, tr("Which step of every variant's workload gets the swept duration "
                           "(counting from 1)"));
  m_kind->addItem(tr("list"), QStringLiteral("list"));
  m_kind->addItem(tr("range"), QStringLiteral("range"));
  set_plain_tip(m_kind, tr("The values as a list, or as a range from, to, step"));
  m_list->setPlaceholderText(QStringLiteral("1, 2, 4, 8"));
  set_plain_tip(m_list, tr("The values, separated by commas: run in this order when the sweep "
                           "is not shuffled"));
  m_scale->addItem(tr("linear (+ step)"), QStringLiteral("linear"));
  m_scale->addItem(tr("logarithmic (× step)"), QStringLiteral("log"));
  set_plain_tip(m_scale, tr("How the range steps: adding the step, or multiplying by it"));

  auto *range = new QWidget(m_values);
  // Two rows, so the editor stays as narrow as its other sections.
  auto *range_grid = new QGridLayout(range);
  range_grid->setContentsMargins(0, 0, 0, 0);
  range_grid->addWidget(new QLabel(tr("from"), range), 0, 0);
  range_grid->addWidget(m_from, 0, 1);
  range_grid->addWidget(new QLabel(tr("to"), range), 0, 2);
  range_grid->addWidget(m_to, 0, 3);
  range_grid->addWidget(new QLabel(tr("step"), range), 1, 0);
  range_grid->addWidget(m_step_size, 1, 1);
  range_grid->addWidget(m_scale, 1, 2, 1, 2);
  range_grid->setColumnStretch(1, 1);
  range_grid->setColumnStretch(3, 1);
  m_values->addWidget(m_list);
  m_values->addWidget(range);

  auto *grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(new QLabel(tr("Parameter %1").arg(index + 1), this), 0, 0);
  grid->addWidget(m_parameter, 0, 1);
  grid->addWidget(m_step, 0, 2);
  grid->addWidget(m_kind, 1, 0);
  grid->addWidget(m_values, 1, 1, 1, 2);
  grid->setColumnStretch(1, 1);

  set_axis(SweepAxis{.parameter = SweepParameter::pool_size, .values = {1, 2, 4, 8, 16}});
  for (QComboBox *box : {m_parameter, m_kind})
    connect(box, &QComboBox::currentIndexChanged, this, [this] {
      update_visibility();
      Q_EMIT edited();
    });
  connect(m_step, &QSpinBox::valueChanged, this, &SweepAxisEditor::edited);
  connect(m_list, &QLineEdit::textEdited, this, &SweepAxisEditor::edited);
  for (QDoubleSpinBox *box : {m_from, m_to, m_step_size})
    connect(box, &QDoubleSpinBox::valueChanged, this, &SweepAxisEditor::edited);
  connect(m_scale, &QComboBox::currentIndexChanged, this, &SweepAxisEditor::edited);
}

void SweepAxisEditor::set_axis(const SweepAxis &axis) {
  const QSignalBlocker blockers[] = {QSignalBlocker(m_parameter), QSignalBlocker(m_step),
                                     QSignalBlocker(m_kind),      QSignalBlocker(m_list),
                                     QSignalBlocker(m_from),      QSignalBlocker(m_to),
                                     QSignalBlocker(m_step_size), QSignalBlocker(m_scale)};
  m_parameter->setCurrentIndex(
      m_parameter->findData(QString::fromLatin1(to_string(axis.parameter))));
  m_step->setValue(static_cast<int>(axis.step_index) + 1);
  m_kind->setCurrentIndex(axis.range ? 1 : 0);
  m_list->setText(value_list_text(axis.values));
  const SweepRange range = axis.range.value_or(SweepRange{1, 64, 2, SweepScale::log});
  m_from->setValue(range.from);
  m_to->setValue(range.to);
  m_step_size->setValue(range.step);
  m_scale->setCurrentIndex(range.scale == SweepScale::log ? 1 : 0);
  update_visibility();
}

SweepAxis SweepAxisEditor::axis() const {
  SweepAxis axis;
  axis.parameter = parse_sweep_parameter(m_parameter->currentData().toString().toStdString())
                       .value_or(SweepParameter::pool_size);
  axis.step_index = static_cast<std::size_t>(m_step->value() - 1);
  if (m_kind->currentIndex() == 1)
    axis.range = SweepRange{m_from->value(), m_to->value(), m_step_size->value(),
                            m_scale->currentIndex() == 1 ? SweepScale::log : SweepScale::linear};
  else
    axis.values = parse_value_list(m_list->text());
  return axis;
}

std::string SweepAxisEditor::path() const {
  return "sweep.parameters[" + std::to_string(m_index) + "]";
}

std::vector<FieldError> SweepAxisEditor::parse_errors() const {
  if (m_kind->currentIndex() != 0)
    return {};
  QStringList bad;
  parse_value_list(m_list->text(), &bad);
  std::vector<FieldError> errors;
  for (const QString &word : bad)
    errors.push_back(
        {path() + ".values",
         tr("'%1' is not a number (separate values with commas)").arg(word).toStdString()});
  return errors;
}

void SweepAxisEditor::set_errors(const std::vector<FieldError> &errors) {
  const std::string p = path();
  const auto exactly = [&](const std::string &at) {
    QStringList out;
    for (const FieldError &f : errors)
      if (f.path == at)
        out << field_error_text(f);
    return out.join(QLatin1Char('\n'));
  };
  const auto joined = [](QString a, const QString &b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + QLatin1Char('\n') + b;
  };
  mark_field(m_parameter, errors_at(errors, p + ".parameter"));
  mark_field(m_step, errors_at(errors, p + ".step_index"));
  mark_field(m_list, joined(errors_at(errors, p + ".values"), exactly(p)));
  const QString whole_range = joined(exactly(p + ".range"), exactly(p));
  mark_field(m_from, joined(errors_at(errors, p + ".range.from"), whole_range));
  mark_field(m_to, joined(errors_at(errors, p + ".range.to"), whole_range));
  mark_field(m_step_size, errors_at(errors, p + ".range.step"));
}

void SweepAxisEditor::update_visibility() {
  m_step->setVisible(m_parameter->currentData().toString() == QLatin1String("step_ms"));
  m_values->setCurrentIndex(m_kind->currentIndex());
}

} // namespace conlab::ui
