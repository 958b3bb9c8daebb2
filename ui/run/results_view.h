// A results table: sortable through a proxy, every number copyable (Ctrl+C copies the
// selection as tab-separated text, with headers).
#pragma once

#include <QTableView>

class QAbstractItemModel;
class QSortFilterProxyModel;

namespace conlab::ui {

class ResultsView : public QTableView {
  Q_OBJECT
public:
  // `model` sorts by Qt::UserRole (a run's ResultsTableModel, a sweep's SweepTableModel).
  explicit ResultsView(QAbstractItemModel *model, QWidget *parent = nullptr);

  QString selection_as_tsv() const; // all rows when nothing is selected
  void copy_selection() const;
  QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
  QSortFilterProxyModel *m_proxy;
};

} // namespace conlab::ui
