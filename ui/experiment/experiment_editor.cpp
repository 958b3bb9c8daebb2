#include "ui/experiment/experiment_editor.h"

#include "core/analysis/prediction.h"
#include "core/http/server_target.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"
#include "core/util/format.h"
#include "ui/experiment/choice_delegate.h"
#include "ui/experiment/field_marks.h"
#include "ui/experiment/steps_table_model.h"
#include "ui/experiment/variant_table_model.h"
#include "ui/i18n/core_text.h"
#include "ui/sweep/sweep_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace conlab::ui {
namespace {

// The server every variant is aimed at, when each one's URL is that server's /<label>.
std::optional<std::string> common_server(const Experiment &e) {
  std::optional<std::string> base;
  for (const Variant &v : e.variants) {
    if (!v.target || v.target->embedded || !v.target->url.ends_with(v.label) ||
        !v.label.starts_with('/'))
      return std::nullopt;
    const std::string own = v.target->url.substr(0, v.target->url.size() - v.label.size());
    if (own.empty() || (base && *base != own))
      return std::nullopt;
    base = own;
  }
  return base;
}

QPushButton *button(const QString &text, const QString &tip, QWidget *parent) {
  auto *b = new QPushButton(text, parent);
  b->setToolTip(tip);
  b->setAutoDefault(false);
  return b;
}

QTableView *table(QAbstractItemModel *model, QWidget *parent) {
  auto *view = new QTableView(parent);
  view->setModel(model);
  view->setItemDelegate(new ChoiceDelegate(view));
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                        QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
  view->horizontalHeader()->setStretchLastSection(true);
  view->verticalHeader()->setDefaultSectionSize(24);
  return view;
}

} // namespace

ExperimentEditor::ExperimentEditor(int cores, QWidget *parent)
    : QWidget(parent), m_cores(cores), m_variants(new VariantTableModel(cores, this)),
      m_steps(new StepsTableModel(this)), m_sweep(new SweepEditor(this)) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(make_load_box());
  layout->addWidget(make_variants_box(), 3);
  layout->addWidget(make_steps_box(), 2);
  layout->addWidget(m_sweep);
  m_error_list = new QLabel(this);
  m_error_list->setWordWrap(true);
  m_error_list->setStyleSheet(QStringLiteral("color: #b00000;"));
  m_error_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_error_list);

  connect(m_variants, &VariantTableModel::edited, this, &ExperimentEditor::edited);
  connect(m_sweep, &SweepEditor::edited, this, &ExperimentEditor::edited);
  connect(m_steps, &StepsTableModel::edited, this,
          [this] { m_variants->set_steps(m_steps->variant(), m_steps->steps()); });
  connect(m_variant_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex &current) { select_variant(current.row()); });
}

