#include "ui/history/history_panel.h"

#include "core/history/history_error.h"
#include "core/history/run_history.h"
#include "ui/compare/compare_view.h"
#include "ui/history/history_table_model.h"
#include "ui/run/run_controller.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <set>

namespace conlab::ui {
namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

struct SavedFile {
  std::string path;
  std::string error;
};

} // namespace

HistoryPanel::HistoryPanel(const QString &directory, QWidget *parent)
    : QWidget(parent), m_model(new HistoryTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_search(new QLineEdit(this)),
      m_view(new QTableView(this)), m_message(new QLabel(this)),
      m_move_aside(new QPushButton(tr("Move it aside and start a new history…"), this)) {
  m_proxy->setSourceModel(m_model);
  m_proxy->setFilterRole(HistoryTableModel::SearchRole);
  m_proxy->setFilterKeyColumn(0);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_search->setPlaceholderText(tr("Search names, experiments and tags"));
  m_search->setClearButtonEnabled(true);
  connect(m_search, &QLineEdit::textChanged, m_proxy,
          [this](const QString &t) { m_proxy->setFilterFixedString(t.trimmed()); });

  m_view->setModel(m_proxy);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(-1, Qt::AscendingOrder); // the history's order: newest first
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setStretchLastSection(true);
  connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
    const int column = index.column();
    if (column != HistoryTableModel::name && column != HistoryTableModel::tags)
      open_selected();
  });
  connect(m_model, &HistoryTableModel::edit_failed, this, &HistoryPanel::show_message);

  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_message->hide();
  m_move_aside->hide();
  connect(m_move_aside, &QPushButton::clicked, this, &HistoryPanel::move_aside);

  build_actions();
  auto *bar = new QToolBar(this);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  for (QAction *a : {m_open, m_compare_two, m_compare_baseline, m_baseline, m_rename, m_tag,
                     m_delete, m_refresh})
    bar->addAction(a);
  auto *top = new QHBoxLayout;
  top->addWidget(m_search, 1);
  top->addWidget(bar);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_message);
  layout->addWidget(m_move_aside, 0, Qt::AlignLeft);
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &HistoryPanel::update_actions);
  connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::update_actions);

  open_history(directory.isEmpty() ? text(history::default_directory()) : directory);
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::build_actions() {
  const auto add = [this](const QString &name, const QString &tip, auto slot) {
    auto *a = new QAction(name, this);
    a->setToolTip(tip);
    connect(a, &QAction::triggered, this, slot);
    m_view->addAction(a);
    return a;
  };
  m_open = add(tr("Open"), tr("Show the run's charts, table and explanations (double-click)"),
               &HistoryPanel::open_selected);
  m_compare_two =
      add(tr("Compare"), tr("Compare the two selected runs: the older (or the baseline) is A"),
          &HistoryPanel::compare_selected);
  m_compare_baseline = add(tr("Compare with baseline"),
                           tr("Compare the selected run (B) with its experiment's baseline (A)"),
                           &HistoryPanel::compare_with_baseline);
  m_baseline =
      add(tr("Baseline"), tr("Mark the run as its experiment's baseline (one per experiment)"),
          &HistoryPanel::toggle_baseline);
  m_baseline->setCheckable(true);
  m_rename = add(tr("Rename"), tr("Give the run a name of its own (F2 on the name)"),
                 [this] { edit_column(HistoryTableModel::name); });
  m_tag = add(tr("Tags"), tr("Edit the run's tags, separated by commas"),
              [this] { edit_column(HistoryTableModel::tags); });
  m_delete = add(tr("Delete…"), tr("Delete the selected runs and their results files (asks first)"),
                 &HistoryPanel::delete_selected);
  m_delete->setShortcut(QKeySequence::Delete);
  m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  m_refresh =
      add(tr("Refresh"), tr("Read the history again (another lab window may have added runs)"),
          &HistoryPanel::refresh);
  m_refresh->setShortcut(QKeySequence::Refresh);
  m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

void HistoryPanel::open_history(const QString &directory) {
  m_directory = directory;
  m_model->set_history(nullptr);
  m_history.reset();
  m_move_aside->hide();
  try {
    m_history = std::make_unique<history::RunHistory>(directory.toStdString());
    m_message->hide();
  } catch (const history::HistoryError &e) {
    show_message(
        tr("The run history cannot be used, so runs are not recorded: %1").arg(text(e.what())));
    // Only a database file that is there but unreadable can be moved aside.
    m_move_aside->setVisible(QFile::exists(directory + QStringLiteral("/history.sqlite")));
  }
  m_model->set_history(m_history.get());
  m_view->resizeColumnsToContents();
  update_actions();
}

void HistoryPanel::move_aside() {
  const QString file = m_directory + QStringLiteral("/history.sqlite");
  const QString aside = file + QStringLiteral(".unreadable-") +
                        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
  const auto answer = QMessageBox::question(
      this, tr("Move the history aside?"),
      tr("%1 is renamed to %2 and a new, empty history starts. Nothing is deleted: the old file "
         "stays there for you to inspect or restore.")
          .arg(file, aside),
      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
  if (answer != QMessageBox::Yes)
    return;
  for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
    if (QFile::exists(file + suffix) && !QFile::rename(file + suffix, aside + suffix))
      return show_message(tr("Cannot rename %1 to %2").arg(file + suffix, aside + suffix));
  open_history(m_directory);
}

void HistoryPanel::show_message(const QString &t) {
  m_message->setText(t);
  m_message->setVisible(!t.isEmpty());
}

QString HistoryPanel::message() const {
  return m_message->isHidden() ? QString() : m_message->text();
}

void HistoryPanel::follow(RunController *runner) {
  connect(runner, &RunController::started, this, [this](quint64 generation) {
    m_recording = generation;
    m_started = history::Clock::now();
  });
  connect(runner, &RunController::finished, this, [this, runner](const RunOutcome &outcome) {
    // A results file shown (not run) has a generation of its own, never one that started().
    if (runner->generation() != m_recording || !outcome.results)
      return;
    m_recording = 0;
    record(outcome.results, m_started);
  });
}

void HistoryPanel::record(std::shared_ptr<const RunResults> results,
                          history::Clock::time_point started) {
  if (!m_history || !results || results->status == RunStatus::failed)
    return;
  const history::Clock::time_point finished = history::Clock::now();
  const std::string directory = m_history->directory();
  auto *watcher = new QFutureWatcher<SavedFile>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
    watcher->deleteLater();
    const SavedFile saved = watcher->result();
    if (!saved.error.empty())
      return show_message(tr("The run was not recorded: %1").arg(text(saved.error)));
    if (!m_history || m_history->directory() != directory)
      return; // the history was moved aside meanwhile: the file stays, unlisted
    try {
      const history::RunRecord r = m_history->insert(*results, saved.path, started, finished);
      refresh();
      Q_EMIT recorded(r.id);
    } catch (const std::exception &e) {
      show_message(tr("The run was not recorded: %1").arg(text(e.what())));
    }
  });
  // A results file can be large: written on a worker, never on the GUI thread.
  watcher->setFuture(QtConcurrent::run([directory, results, finished] {
    SavedFile saved;
    try {
      saved.path = history::RunHistory::save_results_file(directory, *results, finished);
    } catch (const std::exception &e) {
      saved.error = e.what();
    }
    return saved;
  }));
}

