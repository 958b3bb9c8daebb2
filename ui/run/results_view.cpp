#include "ui/run/results_view.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSortFilterProxyModel>

#include <map>
#include <set>

namespace conlab::ui {

ResultsView::ResultsView(QAbstractItemModel *model, QWidget *parent)
    : QTableView(parent), m_proxy(new QSortFilterProxyModel(this)) {
  m_proxy->setSourceModel(model);
  m_proxy->setSortRole(Qt::UserRole);
  setModel(m_proxy);
  setSortingEnabled(true);
  sortByColumn(-1, Qt::AscendingOrder); // the experiment's order until a header is clicked
  setSelectionBehavior(QAbstractItemView::SelectItems);
  setAlternatingRowColors(true);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  verticalHeader()->setVisible(false);
  auto *copy = new QAction(tr("Copy as TSV"), this);
  copy->setShortcut(QKeySequence::Copy);
  copy->setShortcutContext(Qt::WidgetShortcut);
  connect(copy, &QAction::triggered, this, &ResultsView::copy_selection);
  addAction(copy);
  setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString ResultsView::selection_as_tsv() const {
  std::set<int> rows, cols;
  const QModelIndexList selected =
      selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
  for (const QModelIndex &i : selected)
    rows.insert(i.row()), cols.insert(i.column());
  if (selected.isEmpty()) {
    for (int r = 0; r < m_proxy->rowCount(); ++r)
      rows.insert(r);
    for (int c = 0; c < m_proxy->columnCount(); ++c)
      cols.insert(c);
  }
  QStringList lines;
  QStringList header;
  for (int c : cols)
    header << m_proxy->headerData(c, Qt::Horizontal).toString();
  lines << header.join(QLatin1Char('\t'));
  for (int r : rows) {
    QStringList cells;
    for (int c : cols)
      cells << m_proxy->index(r, c).data().toString();
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ResultsView::copy_selection() const { QApplication::clipboard()->setText(selection_as_tsv()); }

} // namespace conlab::ui
