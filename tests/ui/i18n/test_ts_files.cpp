// The translation files are complete and current: every message of every .ts in
// resources/translations is translated (not unfinished, obsolete or vanished) with the same
// placeholders, markup and shortcut as its source; and lupdate, run over today's sources into a
// copy, finds no string that the committed file lacks or no longer needs, so a user-visible
// string added without a translation, or not wrapped in tr() at all, fails here or in
// test_i18n_widgets.
#include "i18n_paths.h"
#include "tests/ui/i18n/ts_file.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace conlab::test;

namespace {

QStringList ts_paths() {
  const QDir dir(QStringLiteral(CONLAB_TS_DIR));
  QStringList out;
  for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files))
    out << dir.filePath(name);
  return out;
}

// %1…%9 and %L1…, sorted: the translation must use each placeholder of the source.
QStringList placeholders(const QString &text) {
  static const QRegularExpression pattern(QStringLiteral("%L?\\d"));
  QStringList out;
  for (auto it = pattern.globalMatch(text); it.hasNext();)
    out << it.next().captured();
  out.sort();
  out.removeDuplicates();
  return out;
}

QStringList tags(const QString &text) {
  static const QRegularExpression pattern(QStringLiteral("<[^>]+>"));
  QStringList out;
  for (auto it = pattern.globalMatch(text); it.hasNext();)
    out << it.next().captured().section(QLatin1Char(' '), 0, 0);
  out.sort();
  return out;
}

// The letter after a single '&' (a menu shortcut), lower case; empty when there is none.
QString mnemonic(const QString &text) {
  static const QRegularExpression pattern(QStringLiteral("(?<!&)&([A-Za-z])"));
  const auto m = pattern.match(text);
  return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString where(const TsMessage &m) { return m.context + QStringLiteral(": ") + m.source; }

QSet<QString> keys(const TsFile &ts) {
  QSet<QString> out;
  for (const TsMessage &m : ts.messages)
    out.insert(where(m));
  return out;
}

// Source lines that hand a literal with words to a widget's text without tr(): a backstop for
// code paths the widget walk of test_i18n_widgets does not reach. File names are not text.
QStringList literal_texts(const QString &path) {
  static const QRegularExpression call(QStringLiteral(
      R"((setText|setToolTip|setStatusTip|setWindowTitle|setTitle|setTitleText|)"
      R"(setPlaceholderText|addTab|addAction|addMenu|setSuffix|setPrefix|addItem|setHtml|)"
      R"(showMessage|addRow|setName|QLabel|QPushButton|QCheckBox|QGroupBox|QAction)\()"));
  // A literal with a word in it once its markup (<br>, <b>) is left out.
  static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
  static const QRegularExpression markup(QStringLiteral("<[^>]*>"));
  static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
  const auto has_words = [](const QString &line) {
    for (auto it = literal.globalMatch(line); it.hasNext();)
      if (it.next().captured(1).remove(markup).contains(word))
        return true;
    return false;
  };
  static const QRegularExpression translated(QStringLiteral(R"(\btr_?\(|translate\(|filePath\()"));
  QStringList out;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
    return {path + QStringLiteral(": ") + file.errorString()};
  int number = 0;
  while (!file.atEnd()) {
    const QString line = QString::fromUtf8(file.readLine());
    ++number;
    if (line.contains(call) && has_words(line) && !line.contains(translated))
      out << QStringLiteral("%1:%2: %3").arg(path).arg(number).arg(line.trimmed());
  }
  return out;
}

} // namespace

