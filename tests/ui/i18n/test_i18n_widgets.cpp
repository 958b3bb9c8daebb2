// Every text the desktop lab shows is translated: with the Simplified Chinese translation
// installed, the main window after a run (menus, tool bar, editor, tables and their headers and
// tooltips, charts with their titles and axes, explanations, status bar) and every dialog is
// walked, and no English word may be left but identifiers, units and the experiment's own names.
// A string that was never wrapped in tr(), or whose translation is missing, shows up here.
#include "core/engine/model_registry.h"
#include "core/experiment/presets.h"
#include "core/history/run_history.h"
#include "core/results/results_json.h"
#include "tests/ui/sweep_fixtures.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/about_dialog.h"
#include "ui/charts/chart_panel.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/experiment/item_roles.h"
#include "ui/experiment/steps_table_model.h"
#include "ui/experiment/variant_table_model.h"
#include "ui/export/export_dialog.h"
#include "ui/history/history_panel.h"
#include "ui/history/history_table_model.h"
#include "ui/i18n/language.h"
#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui/run/explanation_view.h"
#include "ui/run/live_chart.h"
#include "ui/run/results_table_model.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QtTest>

using namespace conlab;
using namespace conlab::ui;

namespace {

// Identifiers, units, file types, key names and names of things that stay as they are.
QSet<QString> kept_words() {
  const QStringList list =
      QStringLiteral("CPU TSV JSON CSV PNG SVG PDF HTML DPI CDF RSS Ctrl Esc Python AnyIO asyncio "
                     "uvicorn workers FastAPI QCoro QtConcurrent async def await None min max "
                     "GIL CPython sys.getswitchinterval conlab-cli English json svg pdf png csv "
                     "python_default_executor "
                     "anyio_default cores io blocking_io cpu fixed uniform exponential "
                     "loop.run_in_executor time.sleep threading.Thread OS fork processes true "
                     "ProcessPoolExecutor pthread_create memory_per_task cpu_per_wait "
                     "switches_per_task Ctrl-C "
                     // an SLO and a URL are written the same in every language
                     "SLO HOST PORT http "
                     // the libraries and licences the About dialog names
                     "Boost Asio Beast Program Options Core Gui Widgets Concurrent Svg "
                     "PrintSupport Charts GPL LGPL or-later MIT BSL HTTP GNU usr share "
                     "doc conlab copyright")
          .split(QLatin1Char(' '));
  QSet<QString> words(list.begin(), list.end());
  for (const ModelInfo *m : model_registry())
    words.insert(QString::fromUtf8(m->name.data(), static_cast<qsizetype>(m->name.size())));
  for (const Preset &p : presets())
    for (const QString &part : QString::fromStdString(p.name).split(QLatin1Char('-')))
      words.insert(part), words.insert(QString::fromStdString(p.name));
  return words;
}

const QRegularExpression &word_pattern() {
  static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z_.\\-]*[A-Za-z]"));
  return word;
}

// Collects every visible text with where it was found, and names those with English left.
class Walk {
public:
  // The person's own words (a file's path) stay as they are too.
  void keep_words_of(const QString &text) {
    for (auto it = word_pattern().globalMatch(text); it.hasNext();)
      m_kept.insert(it.next().captured());
  }

  void add(const QString &where, const QString &text) {
    if (text.isEmpty())
      return;
    // Rich text as a person reads it: no tags, and entities (&quot;) as the characters they are.
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    const QString plain =
        Qt::mightBeRichText(text)
            ? QTextDocumentFragment::fromHtml(QString(text).replace(tag, QStringLiteral(" ")))
                  .toPlainText()
            : text;
    ++m_texts;
    for (auto it = word_pattern().globalMatch(plain); it.hasNext();) {
      const QString w = it.next().captured();
      if (w.size() >= 3 && !m_kept.contains(w)) {
        m_english << where + QStringLiteral(": “") + w + QStringLiteral("” in ") +
                         plain.simplified();
        return;
      }
    }
  }

