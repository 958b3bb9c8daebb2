// Edits table cells the way the model describes them (item_roles.h): a combo box when the cell
// offers choices (with a tooltip per choice), a spin box with the model's range for numbers.
#pragma once

#include <QStyledItemDelegate>

namespace conlab::ui {

class ChoiceDelegate : public QStyledItemDelegate {
  Q_OBJECT
public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const override;
  void setEditorData(QWidget *editor, const QModelIndex &index) const override;
  void setModelData(QWidget *editor, QAbstractItemModel *model,
                    const QModelIndex &index) const override;
};

} // namespace conlab::ui
