#include "ui/export/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace conlab::ui {

ExportDialog::ExportDialog(bool all, const QString &default_name, QWidget *parent)
    : QDialog(parent), m_all(all) {
  setWindowTitle(all ? tr("Export all charts") : tr("Export chart"));
  QSettings settings;
  const QString dir = settings.value(QStringLiteral("last_directory"), QDir::homePath()).toString();
  m_path = new QLineEdit(this);
  m_format = new QComboBox(this);
  m_format->addItem(tr("PNG image"), QStringLiteral("png"));
  m_format->addItem(tr("SVG vector graphics"), QStringLiteral("svg"));
  m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
  m_format->setCurrentIndex(
      m_format->findData(settings.value(QStringLiteral("export/format"), QStringLiteral("png"))));
  m_width = new QSpinBox(this);
  m_height = new QSpinBox(this);
  m_dpi = new QSpinBox(this);
  m_width->setRange(200, 10000);
  m_height->setRange(150, 10000);
  m_dpi->setRange(50, 1200);
  m_width->setValue(settings.value(QStringLiteral("export/width"), 1200).toInt());
  m_height->setValue(settings.value(QStringLiteral("export/height"), 700).toInt());
  m_dpi->setValue(settings.value(QStringLiteral("export/dpi"), 96).toInt());
  m_width->setSuffix(tr(" px"));
  m_height->setSuffix(tr(" px"));
  m_dpi->setToolTip(tr("PNG keeps the pixel size and draws text and lines DPI/96 times larger."));
  m_path->setText(QDir(dir).filePath(all ? QStringLiteral("charts") : default_name));
  auto *browse_button = new QPushButton(tr("Browse…"), this);
  connect(browse_button, &QPushButton::clicked, this, &ExportDialog::browse);
  auto *path_row = new QHBoxLayout;
  path_row->addWidget(m_path, 1);
  path_row->addWidget(browse_button);
  auto *form = new QFormLayout(this);
  form->addRow(all ? tr("Folder") : tr("File"), path_row);
  form->addRow(tr("Format"), m_format);
  form->addRow(tr("Width"), m_width);
  form->addRow(tr("Height"), m_height);
  form->addRow(tr("DPI"), m_dpi);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
  form->addRow(buttons);
  connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
    if (m_all)
      return;
    QFileInfo info(m_path->text());
    m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                        m_format->currentData().toString()));
  });
  Q_EMIT m_format->currentIndexChanged(m_format->currentIndex());
}

void ExportDialog::browse() {
  const QString chosen =
      m_all ? QFileDialog::getExistingDirectory(this, windowTitle(), m_path->text())
            : QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(),
                                           tr("Charts (*.png *.svg *.pdf)"));
  if (chosen.isEmpty())
    return;
  m_path->setText(chosen);
  if (const auto format = format_from_name(QFileInfo(chosen).suffix()); format && !m_all)
    m_format->setCurrentIndex(m_format->findData(format_suffix(*format)));
}

QString ExportDialog::path() const { return m_path->text().trimmed(); }

ExportOptions ExportDialog::options() const {
  ExportOptions o;
  o.format = format_from_name(m_format->currentData().toString()).value_or(ExportFormat::png);
  o.size = QSize(m_width->value(), m_height->value());
  o.dpi = m_dpi->value();
  return o;
}

void ExportDialog::accept() {
  QSettings settings;
  settings.setValue(QStringLiteral("export/format"), m_format->currentData());
  settings.setValue(QStringLiteral("export/width"), m_width->value());
  settings.setValue(QStringLiteral("export/height"), m_height->value());
  settings.setValue(QStringLiteral("export/dpi"), m_dpi->value());
  settings.setValue(QStringLiteral("last_directory"),
                    m_all ? path() : QFileInfo(path()).absolutePath());
  QDialog::accept();
}

} // namespace conlab::ui
