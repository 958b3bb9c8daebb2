#include "ui/preferences_dialog.h"

#include "ui/i18n/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace conlab::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox(this)) {
  setWindowTitle(tr("Preferences"));
  const QString current = language_setting();
  for (const LanguageChoice &choice : language_choices()) {
    m_language->addItem(choice.name, choice.code);
    if (choice.code == current)
      m_language->setCurrentIndex(m_language->count() - 1);
  }
  m_language->setToolTip(tr("The language of menus, charts and explanations. conlab-cli and the "
                            "files it writes stay in English."));
  auto *note = new QLabel(tr("A new language applies when Concurrency Lab starts again."), this);
  note->setWordWrap(true);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
  auto *form = new QFormLayout(this);
  form->addRow(tr("Language"), m_language);
  form->addRow(note);
  form->addRow(buttons);
  setMinimumWidth(420);
}

void PreferencesDialog::accept() {
  set_language_setting(m_language->currentData().toString());
  QDialog::accept();
}

} // namespace conlab::ui
