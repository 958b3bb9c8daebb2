#include "ui/sweep/sweep_editor.h"

#include "ui/experiment/field_marks.h"
#include "ui/sweep/sweep_axis_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace conlab::ui {

SweepEditor::SweepEditor(QWidget *parent)
    : QGroupBox(tr("Sweep: run the experiment over a grid of one or two parameters"), parent),
      m_mode(new QComboBox(this)),
      m_order(new QComboBox(this)), m_axes{new SweepAxisEditor(0, this),
                                           new SweepAxisEditor(1, this)} {
  setObjectName(QStringLiteral("sweep"));
  m_mode->addItem(tr("off: one run"));
  m_mode->addItem(tr("one parameter"));
  m_mode->addItem(tr("two parameters"));
  set_plain_tip(m_mode, tr("A sweep runs every variant at every point of the grid, repeats "
                           "times each, and charts a metric against the parameter"));
  m_order->addItem(tr("shuffled (seeded)"));
  m_order->addItem(tr("as listed"));
  set_plain_tip(m_order, tr("Shuffled spreads a drifting machine (heat, a backup starting) over "
                            "the grid instead of drawing it as a trend"));
  auto *top = new QHBoxLayout;
  top->addWidget(m_mode, 1);
  top->addWidget(new QLabel(tr("Order"), this));
  top->addWidget(m_order, 1);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(top);
  for (SweepAxisEditor *axis : m_axes) {
    layout->addWidget(axis);
    connect(axis, &SweepAxisEditor::edited, this, &SweepEditor::edited);
  }
  // The second parameter starts as the other obvious one: clients.
  m_axes[1]->set_axis(SweepAxis{.parameter = SweepParameter::clients, .values = {1, 4, 16, 64}});
  connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
    update_visibility();
    Q_EMIT edited();
  });
  connect(m_order, &QComboBox::currentIndexChanged, this, &SweepEditor::edited);
  update_visibility();
}

void SweepEditor::set_sweep(const std::optional<Sweep> &sweep) {
  const QSignalBlocker mode(m_mode), order(m_order);
  m_mode->setCurrentIndex(sweep ? static_cast<int>(std::min<std::size_t>(sweep->axes.size(), 2))
                                : 0);
  m_order->setCurrentIndex(sweep && !sweep->shuffle ? 1 : 0);
  if (sweep)
    for (std::size_t i = 0; i < sweep->axes.size() && i < 2; ++i)
      m_axes[i]->set_axis(sweep->axes[i]);
  update_visibility();
}

std::optional<Sweep> SweepEditor::sweep() const {
  if (m_mode->currentIndex() == 0)
    return std::nullopt;
  Sweep sweep;
  sweep.shuffle = m_order->currentIndex() == 0;
  for (int i = 0; i < m_mode->currentIndex(); ++i)
    sweep.axes.push_back(m_axes[i]->axis());
  return sweep;
}

std::vector<FieldError> SweepEditor::parse_errors() const {
  std::vector<FieldError> errors;
  for (int i = 0; i < m_mode->currentIndex(); ++i)
    for (FieldError &e : m_axes[i]->parse_errors())
      errors.push_back(std::move(e));
  return errors;
}

void SweepEditor::set_errors(const std::vector<FieldError> &errors) {
  QStringList whole;
  for (const FieldError &f : errors)
    if (f.path == "sweep.parameters" || f.path == "sweep")
      whole << field_error_text(f);
  mark_field(m_mode, whole.join(QLatin1Char('\n')));
  for (SweepAxisEditor *axis : m_axes)
    axis->set_errors(errors);
}

void SweepEditor::update_visibility() {
  m_order->setEnabled(m_mode->currentIndex() > 0);
  m_axes[0]->setVisible(m_mode->currentIndex() >= 1);
  m_axes[1]->setVisible(m_mode->currentIndex() >= 2);
}

} // namespace conlab::ui
