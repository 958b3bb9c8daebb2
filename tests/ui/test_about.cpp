// Help → About: the dialog names the version the build was configured with, the Qt versions at
// build and run time, Boost's version and every library's licence, and copies the build facts.
#include "ui/about_dialog.h"
#include "ui/main_window.h"

#include <QClipboard>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTimer>
#include <QtTest>

#include <boost/version.hpp>

using namespace conlab::ui;

class TestAbout : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void build_info_names_the_versions() {
    const QString text = build_info_text();
    QVERIFY2(text.contains(QStringLiteral("Concurrency Lab: " CONLAB_VERSION "\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Qt: " QT_VERSION_STR " at build time, %1 at run time")
                               .arg(QString::fromLatin1(qVersion()))),
             qPrintable(text));
    const QString boost = QStringLiteral("Boost: %1.%2.%3\n")
                              .arg(BOOST_VERSION / 100000)
                              .arg(BOOST_VERSION / 100 % 1000)
                              .arg(BOOST_VERSION % 100);
    QVERIFY2(text.contains(boost), qPrintable(text));
    // The configured commit, or "unknown" outside a git checkout.
    static const QRegularExpression commit(QStringLiteral("\nCommit: ([0-9a-f]{12}|unknown)"));
    QVERIFY2(commit.match(text).hasMatch(), qPrintable(text));
    for (const char *fact : {"Build type: ", "Compiler: ", "QCoro: ", "OS: "})
      QVERIFY2(text.contains(QLatin1String(fact)), fact);
  }

  void licences_data() {
    QTest::addColumn<QString>("library");
    QTest::addColumn<QString>("licence");
    const auto row = [](const char *library, const char *licence) {
      QTest::newRow(library) << QString::fromUtf8(library) << QString::fromUtf8(licence);
    };
    row("Qt 6 (", "LGPL-3.0");
    row("Qt Charts", "GPL-3.0");
    row("QCoro", "MIT");
    row("Boost (", "BSL-1.0");
  }

  // Each library's row of the table carries its own licence.
  void licences() {
    QFETCH(QString, library);
    QFETCH(QString, licence);
    const QString html = licences_html();
    const qsizetype start = html.indexOf(QStringLiteral("<tr><td>") + library);
    QVERIFY2(start >= 0, qPrintable(library));
    const QString row = html.mid(start, html.indexOf(QStringLiteral("</tr>"), start) - start);
    QVERIFY2(row.contains(licence), qPrintable(row));
  }

  void the_lab_states_its_own_licence() {
    QVERIFY(licences_html().contains(QStringLiteral("GPL-3.0-or-later")));
  }

  void copy_puts_the_build_info_on_the_clipboard() {
    QGuiApplication::clipboard()->clear();
    AboutDialog dialog;
    dialog.copy_build_info();
    QCOMPARE(QGuiApplication::clipboard()->text(), build_info_text());
  }

  void help_menu_opens_the_dialog() {
    MainWindow window;
    QAction *about = nullptr;
    for (QAction *menu : window.menuBar()->actions())
      if (menu->menu() && menu->text() == QStringLiteral("&Help"))
        for (QAction *a : menu->menu()->actions())
          if (a->text() == QStringLiteral("&About Concurrency Lab"))
            about = a;
    QVERIFY(about);
    QString opened;
    // exec() blocks: the timer finds the dialog from inside its event loop and closes it.
    QTimer::singleShot(0, &window, [&opened] {
      for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<AboutDialog *>(w); d && d->isVisible()) {
          opened = d->windowTitle();
          d->reject();
        }
    });
    about->trigger();
    QCOMPARE(opened, QStringLiteral("About Concurrency Lab"));
  }
};

QTEST_MAIN(TestAbout)
#include "test_about.moc"
