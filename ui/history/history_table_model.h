// The run history as a table: when, name, experiment, status, tags and each variant's makespan,
// newest first. Name and tags are edited in place and written straight to the history; a refused
// edit (an empty name, a tag with a comma) is reported through edit_failed().
#pragma once

#include "core/history/run_record.h"

#include <QAbstractTableModel>

#include <vector>

namespace conlab::history {
class RunHistory;
}

namespace conlab::ui {

class HistoryTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { finished, name, experiment, status, tags, makespan, column_count };
  enum Role : int {
    SearchRole = Qt::UserRole + 40, // QString: name, experiment and tags, for the search box
    RunIdRole,                      // qint64
  };

  explicit HistoryTableModel(QObject *parent = nullptr);

  // The history the model shows and edits (not owned; may be null: an empty table).
  void set_history(history::RunHistory *history);
  void refresh(); // reads the history again
  const history::RunRecord *record(int row) const;
  int row_of(std::int64_t id) const; // -1 when not listed

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role) override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
  void edit_failed(const QString &reason);

private:
  history::RunHistory *m_history = nullptr;
  std::vector<history::RunRecord> m_records;
};

} // namespace conlab::ui
