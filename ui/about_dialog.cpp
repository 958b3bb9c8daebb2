#include "ui/about_dialog.h"

#include "core/results/environment.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace conlab::ui {
namespace {

// Set from `git rev-parse` when the build was configured (ui/CMakeLists.txt); empty outside a
// git checkout, e.g. a source tarball.
constexpr const char *kGitCommit = CONLAB_GIT_COMMIT;

QLabel *rich_label(const QString &html, QWidget *parent) {
  auto *label = new QLabel(html, parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::RichText);
  label->setTextInteractionFlags(Qt::TextBrowserInteraction);
  label->setOpenExternalLinks(true);
  label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  label->setMargin(6);
  return label;
}

} // namespace

QString build_info_text() {
  const Environment e = current_environment();
  const auto q = [](const std::string &s) { return QString::fromStdString(s); };
  const QString commit = *kGitCommit ? QString::fromLatin1(kGitCommit)
                                     : AboutDialog::tr("unknown (not built from a git checkout)");
  return AboutDialog::tr("Concurrency Lab: %1\n"
                         "Commit: %2\n"
                         "Build type: %3\n"
                         "Compiler: %4\n"
                         "Qt: %5 at build time, %6 at run time\n"
                         "Boost: %7\n"
                         "QCoro: %8\n"
                         "OS: %9\n")
      .arg(q(e.lab_version), commit, q(e.build_type), q(e.compiler), QStringLiteral(QT_VERSION_STR),
           QString::fromLatin1(qVersion()), q(e.boost_version), q(e.qcoro_version), q(e.os));
}

QString licences_html() {
  return AboutDialog::tr(
      "<p>Concurrency Lab is free software: you can redistribute it and modify it under the "
      "terms of the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public "
      "License</a>, version 3 or (at your option) any later version "
      "(GPL-3.0-or-later). It comes with no warranty.</p>"
      "<p>It is built on these libraries:</p>"
      "<table cellpadding=\"3\">"
      "<tr><th align=\"left\">Library</th><th align=\"left\">What for</th>"
      "<th align=\"left\">Licence</th></tr>"
      "<tr><td>Qt 6 (Core, Gui, Widgets, Concurrent, Svg, PrintSupport)</td>"
      "<td>the window, the qt_event_loop model, export</td>"
      "<td><a href=\"https://www.gnu.org/licenses/lgpl-3.0.html\">LGPL-3.0</a> or "
      "GPL-2.0/GPL-3.0</td></tr>"
      "<tr><td>Qt Charts</td><td>every chart</td>"
      "<td><a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GPL-3.0</a> (its open-source "
      "licence in Qt 6, and why the lab is GPL)</td></tr>"
      "<tr><td>QCoro</td><td>coroutines on a Qt event loop</td>"
      "<td><a href=\"https://opensource.org/license/mit\">MIT</a></td></tr>"
      "<tr><td>Boost (Asio, Beast, JSON, Program Options)</td>"
      "<td>event loops, HTTP mode, experiment files, conlab-cli's options</td>"
      "<td><a href=\"https://www.boost.org/LICENSE_1_0.txt\">BSL-1.0</a></td></tr>"
      "</table>"
      "<p>The installed package lists the copyright holders in "
      "/usr/share/doc/conlab/copyright.</p>");
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent), m_build_info(new QPlainTextEdit(build_info_text(), this)) {
  setWindowTitle(tr("About Concurrency Lab"));

  auto *icon = new QLabel(this);
  icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
  auto *title = rich_label(
      tr("<h2>Concurrency Lab %1</h2><p>Measurements instead of folklore: for a given kind of "
         "work, which way of running it concurrently is fastest, and why?</p>")
          .arg(QString::fromStdString(current_environment().lab_version)),
      this);
  auto *header = new QHBoxLayout;
  header->addWidget(icon, 0, Qt::AlignTop);
  header->addWidget(title, 1);

  m_build_info->setReadOnly(true);
  m_build_info->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_build_info->setLineWrapMode(QPlainTextEdit::NoWrap);
  auto *tabs = new QTabWidget(this);
  tabs->addTab(m_build_info, tr("&Build"));
  // Scrolls rather than cuts off the table where a language or a font needs more lines.
  auto *licences = new QScrollArea(this);
  licences->setWidget(rich_label(licences_html(), licences));
  licences->setWidgetResizable(true);
  licences->setFrameShape(QFrame::NoFrame);
  tabs->addTab(licences, tr("&Licences"));

  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton *copy = buttons->addButton(tr("&Copy build info"), QDialogButtonBox::ActionRole);
  QPushButton *about_qt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
  connect(copy, &QPushButton::clicked, this, &AboutDialog::copy_build_info);
  connect(about_qt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(header);
  layout->addWidget(tabs, 1);
  layout->addWidget(buttons);
  resize(640, 460);
}

void AboutDialog::copy_build_info() const {
  QGuiApplication::clipboard()->setText(m_build_info->toPlainText());
}

} // namespace conlab::ui