void HistoryPanel::refresh() {
  std::set<std::int64_t> ids;
  for (const history::RunRecord *r : selected())
    ids.insert(r->id);
  m_model->refresh();
  m_view->resizeColumnsToContents(); // the makespans (last column) take what is left
  for (const std::int64_t id : ids)
    if (const int row = m_model->row_of(id); row >= 0)
      m_view->selectionModel()->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
  update_actions();
}

std::vector<const history::RunRecord *> HistoryPanel::selected() const {
  std::vector<const history::RunRecord *> out;
  for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
    if (const auto *r = m_model->record(m_proxy->mapToSource(index).row()))
      out.push_back(r);
  return out;
}

void HistoryPanel::update_actions() {
  const auto runs = selected();
  const bool one = runs.size() == 1;
  m_open->setEnabled(one);
  m_rename->setEnabled(one);
  m_tag->setEnabled(one);
  m_baseline->setEnabled(one);
  m_baseline->setChecked(one && runs.front()->baseline);
  m_delete->setEnabled(!runs.empty());
  m_compare_two->setEnabled(runs.size() == 2);
  bool has_baseline = false;
  if (one && m_history && !runs.front()->baseline)
    for (int row = 0; row < m_model->rowCount() && !has_baseline; ++row) {
      const history::RunRecord *r = m_model->record(row);
      has_baseline = r->baseline && r->experiment == runs.front()->experiment;
    }
  m_compare_baseline->setEnabled(has_baseline);
  m_refresh->setEnabled(m_history != nullptr);
}

