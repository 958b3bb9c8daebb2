#include "ui/experiment/choice_delegate.h"

#include "ui/experiment/item_roles.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>

namespace conlab::ui {

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const {
  const QStringList choices = index.data(ChoicesRole).toStringList();
  if (!choices.isEmpty()) {
    auto *combo = new QComboBox(parent);
    combo->addItems(choices);
    const QStringList tips = index.data(ChoiceTipsRole).toStringList();
    for (qsizetype i = 0; i < tips.size() && i < choices.size(); ++i)
      combo->setItemData(static_cast<int>(i), tips[i], Qt::ToolTipRole);
    combo->setEditable(index.data(EditableChoicesRole).toBool());
    return combo;
  }
  const QVariant value = index.data(Qt::EditRole);
  if (value.typeId() == QMetaType::Int) {
    auto *spin = new QSpinBox(parent);
    spin->setRange(index.data(MinimumRole).toInt(), index.data(MaximumRole).toInt());
    return spin;
  }
  if (value.typeId() == QMetaType::Double) {
    auto *spin = new QDoubleSpinBox(parent);
    spin->setDecimals(index.data(DecimalsRole).toInt());
    spin->setRange(index.data(MinimumRole).toDouble(), index.data(MaximumRole).toDouble());
    return spin;
  }
  return QStyledItemDelegate::createEditor(parent, option, index);
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
  if (auto *combo = qobject_cast<QComboBox *>(editor)) {
    const QString text = index.data(Qt::EditRole).toString();
    const int i = combo->findText(text);
    if (i >= 0)
      combo->setCurrentIndex(i);
    else if (combo->isEditable())
      combo->setEditText(text);
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const {
  if (auto *combo = qobject_cast<QComboBox *>(editor)) {
    model->setData(index, combo->currentText(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace conlab::ui
