// Asks where and how to export charts: the file (or folder, for all charts), the format, the
// size in pixels and the DPI. Remembers the last choices in QSettings.
#pragma once

#include "ui/export/chart_export.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace conlab::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
public:
  // `all`: a folder for every chart; otherwise a file for `default_name`.
  ExportDialog(bool all, const QString &default_name, QWidget *parent = nullptr);

  QString path() const;
  ExportOptions options() const;

  void accept() override;

private:
  void browse();

  bool m_all;
  QLineEdit *m_path;
  QComboBox *m_format;
  QSpinBox *m_width, *m_height, *m_dpi;
};

} // namespace conlab::ui