  void widget_tree(QWidget *root) {
    add(QStringLiteral("window title"), root->windowTitle().remove(QStringLiteral("[*]")));
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
      const QString name =
          QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
      add(name + QStringLiteral(" tooltip"), w->toolTip());
      if (auto *label = qobject_cast<QLabel *>(w))
        add(name, label->text());
      if (auto *button = qobject_cast<QAbstractButton *>(w))
        add(name, button->text().remove(QLatin1Char('&')));
      if (auto *box = qobject_cast<QGroupBox *>(w))
        add(name, box->title());
      if (auto *combo = qobject_cast<QComboBox *>(w))
        for (int i = 0; i < combo->count(); ++i) {
          add(name, combo->itemText(i));
          add(name + QStringLiteral(" item tooltip"),
              combo->itemData(i, Qt::ToolTipRole).toString());
        }
      if (auto *spin = qobject_cast<QSpinBox *>(w))
        add(name + QStringLiteral(" suffix"), spin->suffix());
      if (auto *spin = qobject_cast<QDoubleSpinBox *>(w))
        add(name + QStringLiteral(" suffix"), spin->suffix());
      if (auto *tabs = qobject_cast<QTabWidget *>(w))
        for (int i = 0; i < tabs->count(); ++i)
          add(name + QStringLiteral(" tab"), tabs->tabText(i));
      if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
        headers(name, view->model());
      if (auto *text = qobject_cast<QTextBrowser *>(w))
        add(name, text->toPlainText());
      if (auto *chart_view = qobject_cast<QChartView *>(w))
        chart(name, chart_view->chart());
      for (QAction *a : w->actions())
        action(name, a);
    }
  }

  void headers(const QString &where, const QAbstractItemModel *model) {
    for (int c = 0; c < model->columnCount(); ++c)
      for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
        add(where + QStringLiteral(" header"),
            model->headerData(c, Qt::Horizontal, role).toString());
  }

  void chart(const QString &where, const QChart *chart) {
    add(where + QStringLiteral(" title"), chart->title());
    add(where + QStringLiteral(" tooltip"), chart->toolTip());
    for (const QAbstractAxis *axis : chart->axes())
      add(where + QStringLiteral(" axis"), axis->titleText());
  }

  void action(const QString &where, QAction *a) {
    if (a->isSeparator())
      return;
    const QString text = a->text().remove(QLatin1Char('&'));
    add(where + QStringLiteral(" action"), text);
    if (a->toolTip() != a->text().remove(QLatin1Char('&'))) // Qt's default tooltip is the text
      add(where + QStringLiteral(" action tooltip"), a->toolTip());
    add(where + QStringLiteral(" action status tip"), a->statusTip());
    if (a->menu())
      for (QAction *child : a->menu()->actions())
        action(where + QStringLiteral(" › ") + text, child);
  }

  int texts() const { return m_texts; }
  const QStringList &english() const { return m_english; }

private:
  QSet<QString> m_kept = kept_words();
  int m_texts = 0;
  QStringList m_english;
};

} // namespace