void HistoryPanel::open_selected() {
  const auto runs = selected();
  if (runs.size() == 1)
    Q_EMIT open_requested(text(runs.front()->results_file));
}

void HistoryPanel::compare_selected() {
  const auto runs = selected();
  if (runs.size() != 2)
    return;
  const history::RunRecord *a = runs[0], *b = runs[1];
  // The baseline is A when one of them is; otherwise the older run.
  if (b->baseline || (!a->baseline && b->finished < a->finished))
    std::swap(a, b);
  show_compare(*a, *b);
}

void HistoryPanel::compare_with_baseline() {
  const auto runs = selected();
  if (runs.size() != 1 || !m_history)
    return;
  try {
    if (const auto base = m_history->baseline_for(runs.front()->experiment))
      show_compare(*base, *runs.front());
  } catch (const std::exception &e) {
    show_message(text(e.what()));
  }
}

void HistoryPanel::show_compare(const history::RunRecord &a, const history::RunRecord &b) {
  if (!m_compare) {
    m_compare = new CompareView(this);
    m_compare->setWindowFlag(Qt::Window); // a window of its own, beside the lab
    m_compare->resize(1200, 860);
    connect(m_compare, &CompareView::failed, this,
            [this](const QString &reason) { show_message(tr("Cannot compare: %1").arg(reason)); });
  }
  m_compare->compare(a, b);
  m_compare->show();
  m_compare->raise();
}

void HistoryPanel::toggle_baseline() {
  const auto runs = selected();
  if (runs.size() != 1 || !m_history)
    return;
  try {
    m_history->set_baseline(runs.front()->id, !runs.front()->baseline);
  } catch (const std::exception &e) {
    show_message(text(e.what()));
  }
  refresh();
}

void HistoryPanel::edit_column(int column) {
  const QModelIndexList rows = m_view->selectionModel()->selectedRows();
  if (rows.size() == 1)
    m_view->edit(rows.front().siblingAtColumn(column));
}

void HistoryPanel::delete_selected() {
  const auto runs = selected();
  if (runs.empty() || !m_history)
    return;
  const history::RunRecord &first = *runs.front();
  const QString question =
      runs.size() == 1
          ? tr("Delete run %1 “%2” (%3, finished %4)? Its results file is removed too.")
                .arg(first.id)
                .arg(text(first.name), text(first.experiment),
                     text(history::local_time_text(first.finished)))
          : tr("Delete these %1 runs? Their results files are removed too.").arg(runs.size());
  if (QMessageBox::question(this, tr("Delete from the history"), question,
                            QMessageBox::Yes | QMessageBox::Cancel,
                            QMessageBox::Cancel) != QMessageBox::Yes)
    return;
  std::vector<std::int64_t> ids;
  for (const history::RunRecord *r : runs)
    ids.push_back(r->id);
  QStringList problems;
  for (const std::int64_t id : ids) {
    try {
      if (const std::string warning = m_history->remove(id); !warning.empty())
        problems << text(warning);
    } catch (const std::exception &e) {
      problems << text(e.what());
    }
  }
  show_message(problems.join(QLatin1Char('\n')));
  refresh();
}

} // namespace conlab::ui
