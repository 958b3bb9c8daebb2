// The language the desktop lab speaks: the system's by default, or the one chosen in the
// preferences (QSettings "ui/language"). Its translation is compiled in (resources/translations,
// embedded under :/i18n); Qt's own dialogs follow with Qt's translations when Debian ships them.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace conlab::ui {

struct LanguageChoice {
  QString code; // "" = follow the system, else a locale name: "en", "zh_CN"
  QString name; // as its speakers write it ("English", "简体中文"); the system one is translated
};

// System, then every language the lab has a translation for, then English.
QList<LanguageChoice> language_choices();

QString language_setting(); // "" when the system's language is followed
void set_language_setting(const QString &code);

// The locale the lab shows for a setting: the system's for "".
QLocale ui_locale(const QString &setting);

// "Concurrency Lab" in the installed language. The app sets it as the display name, which Qt adds
// to window titles that do not end with it already.
QString display_name();

// Replaces the lab's and Qt's translators with those for `locale`; true when the lab has a
// translation for it (English needs none).
bool install_translations(const QLocale &locale);

} // namespace conlab::ui