class TestI18nWidgets : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // no recent files from an earlier run
    QVERIFY(install_translations(QLocale(QStringLiteral("zh_CN"))));
  }

  void main_window_after_a_run_is_all_chinese() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.json"));
    save_results(run_experiment(test::tiny_article(8, 0.01)), path.toStdString());
    const RunResults sweep = test::hand_made_sweep();
    {
      // The history lists a run and a sweep (the test's own history: see tests/CMakeLists.txt).
      history::RunHistory recorded(history::default_directory());
      const auto now = history::Clock::now();
      recorded.add(load_results(path.toStdString()), now, now);
      recorded.add(sweep, now, now);
    }
    MainWindow w;
    QSignalSpy shown(&w, &MainWindow::results_shown);
    QVERIFY(w.open_file(path));
    QVERIFY(shown.wait(60'000));
    w.show();

    Walk walk;
    walk.keep_words_of(path);
    for (const Variant &v : sweep.experiment.variants) // the sweep's labels are the user's words
      walk.keep_words_of(QString::fromStdString(v.label));
    walk.widget_tree(&w);
    const QAbstractItemModel *runs = w.history()->proxy();
    QCOMPARE(runs->rowCount(), 2);
    // The lab's words in the list (names and paths are the user's): status, key numbers.
    for (int r = 0; r < runs->rowCount(); ++r)
      for (int c : {int(HistoryTableModel::status), int(HistoryTableModel::makespan)})
        walk.add(QStringLiteral("history cell"), runs->index(r, c).data().toString());
    for (QAction *menu : w.menuBar()->actions())
      walk.action(QStringLiteral("menu"), menu);
    for (ChartKind kind : all_chart_kinds())
      walk.chart(chart_name(kind), w.charts()->view(kind)->chart());
    const QAbstractItemModel *variants = w.editor()->variants_model();
    for (int r = 0; r < variants->rowCount(); ++r)
      for (int c = 0; c < variants->columnCount(); ++c) {
        walk.add(QStringLiteral("variant tooltip"),
                 variants->index(r, c).data(Qt::ToolTipRole).toString());
        for (const QString &tip : variants->index(r, c).data(ChoiceTipsRole).toStringList())
          walk.add(QStringLiteral("model choice tooltip"), tip);
      }
    const QAbstractItemModel *steps = w.editor()->steps_model();
    for (int c = 0; c < steps->columnCount(); ++c)
      for (const QString &tip : steps->index(0, c).data(ChoiceTipsRole).toStringList())
        walk.add(QStringLiteral("step choice tooltip"), tip);
    const QAbstractItemModel *results = w.results_model();
    QCOMPARE(results->rowCount(), 4);
    for (int r = 0; r < results->rowCount(); ++r)
      walk.add(QStringLiteral("results tooltip"),
               results->index(r, 0).data(Qt::ToolTipRole).toString());

    QVERIFY(walk.texts() > 200);
    QVERIFY2(walk.english().isEmpty(), qPrintable(walk.english().join(QLatin1Char('\n'))));
  }

  void dialogs_are_all_chinese() {
    Walk walk;
    PreferencesDialog preferences;
    walk.widget_tree(&preferences);
    ExportDialog one(false, QStringLiteral("summary.png"));
    walk.widget_tree(&one);
    ExportDialog all(true, {});
    walk.widget_tree(&all);
    AboutDialog about;
    walk.widget_tree(&about);
    QVERIFY(walk.texts() > 30);
    QVERIFY2(walk.english().isEmpty(), qPrintable(walk.english().join(QLatin1Char('\n'))));
  }

  // The check itself: English text is found, so a missing translation cannot pass unseen.
  void an_untranslated_text_is_found() {
    Walk walk;
    walk.add(QStringLiteral("label"), QStringLiteral("最大 CPU 利用率"));
    QVERIFY(walk.english().isEmpty());
    walk.add(QStringLiteral("label"), QStringLiteral("Makespan and throughput"));
    QCOMPARE(walk.english().size(), 1);
  }

  void the_preference_is_stored() {
    PreferencesDialog dialog;
    const int chinese = dialog.language_box()->findData(QStringLiteral("zh_CN"));
    QVERIFY(chinese > 0);
    dialog.language_box()->setCurrentIndex(chinese);
    dialog.accept();
    QCOMPARE(language_setting(), QStringLiteral("zh_CN"));
    PreferencesDialog again;
    QCOMPARE(again.language_box()->currentData().toString(), QStringLiteral("zh_CN"));
    again.language_box()->setCurrentIndex(0);
    again.accept();
    QCOMPARE(language_setting(), QString());
  }
};

QTEST_MAIN(TestI18nWidgets)
#include "test_i18n_widgets.moc"
