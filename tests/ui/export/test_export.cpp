// Chart export: every chart in every format makes a valid file at the asked size; unwritable
// places are reported; `conlab-cli chart` exits 0, 1 or 2 as documented.
#include "core/results/results_json.h"
#include "tests/ui/sweep_fixtures.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/charts/chart_factory.h"
#include "ui/export/chart_export.h"

#include <QChart>
#include <QImageReader>
#include <QLineSeries>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace conlab;
using namespace conlab::ui;

class TestExport : public QObject {
  Q_OBJECT
  RunResults m_results;
  ChartData m_data;
  QTemporaryDir m_dir;

private Q_SLOTS:
  void initTestCase() {
    m_results = run_experiment(test::tiny_article(8, 0.01));
    m_data = build_chart_data(m_results);
  }

  void every_chart_every_format_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("format");
    for (ChartKind kind : all_chart_kinds())
      for (const char *format : {"png", "svg", "pdf"})
        QTest::addRow("%s.%s", qPrintable(chart_name(kind)), format)
            << static_cast<int>(kind) << QString::fromLatin1(format);
  }

  void every_chart_every_format() {
    QFETCH(int, kind);
    QFETCH(QString, format);
    ExportOptions options;
    options.format = *format_from_name(format);
    options.size = QSize(900, 500);
    options.dpi = format == QLatin1String("png") ? 144 : 96;
    const QString path = m_dir.filePath(chart_name(ChartKind(kind)) + QLatin1Char('.') + format);
    QCOMPARE(export_chart(ChartKind(kind), m_data, path, options), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 1000);
    if (format == QLatin1String("png")) {
      QImage image;
      QVERIFY(image.loadFromData(bytes, "PNG"));
      QCOMPARE(image.size(), QSize(900, 500));
      QCOMPARE(image.dotsPerMeterX(), qRound(144 / 0.0254));
    } else if (format == QLatin1String("svg")) {
      QXmlStreamReader xml(bytes);
      bool title = false;
      while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("title"))
          title = xml.readElementText().contains(chart_title(ChartKind(kind)));
      QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
      QVERIFY(title);
    } else {
      QVERIFY(bytes.startsWith("%PDF"));
    }
  }

  // An open load over HTTP: each request 10 ms late in going out and answered 20 ms after it
  // went, so 30 ms from when it was due. Both curves are drawn; in-process runs keep one.
  void open_http_load_draws_the_uncorrected_curve_beside() {
    QVERIFY(m_data.variants.front().cdf_from_send.isEmpty());
    RunResults r = m_results;
    r.experiment.load.kind = LoadKind::open;
    r.experiment.variants.resize(1);
    r.experiment.variants[0].target = HttpTarget{.url = "http://127.0.0.1:8000/d"};
    r.variants.resize(1);
    RepeatResult &rep = r.variants[0].repeats.front();
    rep.samples.clear();
    for (std::uint32_t i = 0; i < 100; ++i) {
      const std::int64_t due = std::int64_t{i} * 5'000'000;
      rep.samples.push_back(TaskSample{due, due + 10'000'000, due + 30'000'000, i, 0});
    }
    const ChartData data = build_chart_data(r);
    const VariantChartData &v = data.variants.front();
    QVERIFY(!v.cdf_from_send.isEmpty());
    QCOMPARE(v.cdf_from_send.back().x(), 0.020);
    QCOMPARE(v.cdf.back().x(), 0.030);
    std::unique_ptr<QChart> chart(make_chart(ChartKind::cdf, data));
    QStringList names;
    for (const QAbstractSeries *series : chart->series())
      if (series->type() == QAbstractSeries::SeriesTypeLine)
        names << series->name();
    QCOMPARE(names.size(), 2);
    QVERIFY2(names.filter(QStringLiteral("from when sent")).size() == 1,
             qPrintable(names.join('|')));
    QVERIFY2(names.filter(QStringLiteral("from when due")).size() == 1,
             qPrintable(names.join('|')));
  }

  void export_all_writes_a_file_per_chart() {
    QStringList written;
    const QString folder = m_dir.filePath(QStringLiteral("all"));
    QVERIFY(export_all_charts(m_data, folder, {}, &written).isEmpty());
    QCOMPARE(written.size(), all_chart_kinds().size());
  }

  void unwritable_place_says_so() {
    ExportOptions options;
    const QString error =
        export_chart(ChartKind::cdf, m_data, QStringLiteral("/proc/nope/cdf.png"), options);
    QVERIFY(error.contains(QStringLiteral("cannot write")));
  }

  void cli_chart_command_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<bool>("sweep"); // the results of a two-parameter sweep instead of a run
    QTest::newRow("svg") << QStringList{QStringLiteral("--chart"),  QStringLiteral("cdf"),
                                        QStringLiteral("--format"), QStringLiteral("svg"),
                                        QStringLiteral("--out"),    QStringLiteral("@/cdf.svg")}
                         << 0 << false;
    QTest::newRow("all pdf") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                            QStringLiteral("--out"), QStringLiteral("@/cli-all")}
                             << 0 << false;
    QTest::newRow("bad chart") << QStringList{QStringLiteral("--chart"), QStringLiteral("pie"),
                                              QStringLiteral("--out"), QStringLiteral("@/x.png")}
                               << 2 << false;
    QTest::newRow("bad width") << QStringList{QStringLiteral("--width"), QStringLiteral("wide"),
                                              QStringLiteral("--out"), QStringLiteral("@/x.png")}
                               << 2 << false;
    QTest::newRow("no out") << QStringList{} << 2 << false;
    QTest::newRow("unwritable") << QStringList{QStringLiteral("--chart"), QStringLiteral("cdf"),
                                               QStringLiteral("--out"),
                                               QStringLiteral("/proc/nope/cdf.png")}
                                << 1 << false;
    QTest::newRow("sweep svg") << QStringList{QStringLiteral("--chart"), QStringLiteral("sweep"),
                                              QStringLiteral("--metric"), QStringLiteral("makespan"),
                                              QStringLiteral("--format"), QStringLiteral("svg"),
                                              QStringLiteral("--out"), QStringLiteral("@/sweep.svg")}
                               << 0 << true;
    QTest::newRow("heatmap pdf") << QStringList{QStringLiteral("--chart"),
                                                QStringLiteral("heatmap"),
                                                QStringLiteral("--out"),
                                                QStringLiteral("@/heatmap.pdf")}
                                 << 0 << true;
    QTest::newRow("sweep all") << QStringList{QStringLiteral("--out"), QStringLiteral("@/sweep-all")}
                               << 0 << true;
    QTest::newRow("run chart of a sweep")
        << QStringList{QStringLiteral("--chart"), QStringLiteral("cdf"), QStringLiteral("--out"),
                       QStringLiteral("@/x.png")}
        << 2 << true;
    QTest::newRow("sweep chart of a run")
        << QStringList{QStringLiteral("--chart"), QStringLiteral("heatmap"), QStringLiteral("--out"),
                       QStringLiteral("@/x.png")}
        << 2 << false;
    QTest::newRow("bad metric") << QStringList{QStringLiteral("--chart"), QStringLiteral("sweep"),
                                               QStringLiteral("--metric"), QStringLiteral("speed"),
                                               QStringLiteral("--out"), QStringLiteral("@/x.png")}
                                << 2 << true;
  }

  void cli_chart_command() {
    QFETCH(QStringList, args);
    QFETCH(int, exit_code);
    QFETCH(bool, sweep);
    const QString results =
        m_dir.filePath(sweep ? QStringLiteral("sweep.json") : QStringLiteral("results.json"));
    if (!QFile::exists(results))
      save_results(sweep ? test::hand_made_sweep(true) : m_results, results.toStdString());
    for (QString &a : args)
      a.replace(QLatin1Char('@'), m_dir.path());
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(CONLAB_CLI), QStringList{QStringLiteral("chart"), results} + args);
    QVERIFY(cli.waitForFinished(60'000));
    QVERIFY2(cli.exitCode() == exit_code, cli.readAllStandardError().constData());
    if (sweep && exit_code == 0) {
      const QString out = args.last();
      if (QFileInfo(out).isDir())
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 2); // sweep and heatmap
      else
        QVERIFY(QFileInfo(out).size() > 1000);
    }
  }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
