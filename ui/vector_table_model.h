// A table model whose rows are a std::vector: removing and moving one row with the notifications
// Qt's views and proxies need, shared by the variants table and the steps table.
#pragma once

#include <QAbstractTableModel>

#include <utility>
#include <vector>

namespace conlab::ui {

class VectorTableModel : public QAbstractTableModel {
public:
  using QAbstractTableModel::QAbstractTableModel;

protected:
  template <class T> bool erase_row(std::vector<T> &rows, int row) {
    if (row < 0 || row >= static_cast<int>(rows.size()))
      return false;
    beginRemoveRows({}, row, row);
    rows.erase(rows.begin() + row);
    endRemoveRows();
    return true;
  }

  // Moves row by delta (±1 from the buttons); false when it would leave the table.
  template <class T> bool shift_row(std::vector<T> &rows, int row, int delta) {
    const int to = row + delta;
    const int size = static_cast<int>(rows.size());
    if (row < 0 || row >= size || to < 0 || to >= size || delta == 0)
      return false;
    // Qt's destination is the row before which the moved row lands, in pre-move numbering.
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? to + 1 : to))
      return false;
    std::swap(rows[static_cast<std::size_t>(row)], rows[static_cast<std::size_t>(to)]);
    endMoveRows();
    return true;
  }
};

} // namespace conlab::ui
