// How the editor shows validation errors on its fields: a red frame, and the error above the
// field's usual tooltip (kept in the "plain_tip" property).
#pragma once

#include "core/experiment/spec_json.h"
#include "ui/i18n/core_text.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QWidget>

#include <string_view>
#include <vector>

namespace conlab::ui {

inline void set_plain_tip(QWidget *w, const QString &tip) {
  w->setToolTip(tip);
  w->setProperty("plain_tip", tip);
}

inline void mark_field(QWidget *w, const QString &error) {
  const QString tip = w->property("plain_tip").toString();
  w->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c00;"));
  w->setToolTip(error.isEmpty() ? tip : error + QStringLiteral("\n\n") + tip);
}

// The errors at paths starting with `prefix`, one per line.
inline QString errors_at(const std::vector<FieldError> &errors, std::string_view prefix) {
  QStringList out;
  for (const FieldError &f : errors)
    if (f.path.starts_with(prefix))
      out << field_error_text(f);
  return out.join(QLatin1Char('\n'));
}

} // namespace conlab::ui
