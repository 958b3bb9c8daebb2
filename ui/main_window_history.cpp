// MainWindow's run history: the history panel as a dock (View → Run history), recording every
// run, opening a recorded run's results like a results file.
#include "ui/main_window.h"

#include "ui/history/history_panel.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace conlab::ui {

void MainWindow::build_history() {
  m_history = new HistoryPanel({}, this);
  auto *dock = new QDockWidget(tr("Run history"), this);
  dock->setObjectName(QStringLiteral("history_dock")); // saveState() finds it by this name
  dock->setWidget(m_history);
  addDockWidget(Qt::BottomDockWidgetArea, dock);
  dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
  // The View menu is built by build_menus(); the dock's toggle joins it there.
  for (QAction *menu : menuBar()->actions())
    if (menu->menu() && menu->text() == tr("&View"))
      menu->menu()->addAction(dock->toggleViewAction());
  m_history->follow(m_runner);
  connect(m_history, &HistoryPanel::open_requested, this, [this](const QString &path) {
    if (maybe_save())
      open_file(path);
  });
}

} // namespace conlab::ui