QWidget *ExperimentEditor::make_load_box() {
  auto *box = new QGroupBox(tr("Experiment and load"), this);
  auto *form = new QFormLayout(box);
  m_name = new QLineEdit(box);
  m_name->setToolTip(tr("A short name for the experiment; it titles the charts."));
  m_load_kind = new QComboBox(box);
  m_load_kind->addItem(tr("closed: C clients, each sends its next task when the last ends"),
                       QStringLiteral("closed"));
  m_load_kind->addItem(tr("open: tasks arrive at rate λ whatever happens"), QStringLiteral("open"));
  m_load_kind->setToolTip(tr("Closed load models a fixed set of clients (the article: 100 "
                             "clients, 100 requests). Open load models traffic that keeps "
                             "arriving; latency counts from the intended arrival time."));
  m_tasks = new QSpinBox(box);
  m_tasks->setRange(1, 10'000'000);
  m_tasks->setGroupSeparatorShown(true);
  m_tasks->setToolTip(tr("N: how many tasks each variant runs."));
  m_clients = new QSpinBox(box);
  m_clients->setRange(1, 1'000'000);
  m_clients->setToolTip(tr("C: concurrent clients (closed load). C ≥ N sends every task at once."));
  m_rate = new QDoubleSpinBox(box);
  m_rate->setRange(0.001, 10'000'000);
  m_rate->setDecimals(3);
  m_rate->setSuffix(tr(" tasks/s"));
  m_rate->setToolTip(tr("λ: arrival rate (open load), in tasks per second at time scale 1."));
  m_arrivals = new QComboBox(box);
  m_arrivals->addItem(tr("constant spacing"), QStringLiteral("constant"));
  m_arrivals->addItem(tr("Poisson (random, seeded)"), QStringLiteral("poisson"));
  m_arrivals->setToolTip(tr("How open-load arrivals are spaced."));
  m_repeats = new QSpinBox(box);
  m_repeats->setRange(1, 1000);
  m_repeats->setToolTip(tr("Run each variant this many times; latencies pool over repeats."));
  m_time_scale = new QDoubleSpinBox(box);
  m_time_scale->setRange(0.0001, 100);
  m_time_scale->setDecimals(4);
  m_time_scale->setSingleStep(0.01);
  m_time_scale->setToolTip(tr("Multiplies every duration: 0.05 replays a 100 s run in 5 s with the "
                              "same shape. CPU work is scaled too."));
  m_seed_box = new QSpinBox(box);
  m_seed_box->setRange(0, INT_MAX);
  m_seed_box->setToolTip(tr("Seed for drawn durations and Poisson arrivals: the same seed gives "
                            "the same workload."));
  m_target = new QLineEdit(box);
  m_target->setObjectName(QStringLiteral("target"));
  m_target->setPlaceholderText(tr("in process (or http://HOST:PORT to measure a server)"));
  m_target->setClearButtonEnabled(true);
  m_target->setToolTip(tr("A real server to measure instead: each variant's tasks become requests "
                          "to HOST:PORT followed by the variant's label (the article's /a … /d) "
                          "under this load, beside the variant's prediction. A server runs at its "
                          "own speed, so the time scale is 1."));
  m_watch = new QLineEdit(box);
  m_watch->setObjectName(QStringLiteral("watch"));
  m_watch->setPlaceholderText(tr("PID (optional)"));
  m_watch->setValidator(new QIntValidator(1, INT_MAX, m_watch));
  m_watch->setClearButtonEnabled(true);
  m_watch->setToolTip(tr("The server's process ID: while the lab loads it, it watches its "
                         "threads, their CPU and their wait for a core, and its memory, and "
                         "charts them beside the latency."));
  m_scale_note = new QLabel(box);
  m_scale_note->setWordWrap(true);
  m_scale_note->setStyleSheet(QStringLiteral("color: #7a4b00; background: #fff4d6; padding: 4px;"));
  form->addRow(tr("Name"), m_name);
  form->addRow(tr("Load"), m_load_kind);
  auto *numbers = new QHBoxLayout;
  numbers->addWidget(new QLabel(tr("N"), box));
  numbers->addWidget(m_tasks, 1);
  numbers->addWidget(new QLabel(tr("C"), box));
  numbers->addWidget(m_clients, 1);
  form->addRow(tr("Tasks"), numbers);
  auto *open = new QHBoxLayout;
  open->addWidget(m_rate, 1);
  open->addWidget(m_arrivals, 1);
  form->addRow(tr("Rate λ"), open);
  auto *run = new QHBoxLayout;
  run->addWidget(new QLabel(tr("Time scale"), box));
  run->addWidget(m_time_scale, 1);
  run->addWidget(new QLabel(tr("Repeats"), box));
  run->addWidget(m_repeats, 1);
  run->addWidget(new QLabel(tr("Seed"), box));
  run->addWidget(m_seed_box, 1);
  form->addRow(run);
  auto *server = new QHBoxLayout;
  server->addWidget(m_target, 3);
  server->addWidget(new QLabel(tr("Watch"), box));
  server->addWidget(m_watch, 1);
  form->addRow(tr("Server"), server);
  form->addRow(m_scale_note);
  for (QWidget *w :
       std::initializer_list<QWidget *>{m_name, m_load_kind, m_tasks, m_clients, m_rate, m_arrivals,
                                        m_repeats, m_time_scale, m_seed_box, m_target, m_watch})
    w->setProperty("plain_tip", w->toolTip());
  connect(m_target, &QLineEdit::textChanged, this, &ExperimentEditor::target_changed);
  connect(m_watch, &QLineEdit::textEdited, this, &ExperimentEditor::edited);
  connect(m_name, &QLineEdit::textEdited, this, &ExperimentEditor::edited);
  connect(m_load_kind, &QComboBox::currentIndexChanged, this, &ExperimentEditor::load_kind_changed);
  for (QSpinBox *s : {m_tasks, m_clients, m_repeats, m_seed_box})
    connect(s, &QSpinBox::valueChanged, this, &ExperimentEditor::edited);
  for (QDoubleSpinBox *s : {m_rate, m_time_scale})
    connect(s, &QDoubleSpinBox::valueChanged, this, &ExperimentEditor::edited);
  connect(m_arrivals, &QComboBox::currentIndexChanged, this, &ExperimentEditor::edited);
  return box;
}

