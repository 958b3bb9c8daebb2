// Settings → Preferences: the language of the desktop lab (System, English, 简体中文), stored in
// QSettings and used from the next start.
#pragma once

#include <QDialog>

class QComboBox;

namespace conlab::ui {

class PreferencesDialog : public QDialog {
  Q_OBJECT
public:
  explicit PreferencesDialog(QWidget *parent = nullptr);

  QComboBox *language_box() const { return m_language; }
  void accept() override; // stores the choice

private:
  QComboBox *m_language;
};

} // namespace conlab::ui
