// Extra item-data roles the editor's models offer to ChoiceDelegate: the choices of a combo,
// and the range of a number.
#pragma once

#include <Qt>

namespace conlab::ui {

enum ItemRole : int {
  ChoicesRole = Qt::UserRole + 1, // QStringList: edit with a combo box
  ChoiceTipsRole,                 // QStringList: a tooltip per choice
  EditableChoicesRole,            // bool: the combo also accepts typed text
  MinimumRole,                    // double
  MaximumRole,                    // double
  DecimalsRole,                   // int: 0 edits an integer
  ErrorRole,                      // QString: why the value is invalid (empty when it is fine)
};

} // namespace conlab::ui