QWidget *ExperimentEditor::make_variants_box() {
  auto *box = new QGroupBox(tr("Variants: one row per way of running the tasks"), this);
  auto *layout = new QVBoxLayout(box);
  m_variant_view = table(m_variants, box);
  m_variant_view->setObjectName(QStringLiteral("variants"));
  layout->addWidget(m_variant_view);
  auto *buttons = new QHBoxLayout;
  auto *add = button(tr("Add"), tr("Add a variant (a thread pool of 4 blocking 100 ms)"), box);
  auto *duplicate = button(tr("Duplicate"), tr("Copy the selected variant below it"), box);
  auto *remove = button(tr("Remove"), tr("Remove the selected variant"), box);
  auto *up = button(tr("Up"), tr("Move the selected variant up"), box);
  auto *down = button(tr("Down"), tr("Move the selected variant down"), box);
  for (QPushButton *b : {add, duplicate, remove, up, down})
    buttons->addWidget(b);
  buttons->addStretch();
  layout->addLayout(buttons);
  auto current = [this] { return m_variant_view->currentIndex().row(); };
  auto select = [this](int row) {
    if (row >= 0)
      m_variant_view->selectRow(row);
  };
  connect(add, &QPushButton::clicked, this, [=, this] { select(m_variants->add_variant()); });
  connect(duplicate, &QPushButton::clicked, this,
          [=, this] { select(m_variants->duplicate_variant(current())); });
  connect(remove, &QPushButton::clicked, this, [=, this] {
    const int row = current();
    m_variants->remove_variant(row);
    select(std::min(row, m_variants->rowCount() - 1));
    select_variant(m_variant_view->currentIndex().row());
  });
  connect(up, &QPushButton::clicked, this, [=, this] {
    if (m_variants->move_variant(current(), -1))
      select(current());
  });
  connect(down, &QPushButton::clicked, this, [=, this] {
    if (m_variants->move_variant(current(), +1))
      select(current());
  });
  return box;
}

QWidget *ExperimentEditor::make_steps_box() {
  auto *box = new QGroupBox(tr("Workload of the selected variant: what each task does"), this);
  auto *layout = new QVBoxLayout(box);
  m_step_view = table(m_steps, box);
  m_step_view->setObjectName(QStringLiteral("steps"));
  layout->addWidget(m_step_view);
  auto *buttons = new QHBoxLayout;
  auto *add = button(tr("Add step"), tr("Add an io step of 100 ms"), box);
  auto *remove = button(tr("Remove step"), tr("Remove the selected step"), box);
  auto *up = button(tr("Up"), tr("Move the selected step earlier"), box);
  auto *down = button(tr("Down"), tr("Move the selected step later"), box);
  for (QPushButton *b : {add, remove, up, down})
    buttons->addWidget(b);
  buttons->addStretch();
  layout->addLayout(buttons);
  auto current = [this] { return m_step_view->currentIndex().row(); };
  connect(add, &QPushButton::clicked, this, [this] {
    if (m_steps->variant() >= 0)
      m_steps->add_step();
  });
  connect(remove, &QPushButton::clicked, this, [=, this] { m_steps->remove_step(current()); });
  connect(up, &QPushButton::clicked, this, [=, this] { m_steps->move_step(current(), -1); });
  connect(down, &QPushButton::clicked, this, [=, this] { m_steps->move_step(current(), +1); });
  return box;
}