class TestTsFiles : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void there_is_a_chinese_translation() {
    QVERIFY2(ts_paths().contains(QStringLiteral(CONLAB_TS_DIR "/conlab_zh_CN.ts")),
             qPrintable(ts_paths().join(QLatin1Char(' '))));
  }

  void every_message_is_translated_data() {
    QTest::addColumn<QString>("path");
    for (const QString &path : ts_paths())
      QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
  }
  void every_message_is_translated() {
    QFETCH(QString, path);
    const TsFile ts = read_ts(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.language.isEmpty());
    QVERIFY(ts.messages.size() > 100);
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
      if (!m.type.isEmpty())
        problems << m.type + QStringLiteral(" — ") + where(m);
      else if (m.translation.trimmed().isEmpty())
        problems << QStringLiteral("empty — ") + where(m);
      else if (placeholders(m.source) != placeholders(m.translation))
        problems << QStringLiteral("placeholders differ — ") + where(m);
      else if (tags(m.source) != tags(m.translation))
        problems << QStringLiteral("markup differs — ") + where(m);
      else if (mnemonic(m.source) != mnemonic(m.translation))
        problems << QStringLiteral("shortcut letter differs — ") + where(m);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  void no_literal_text_reaches_a_widget() {
    QStringList problems;
    for (const QString &path : QStringList{CONLAB_TR_SOURCES})
      if (path.contains(QStringLiteral("/ui/")) && path.endsWith(QStringLiteral(".cpp")))
        problems << literal_texts(path);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  // The backstop finds what it is for.
  void a_literal_text_is_found() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("x.cpp")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("  label->setText(QStringLiteral(\"Finished\"));\n"
               "  label->setText(tr(\"Finished\"));\n"
               "  view->setObjectName(QStringLiteral(\"summary\"));\n"
               "  label->setText(a + QStringLiteral(\"<br>\") + b);\n");
    file.close();
    const QStringList found = literal_texts(file.fileName());
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().endsWith(
        QStringLiteral(":1: label->setText(QStringLiteral(\"Finished\"));")));
  }

  // lupdate over the sources, into a copy of each committed file: anything it adds is a string
  // the committed file lacks; anything it drops (-no-obsolete) is one the sources lost.
  void every_source_string_is_in_the_ts_files() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &path : ts_paths()) {
      const QString copy = dir.filePath(QFileInfo(path).fileName());
      QVERIFY(QFile::copy(path, copy));
      QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
      QProcess lupdate;
      QStringList args = {CONLAB_LUPDATE_OPTIONS};
      args << QStringList{CONLAB_TR_SOURCES} << QStringLiteral("-ts") << copy;
      lupdate.start(QStringLiteral(CONLAB_LUPDATE), args);
      QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
      const QString errors = QString::fromUtf8(lupdate.readAllStandardError());
      QVERIFY2(lupdate.exitCode() == 0, qPrintable(errors));
      // tr_() inside a class that is not a QObject files its text under that class, while at run
      // time it looks in "conlab::ui": the translation would exist and never be shown.
      static const QRegularExpression stray(
          QStringLiteral("^(.*): Class '(?!conlab::ui')(.*)' lacks Q_OBJECT macro$"),
          QRegularExpression::MultilineOption);
      QStringList strays;
      for (auto m = stray.globalMatch(errors); m.hasNext();) {
        const QRegularExpressionMatch hit = m.next();
        strays << hit.captured(1) + QStringLiteral(": ") + hit.captured(2);
      }
      QVERIFY2(strays.isEmpty(),
               qPrintable(QStringLiteral("texts filed under a context tr_() does not use (write "
                                         "QCoreApplication::translate(\"conlab::ui\", ...) "
                                         "there):\n") +
                          strays.join(QLatin1Char('\n'))));
      const TsFile before = read_ts(path), after = read_ts(copy);
      QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
      QStringList problems;
      for (const QString &k : keys(after) - keys(before))
        problems << QStringLiteral("not in ") + QFileInfo(path).fileName() + QStringLiteral(": ") +
                        k;
      for (const QString &k : keys(before) - keys(after))
        problems << QStringLiteral("no longer in the sources: ") + k;
      problems.sort();
      QVERIFY2(problems.isEmpty(),
               qPrintable(problems.join(QLatin1Char('\n')) +
                          QStringLiteral("\nRun `cmake --build <build dir> --target "
                                         "update_translations` and translate the new strings.")));
    }
  }
};

QTEST_GUILESS_MAIN(TestTsFiles)
#include "test_ts_files.moc"
