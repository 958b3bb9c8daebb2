#include "ui/i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace conlab::ui {
namespace {

const auto kKey = QStringLiteral("ui/language");
const auto kTranslations = QStringLiteral(":/i18n");

// The translators installed last, replaced by the next install_translations().
QList<QTranslator *> &installed() {
  static QList<QTranslator *> list;
  return list;
}

} // namespace

QList<LanguageChoice> language_choices() {
  return {{QString(), QCoreApplication::translate("conlab::ui::Language", "System language")},
          {QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString display_name() {
  return QCoreApplication::translate("conlab::ui::Language", "Concurrency Lab");
}

QString language_setting() { return QSettings().value(kKey).toString(); }

void set_language_setting(const QString &code) {
  QSettings settings;
  if (code.isEmpty())
    settings.remove(kKey);
  else
    settings.setValue(kKey, code);
}

QLocale ui_locale(const QString &setting) {
  return setting.isEmpty() ? QLocale::system() : QLocale(setting);
}

bool install_translations(const QLocale &locale) {
  for (QTranslator *t : installed()) {
    QCoreApplication::removeTranslator(t);
    delete t;
  }
  installed().clear();
  auto *lab = new QTranslator;
  const bool found =
      lab->load(locale, QStringLiteral("conlab"), QStringLiteral("_"), kTranslations);
  auto *qt = new QTranslator;
  // Qt's own words (dialog buttons, file dialogs) in the same language, where Qt ships them.
  const bool qt_found = found && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                          QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  for (auto [translator, ok] : {std::pair{lab, found}, std::pair{qt, qt_found}}) {
    if (ok && QCoreApplication::installTranslator(translator))
      installed() << translator;
    else
      delete translator;
  }
  return found;
}

} // namespace conlab::ui
