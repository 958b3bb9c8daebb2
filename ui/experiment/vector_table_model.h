// A table model whose rows are a std::vector: removing and moving one row with the notifications
// Qt's views and proxies need, shared by the variants table and the steps table.
#pragma once

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QVariant>

#include <span>

#include <utility>
#include <vector>

namespace conlab::ui {

class VectorTableModel : public QAbstractTableModel {
public:
  using QAbstractTableModel::QAbstractTableModel;

protected:
  // A column's title and tooltip, from untranslated texts (QT_TR_NOOP) translated in the
  // derived model's own context.
  QVariant column_header(int section, int role, std::span<const char *const> titles,
                         std::span<const char *const> tips) const {
    if (section < 0 || section >= static_cast<int>(titles.size()))
      return {};
    const char *context = metaObject()->className();
    const auto i = static_cast<std::size_t>(section);
    if (role == Qt::DisplayRole)
      return QCoreApplication::translate(context, titles[i]);
    if (role == Qt::ToolTipRole && i < tips.size())
      return QCoreApplication::translate(context, tips[i]);
    return {};
  }

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