void ExperimentEditor::select_variant(int row) {
  const auto &variants = m_variants->variants();
  m_steps->set_steps(row, row >= 0 && row < static_cast<int>(variants.size())
                              ? variants[static_cast<std::size_t>(row)].steps
                              : std::vector<Step>{});
  m_steps->set_errors(m_errors);
}

void ExperimentEditor::set_experiment(const Experiment &e) {
  m_loading = true;
  m_name->setText(QString::fromStdString(e.name));
  m_description = e.description;
  m_load_kind->setCurrentIndex(e.load.kind == LoadKind::open ? 1 : 0);
  m_tasks->setValue(static_cast<int>(e.load.tasks));
  m_clients->setValue(static_cast<int>(e.load.clients));
  m_rate->setValue(e.load.rate_per_s > 0 ? e.load.rate_per_s : 100);
  m_arrivals->setCurrentIndex(e.load.arrivals == ArrivalKind::poisson ? 1 : 0);
  m_repeats->setValue(e.repeats);
  m_time_scale->setValue(e.time_scale);
  m_seed = e.seed;
  m_seed_box->setValue(static_cast<int>(std::min<std::uint64_t>(e.seed, INT_MAX)));
  // Variants all aimed at one server's /<label> show as that server, and stay in step with
  // their labels when those are edited; any other targets stay the variants' own.
  const std::optional<std::string> base = e.time_scale == 1 ? common_server(e) : std::nullopt;
  m_target->setText(base ? QString::fromStdString(*base) : QString());
  m_watch->setText(base && e.variants.front().target->watch
                       ? QString::number(*e.variants.front().target->watch)
                       : QString());
  m_watch->setEnabled(base.has_value());
  std::vector<Variant> variants = e.variants;
  if (base)
    for (Variant &v : variants)
      v.target.reset();
  m_variants->set_variants(variants);
  m_sweep->set_sweep(e.sweep);
  m_loading = false;
  load_kind_changed();
  if (!e.variants.empty())
    m_variant_view->selectRow(0);
  select_variant(e.variants.empty() ? -1 : 0);
  m_variant_view->resizeColumnsToContents();
  revalidate();
  m_modified = false;
}

Experiment ExperimentEditor::experiment() const {
  Experiment e;
  e.name = m_name->text().trimmed().toStdString();
  e.description = m_description;
  e.load.kind = m_load_kind->currentIndex() == 1 ? LoadKind::open : LoadKind::closed;
  e.load.tasks = m_tasks->value();
  e.load.clients = m_clients->value();
  e.load.rate_per_s = e.load.kind == LoadKind::open ? m_rate->value() : 0;
  e.load.arrivals = m_arrivals->currentIndex() == 1 ? ArrivalKind::poisson : ArrivalKind::constant;
  e.repeats = m_repeats->value();
  e.time_scale = m_time_scale->value();
  // The spin box only holds 31 bits; a larger seed from a file survives until it is edited.
  e.seed = m_seed_box->value() == static_cast<int>(std::min<std::uint64_t>(m_seed, INT_MAX))
               ? m_seed
               : static_cast<std::uint64_t>(m_seed_box->value());
  e.variants = m_variants->variants();
  e.sweep = m_sweep->sweep();
  if (const QString target = m_target->text().trimmed(); !target.isEmpty()) {
    double scaled_from = 1;
    http::aim_at_server(e, target.toStdString(), scaled_from); // problems: revalidate()
    if (const QString pid = m_watch->text().trimmed(); !pid.isEmpty())
      for (Variant &v : e.variants)
        if (v.target && !v.target->embedded)
          v.target->watch = pid.toLongLong();
  }
  return e;
}

void ExperimentEditor::target_changed() {
  const bool server = !m_target->text().trimmed().isEmpty();
  m_time_scale->setEnabled(!server);
  m_watch->setEnabled(server);
  if (server && !m_loading)
    m_time_scale->setValue(1);
  edited();
}

void ExperimentEditor::set_modified(bool modified) { m_modified = modified; }

void ExperimentEditor::load_kind_changed() {
  const bool open = m_load_kind->currentIndex() == 1;
  m_clients->setEnabled(!open);
  m_rate->setEnabled(open);
  m_arrivals->setEnabled(open);
  edited();
}

