// The run history in the desktop lab: every run listed (when, name, experiment, status, tags, each
// variant's makespan), searchable by name, experiment and tags; rename and tag in place, mark a
// baseline, delete (after asking), open a run's results, compare two runs or a run with its
// experiment's baseline. Records every run the followed RunController finishes or cancels.
#pragma once

#include "core/history/run_record.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace conlab::history {
class RunHistory;
}

namespace conlab::ui {

class CompareView;
class HistoryTableModel;
class RunController;
struct RunOutcome;

class HistoryPanel : public QWidget {
  Q_OBJECT
public:
  // Opens the history in `directory` (empty: CONLAB_HISTORY_DIR, else the lab's data directory).
  // A history that cannot be used is shown with the reason and left untouched.
  explicit HistoryPanel(const QString &directory = {}, QWidget *parent = nullptr);
  ~HistoryPanel() override;

  // Records each run `runner` starts, once it finishes or is cancelled (not a results file it
  // merely shows, nor a sweep).
  void follow(RunController *runner);
  // Saves the results file off the GUI thread, then adds the run; recorded() follows.
  void record(std::shared_ptr<const RunResults> results, history::Clock::time_point started);

  history::RunHistory *history() const { return m_history.get(); }
  HistoryTableModel *model() const { return m_model; }
  QSortFilterProxyModel *proxy() const { return m_proxy; }
  QTableView *view() const { return m_view; }
  QLineEdit *search() const { return m_search; }
  QString message() const; // the last error or note shown under the table
  CompareView *compare_view() const { return m_compare; } // the last one opened, if any

  QAction *open_action() const { return m_open; }
  QAction *compare_action() const { return m_compare_two; }
  QAction *compare_baseline_action() const { return m_compare_baseline; }
  QAction *baseline_action() const { return m_baseline; }
  QAction *delete_action() const { return m_delete; }

  void refresh(); // reads the history again, keeping the selection

Q_SIGNALS:
  void open_requested(const QString &results_file);
  void recorded(qint64 id);

private:
  void open_history(const QString &directory);
  void build_actions();
  void move_aside();
  void show_message(const QString &text);
  std::vector<const history::RunRecord *> selected() const;
  void update_actions();
  void open_selected();
  void compare_selected();
  void compare_with_baseline();
  void toggle_baseline();
  void edit_column(int column);
  void delete_selected();
  void show_compare(const history::RunRecord &a, const history::RunRecord &b);

  QString m_directory;
  std::unique_ptr<history::RunHistory> m_history;
  HistoryTableModel *m_model;
  QSortFilterProxyModel *m_proxy;
  QLineEdit *m_search;
  QTableView *m_view;
  QLabel *m_message;
  QPushButton *m_move_aside;
  QAction *m_open, *m_compare_two, *m_compare_baseline, *m_baseline, *m_rename, *m_tag, *m_delete,
      *m_refresh;
  CompareView *m_compare = nullptr;
  quint64 m_recording = 0; // the generation of the run to record when it finishes
  history::Clock::time_point m_started;
};

} // namespace conlab::ui