void ExperimentEditor::edited() {
  if (m_loading)
    return;
  m_modified = true;
  revalidate();
  Q_EMIT changed();
}

void ExperimentEditor::revalidate() {
  const Experiment e = experiment();
  m_errors = m_sweep->parse_errors();
  if (const QString target = m_target->text().trimmed(); !target.isEmpty()) {
    Experiment aimed = e;
    double scaled_from = 1;
    for (FieldError &f : http::aim_at_server(aimed, target.toStdString(), scaled_from)) {
      if (f.path == "--target")
        f.path = "target";
      m_errors.push_back(std::move(f));
    }
  }
  for (FieldError &f : validate_experiment(e, m_cores))
    m_errors.push_back(std::move(f));
  m_variants->set_errors(m_errors);
  m_steps->set_errors(m_errors);
  m_sweep->set_errors(m_errors);
  const std::pair<QWidget *, const char *> fields[] = {{m_name, "name"},
                                                       {m_tasks, "load.tasks"},
                                                       {m_clients, "load.clients"},
                                                       {m_rate, "load.rate"},
                                                       {m_arrivals, "load.arrivals"},
                                                       {m_repeats, "repeats"},
                                                       {m_time_scale, "time_scale"},
                                                       {m_seed_box, "seed"},
                                                       {m_target, "target"}};
  for (const auto &[widget, path] : fields)
    mark_field(widget, errors_at(m_errors, path));
  QStringList watch_errors; // the same PID for every variant: its problem once
  for (const FieldError &f : m_errors)
    if (f.path.ends_with(".target.watch") &&
        !watch_errors.contains(QString::fromStdString(f.message))) // the system's words
      watch_errors << QString::fromStdString(f.message);
  mark_field(m_watch, watch_errors.join(QLatin1Char('\n')));
  QStringList lines;
  for (const FieldError &f : m_errors)
    lines << QStringLiteral("• ") + field_error_text(f).toHtmlEscaped();
  m_error_list->setText(lines.isEmpty() ? QString()
                                        : tr("<b>Fix before running:</b><br>") +
                                              lines.join(QStringLiteral("<br>")));
  update_scale_note();
}

// "The sweep has 7 points: 63 variant runs, estimated 40 s." A grid too big to estimate at
// every keystroke (its points are simulated) gets its size only; Run estimates it.
QString ExperimentEditor::sweep_note(const Experiment &e) const {
  const std::size_t points = sweep_points(*e.sweep).size();
  if (points > kMaxEstimatedPoints)
    return tr("The sweep has %1 points × %2 variants × %3 repeats.")
        .arg(points)
        .arg(e.variants.size())
        .arg(e.repeats);
  const SweepPlan plan = plan_sweep(e, m_cores);
  return tr("The sweep has %1 points: %2 variant runs, estimated %3.")
      .arg(points)
      .arg(plan.variant_runs)
      .arg(QString::fromStdString(human_span(plan.estimated_s)));
}

void ExperimentEditor::update_scale_note() {
  const Experiment e = experiment();
  double scaled = 0, unscaled = 0;
  if (m_errors.empty() && !e.sweep)
    for (const Variant &v : e.variants) {
      const Prediction at_scale = predict(v, e.load, e.time_scale, m_cores);
      const Prediction at_one = predict(v, e.load, 1.0, m_cores);
      scaled += at_scale.makespan_s.value_or(0) * e.repeats;
      unscaled += at_one.makespan_s.value_or(0) * e.repeats;
    }
  QString text;
  if (!m_target->text().trimmed().isEmpty())
    text = tr("At the server's own speed (no time scale).");
  if (e.time_scale != 1)
    text = tr("Durations are scaled: every step takes %1× its written time.").arg(e.time_scale);
  if (scaled > 0)
    text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
            tr("This run should take about %1%2.")
                .arg(QString::fromStdString(human_duration(scaled)),
                     e.time_scale != 1 ? tr(" (unscaled it would take %1)")
                                             .arg(QString::fromStdString(human_duration(unscaled)))
                                       : QString());
  if (m_errors.empty() && e.sweep)
    text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + sweep_note(e);
  m_scale_note->setText(text);
  m_scale_note->setVisible(!text.isEmpty());
}

} // namespace conlab::ui
