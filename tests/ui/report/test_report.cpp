// The report: the document says what ran in words; the HTML page is well-formed XML with every
// chart inline and nothing fetched from elsewhere; the PDF has the pages, text and charts a
// reader needs, no chart or table row cut by a page break; conlab-cli report and File → Export
// report… write it.
#include "core/results/results_json.h"
#include "core/util/format.h"
#include "tests/ui/report/report_checks.h"
#include "tests/ui/sweep_fixtures.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/charts/chart_data.h"
#include "ui/latency/cause_words.h"
#include "ui/main_window.h"
#include "ui/report/report_document.h"
#include "ui/report/report_export_dialog.h"
#include "ui/report/report_file.h"
#include "ui/report/report_html.h"
#include "ui/report/report_pagination.h"
#include "ui/report/report_pdf.h"

#include <QAction>
#include <QBuffer>
#include <QMenu>
#include <QMenuBar>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace conlab;
using namespace conlab::ui;
using namespace conlab::ui::test;

namespace {

// A label and a name with everything markup could trip on, and a control character that XML
// cannot carry at all (it is dropped).
const QString kAwkwardLabel = QStringLiteral("/a <b>&amp; \"q\" 'x'");
const std::string kAwkwardName = "article <&> \x01test";

// What a poppler tool prints (pdfinfo, pdftotext); fails the test when it is missing.
// A variant's explanation as the report prints it: the label's control character dropped (the
// explanation names a coroutine variant by its label).
QString explanation_as_printed(const VariantResult &v) {
  return collapse_whitespace(QString::fromStdString(v.explanation).remove(QChar(0x01)));
}

QString run_tool(const QString &tool, const QStringList &args) {
  QProcess p;
  p.start(tool, args);
  if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
    return QStringLiteral("<%1 failed: %2 %3; poppler-utils is installed by scripts/setup-deps>")
        .arg(tool, p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()));
  return QString::fromUtf8(p.readAllStandardOutput());
}

// The section with `id`; the sections a run has depend on what it ran (a GIL, processes).
const ReportSection &section_of(const ReportDocument &doc, const QString &id) {
  for (const ReportSection &s : doc.sections)
    if (s.id == id)
      return s;
  static const ReportSection none;
  return none;
}

PdfLayout layout_of(const ReportDocument &doc) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QPdfWriter writer(&buffer);
  return layout_report_pdf(doc, writer);
}

} // namespace

class TestReport : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  RunResults m_results;
  ReportDocument m_doc;
  QString m_results_path;

  QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Experiment e = test::tiny_article(8, 0.01);
    e.name = kAwkwardName;
    e.variants[0].label = kAwkwardLabel.toStdString() + "\x01";
    m_results = run_experiment(e);
    m_doc = build_report(m_results);
    m_results_path = path(QStringLiteral("results.json"));
    save_results(m_results, m_results_path.toStdString());
    save_results(test::hand_made_sweep(), path(QStringLiteral("sweep.json")).toStdString());
  }

  void document_has_every_section_in_order() {
    QStringList ids;
    for (const ReportSection &s : m_doc.sections)
      ids << s.id;
    QCOMPARE(ids, (QStringList{"experiment", "environment", "summary", "causes", "cost",
                               "prediction", "charts", "explanations"}));
    QCOMPARE(m_doc.charts().size(), std::size_t(all_chart_kinds().size()));
    QVERIFY(m_doc.title.startsWith(QStringLiteral("article <&> test")));
  }

  // A run with a GIL variant gets a section of the lock's figures, after the summary, with a
  // row for that variant only; the variant's threads say it has the lock.
  void gil_variants_get_their_section() {
    Experiment e = test::tiny_article(8, 0.01);
    e.variants[3].gil = GilKind::cpython;
    e.variants[3].background_cpu_threads = 1;
    const RunResults results = run_experiment(e);
    const ReportDocument doc = build_report(results);
    // The timeline carries the variant's waits for the lock, each inside its task's bar.
    const ChartData charts = build_chart_data(results);
    int hatched = 0;
    for (const TimelineBar &bar : charts.variants[3].bars)
      for (const auto &[from, to] : bar.gil_waits) {
        ++hatched;
        QVERIFY(from >= bar.start_s - 1e-6 && to <= bar.end_s + 1e-6 && from <= to);
      }
    QVERIFY(hatched > 0);
    for (const TimelineBar &bar : charts.variants[0].bars)
      QVERIFY(bar.gil_waits.empty());
    QStringList ids;
    for (const ReportSection &s : doc.sections)
      ids << s.id;
    QCOMPARE(ids, (QStringList{"experiment", "environment", "summary", "causes", "gil", "cost",
                               "prediction", "charts", "explanations"}));
    const auto &table =
        std::get<ReportTable>(section_of(doc, QStringLiteral("gil")).blocks.front());
    QCOMPARE(table.rows.size(), 1);
    QCOMPARE(table.rows.front().front(), QString::fromStdString(e.variants[3].label));
    const auto &variants = std::get<ReportTable>(doc.sections[0].blocks[2]);
    QVERIFY2(variants.rows[3][3].contains(QStringLiteral("one GIL, switch interval 5.00 ms")),
             qPrintable(variants.rows[3][3]));
    QVERIFY2(variants.rows[3][3].contains(QStringLiteral("1 background CPU thread")),
             qPrintable(variants.rows[3][3]));
  }

  // The article's variants as a reader would say them (the preset: 1 s steps, C = N).
  void experiment_is_in_words() {
    const ReportSection &s = m_doc.sections.front();
    const auto *load = std::get_if<ReportParagraph>(&s.blocks[1]);
    QVERIFY(load);
    QVERIFY2(load->text.contains(QStringLiteral("closed: 8 tasks from 8 clients")),
             qPrintable(load->text));
    QVERIFY(load->text.contains(QStringLiteral("(all 8 at once)")));
    const auto *variants = std::get_if<ReportTable>(&s.blocks[2]);
    QVERIFY(variants);
    QCOMPARE(variants->rows.size(), 4);
    QCOMPARE(variants->rows[0][0], kAwkwardLabel); // the control character dropped
    QCOMPARE(variants->rows[0][4], QStringLiteral("one blocking I/O call of 1 s"));
    QCOMPARE(variants->rows[2][4], QStringLiteral("one non-blocking wait of 1 s"));
    QVERIFY2(variants->rows[1][3].contains(QStringLiteral("Python's default executor")),
             qPrintable(variants->rows[1][3]));
    QVERIFY(variants->rows[3][3].startsWith(QStringLiteral("a pool of 40 threads")));
    QVERIFY(variants->rows[0][2].contains(QStringLiteral("async def")));
    const auto *scale = std::get_if<ReportParagraph>(&s.blocks.back());
    QVERIFY(scale && scale->text.startsWith(QStringLiteral("Time scale 0.01")));
  }

  void cost_table_has_each_variant_per_task() {
    const ReportSection &s = section_of(m_doc, QStringLiteral("cost"));
    QCOMPARE(s.id, QStringLiteral("cost"));
    const auto &t = std::get<ReportTable>(s.blocks.front());
    QCOMPARE(t.rows.size(), 4);
    for (int i = 0; i < 4; ++i) {
      const TaskCost &c = m_results.variants[static_cast<std::size_t>(i)].summary.cost;
      QVERIFY(c.measured);
      QCOMPARE(t.rows[i][1], QString::fromStdString(human_count(c.peak_in_flight)));
      QCOMPARE(t.rows[i][2], QString::fromStdString(human_bytes(c.memory_per_task_bytes)));
    }
  }

  // Where each variant's time went: a row per variant, its largest part, and a column per cause
  // some variant spent a part in, each the share of its results.
  void causes_table_has_each_variant_share() {
    const ReportSection &s = section_of(m_doc, QStringLiteral("causes"));
    QCOMPARE(s.heading, QStringLiteral("Where the time went"));
    const auto &t = std::get<ReportTable>(s.blocks.front());
    QCOMPARE(t.rows.size(), 4);
    QCOMPARE(t.header.mid(0, 2),
             (QStringList{QStringLiteral("Variant"), QStringLiteral("Largest part")}));
    std::vector<CauseSplit> splits;
    for (const VariantResult &v : m_results.variants)
      splits.push_back(v.summary.causes);
    const std::vector<Cause> shown = causes_shown(splits);
    QVERIFY(!shown.empty());
    QCOMPARE(t.header.size(), 2 + static_cast<qsizetype>(shown.size()));
    for (int i = 0; i < 4; ++i) {
      const CauseSplit &split = m_results.variants[static_cast<std::size_t>(i)].summary.causes;
      QCOMPARE(t.rows[i][1], cause_name(*largest_part(split)));
      for (std::size_t k = 0; k < shown.size(); ++k) {
        QCOMPARE(t.header[2 + static_cast<qsizetype>(k)], cause_name(shown[k]));
        QCOMPARE(t.rows[i][2 + static_cast<qsizetype>(k)],
                 share_text(shown_share(split, shown[k])));
      }
    }
    // A run whose variants finished nothing has nothing to split, and no such section.
    RunResults none = m_results;
    for (VariantResult &v : none.variants)
      v.summary.causes = CauseSplit{};
    const ReportDocument doc = build_report(none);
    QVERIFY(section_of(doc, QStringLiteral("causes")).id.isEmpty());
  }

  void prediction_table_has_the_error_of_each_variant() {
    const auto &t =
        std::get<ReportTable>(section_of(m_doc, QStringLiteral("prediction")).blocks.front());
    QCOMPARE(t.rows.size(), 4);
    for (int i = 0; i < 4; ++i) {
      const VariantResult &v = m_results.variants[static_cast<std::size_t>(i)];
      const double error = v.summary.makespan_s / *v.prediction.makespan_s - 1;
      // The sign and the magnitude to the shown precision.
      const QString shown = t.rows[i][3];
      QVERIFY2(shown.startsWith(error > 0 ? QLatin1Char('+') : QLatin1Char('-')) ||
                   shown == QLatin1String("0%"),
               qPrintable(shown));
      QVERIFY2(std::abs(shown.chopped(1).toDouble() - error * 100) <
                   std::max(0.051, std::abs(error) * 100 * 0.06),
               qPrintable(shown + QStringLiteral(" vs ") + QString::number(error * 100)));
    }
    QVERIFY(t.header.contains(QStringLiteral("Claimed"))); // the article's numbers
  }

  void html_is_well_formed_self_contained_and_complete() {
    const QByteArray html = report_html(m_doc);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    const HtmlScan scan = scan_html(html);
    QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
    QVERIFY2(scan.external.isEmpty(), qPrintable(scan.external.join(QLatin1Char('\n'))));
    QCOMPARE(scan.svg_titles.size(), all_chart_kinds().size());
    for (ChartKind kind : all_chart_kinds())
      QVERIFY2(std::any_of(scan.svg_titles.begin(), scan.svg_titles.end(),
                           [&](const QString &t) { return t.contains(chart_title(kind)); }),
               qPrintable(chart_title(kind)));
    // Text survives escaping both ways: labels as given, every explanation in full.
    QVERIFY(scan.text.contains(kAwkwardLabel));
    QVERIFY(!html.contains("<b>&amp;")); // the label's markup stays text
    for (const VariantResult &v : m_results.variants) {
      QVERIFY(scan.text.contains(explanation_as_printed(v)));
      QVERIFY(scan.text.contains(QString::fromStdString(v.prediction.formula)));
    }
    // Ids stay unique although every chart's SVG defines the same ones.
    static const QRegularExpression id(QStringLiteral(" id=\"([^\"]+)\""));
    QSet<QString> ids;
    for (const auto &m : id.globalMatch(QString::fromUtf8(html))) {
      QVERIFY2(!ids.contains(m.captured(1)), qPrintable(m.captured(1)));
      ids.insert(m.captured(1));
    }
    QVERIFY(ids.size() > all_chart_kinds().size());
  }

  void html_scan_finds_what_would_be_fetched() {
    // The check above would be worthless if it could not see these.
    const QByteArray page =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>@import \"x.css\";</style>"
        "<link rel=\"stylesheet\" href=\"a.css\"/></head><body>"
        "<p style=\"background: url(img.png)\">see http://example.org</p>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#ok)\"/>"
        "<use href=\"https://example.org/s.svg#a\"/></svg></body></html>";
    const HtmlScan scan = scan_html(page);
    QVERIFY(scan.error.isEmpty());
    QCOMPARE(scan.external.filter(QStringLiteral("@import")).size(), 1);
    QCOMPARE(scan.external.filter(QStringLiteral("url(img.png")).size(), 1);
    QCOMPARE(scan.external.filter(QStringLiteral("<link>")).size(), 1);
    QCOMPARE(scan.external.filter(QStringLiteral("href=https:")).size(), 1);
    QCOMPARE(scan.external.filter(QStringLiteral("#ok")).size(), 0);
    QCOMPARE(scan.external.filter(QStringLiteral("href=a.css")).size(), 1);
    QCOMPARE(scan.external.filter(QStringLiteral("see ")).size(), 0); // text fetches nothing
  }

  void pdf_has_pages_text_and_unbroken_charts() {
    const QString file = path(QStringLiteral("report.pdf"));
    QCOMPARE(write_report(m_results, {}, file), QString());
    const PdfLayout layout = layout_of(m_doc);
    QStringList broken = check_layout(layout);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    int charts = 0;
    for (const Placement &p : layout.placements)
      charts += layout.boxes[static_cast<std::size_t>(p.box)].kind == PdfBoxKind::chart;
    QCOMPARE(charts, all_chart_kinds().size());

    const QString info = run_tool(QStringLiteral("pdfinfo"), {file});
    const QRegularExpressionMatch pages =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    QCOMPARE(pages.captured(1).toInt(), layout.pages);
    QVERIFY(layout.pages >= 3); // seven charts do not fit on two A4 pages
    QVERIFY(info.contains(QStringLiteral("A4")));

    const QString text = collapse_whitespace(run_tool(QStringLiteral("pdftotext"), {file, "-"}));
    QVERIFY2(text.contains(QStringLiteral("page 1 of %1").arg(layout.pages)), qPrintable(text));
    for (const QString &heading :
         {QStringLiteral("Experiment"), QStringLiteral("Environment"),
          QStringLiteral("Measured vs predicted"), QStringLiteral("Explanations")})
      QVERIFY2(text.contains(heading), qPrintable(heading));
    QVERIFY2(text.contains(kAwkwardLabel + QStringLiteral(" · event_loop")), qPrintable(text));
    for (const VariantResult &v : m_results.variants)
      QVERIFY2(text.contains(explanation_as_printed(v)),
               qPrintable(QString::fromStdString(v.explanation)));
  }

  // A two-parameter sweep (tests/ui/sweep_fixtures.h): the grid in words, each variant's
  // findings as sentences, a line chart per metric and a heatmap per metric, every point in a
  // table, in the HTML and in the PDF alike.
  void sweep_report_has_findings_charts_and_every_point() {
    const RunResults sweep = test::hand_made_sweep(true);
    const ReportDocument doc = build_report(sweep);
    QStringList ids;
    for (const ReportSection &s : doc.sections)
      ids << s.id;
    QCOMPARE(ids, (QStringList{"experiment", "environment", "sweep"}));
    const ReportSection &s = doc.sections.back();

    const auto *words = std::get_if<ReportParagraph>(&s.blocks.front());
    QVERIFY(words);
    QVERIFY2(words->text.contains(QStringLiteral("P = 1 … P = 8 (4 values) × C = 1 … C = 3 "
                                                 "(3 values): 24 of 24 runs done, 2 repeats")),
             qPrintable(words->text));

    QStringList notes;
    for (const ReportBlock &b : s.blocks)
      if (const auto *n = std::get_if<ReportNote>(&b))
        notes << n->heading + QStringLiteral(": ") + n->text;
    QCOMPARE(notes.size(), 2);
    // The fixture's pool disagrees with its simulation at P = 2 (measured twice as fast).
    QVERIFY2(notes[0].startsWith(QStringLiteral("pool · thread_pool: Measured and simulated "
                                                "makespan disagree by more than 10% at 3 of 12")),
             qPrintable(notes[0]));
    QVERIFY2(notes[0].contains(QStringLiteral("faster than the simulation, so the model misses "
                                              "something here.")),
             qPrintable(notes[0]));
    QVERIFY2(notes[1].contains(QStringLiteral("within 10% of the simulation at all 12 points.")),
             qPrintable(notes[1]));

    // Six metrics (the event loop has a loop lag) and two heatmaps.
    QStringList charts;
    for (const ReportChart *c : doc.charts())
      charts << c->name;
    QCOMPARE(charts, (QStringList{"sweep-throughput", "sweep-makespan", "sweep-p50", "sweep-p99",
                                  "sweep-cpu", "sweep-loop_lag", "heatmap-throughput",
                                  "heatmap-makespan"}));

    const auto *table = std::get_if<ReportTable>(&s.blocks.back());
    QVERIFY(table);
    QCOMPARE(table->rows.size(), 24);       // 12 points × 2 variants
    const QStringList &p2 = table->rows[6]; // P = 2, C = 1, the pool
    QCOMPARE(p2.mid(0, 3), (QStringList{"P = 2, C = 1", "pool", "2"}));
    QVERIFY2(p2[5].contains(QStringLiteral("50%")) && !p2[5].startsWith(QLatin1Char('+')),
             qPrintable(p2.join(QLatin1Char('|'))));

    const HtmlScan scan = scan_html(report_html(doc));
    QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
    QVERIFY2(scan.external.isEmpty(), qPrintable(scan.external.join(QLatin1Char('\n'))));
    QCOMPARE(scan.svg_titles.size(), charts.size());
    QVERIFY(scan.text.contains(QStringLiteral("P = 8, C = 3")));

    const PdfLayout layout = layout_of(doc);
    const QStringList broken = check_layout(layout);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    int drawn = 0;
    for (const Placement &p : layout.placements)
      drawn += layout.boxes[static_cast<std::size_t>(p.box)].kind == PdfBoxKind::chart;
    QCOMPARE(drawn, charts.size());
  }

  // With a baseline, a "Compared with" section by compare's rules: two sweeps point by point, the
  // verdict, the sweep charts overlaid (B dashed), a table naming the point that changed.
  void compare_section_of_two_sweeps() {
    // Five runs a point (the fixture's two, and three more between them): enough for a verdict.
    const auto five_runs = [](RunResults r) {
      for (SweepPoint &point : r.sweep->points)
        for (SweepVariantPoint &v : point.variants)
          for (double shift : {-5.0, 0.0, 5.0}) {
            SweepMeasurement m = v.measurements[0];
            m.repeat = static_cast<int>(v.measurements.size());
            m.metrics.throughput_per_s += 10 + shift;
            v.measurements.push_back(m);
          }
      return r;
    };
    RunResults b = five_runs(test::hand_made_sweep());
    for (SweepPoint &point : b.sweep->points)
      if (point.values[0] == 4)
        for (SweepMeasurement &m : point.variants[0].measurements)
          m.metrics.throughput_per_s /= 2; // the pool at P = 4 lost half its throughput
    ReportOptions options;
    options.baseline = std::make_shared<const RunResults>(five_runs(test::hand_made_sweep()));
    options.baseline_name = QStringLiteral("before.json");
    const ReportDocument doc = build_report(b, options);
    const ReportSection &s = doc.sections.back();
    QCOMPARE(s.id, QStringLiteral("compare"));
    QCOMPARE(s.heading, QStringLiteral("Compared with before.json"));
    QString words;
    for (const ReportBlock &block : s.blocks)
      if (const auto *p = std::get_if<ReportParagraph>(&block))
        words += p->text + QLatin1Char('\n');
    QVERIFY2(words.contains(QStringLiteral("Point by point: latency p99:")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("8 points and variants")), qPrintable(words));
    QStringList charts;
    for (const ReportBlock &block : s.blocks)
      if (const auto *c = std::get_if<ReportChart>(&block))
        charts << c->name;
    QCOMPARE(charts, (QStringList{"compare-sweep-p99", "compare-sweep-throughput"}));
    const auto *table = std::get_if<ReportTable>(&s.blocks.back());
    QVERIFY(table);
    bool pool_at_4_worse = false;
    for (const QStringList &row : table->rows)
      if (row[0] == QStringLiteral("P = 4 · pool") && row[1] == QStringLiteral("throughput/s"))
        pool_at_4_worse = row[6] == QStringLiteral("worse");
    QVERIFY(pool_at_4_worse);
    const HtmlScan scan = scan_html(report_html(doc));
    QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
    QVERIFY(scan.text.contains(QStringLiteral("Compared with before.json")));
    const PdfLayout layout = layout_of(doc);
    const QStringList broken = check_layout(layout);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
  }

  // A long table and many charts: rows never split, the header repeated on each page.
  void long_tables_and_many_charts_paginate() {
    ReportDocument doc = m_doc;
    ReportTable table{{QStringLiteral("Row"), QStringLiteral("Words")}, {}, {0}, {}};
    for (int i = 0; i < 150; ++i)
      table.rows << QStringList{QString::number(i),
                                QStringLiteral("a cell that wraps onto a second line when the "
                                               "column is narrow, row %1 ")
                                    .repeated(1 + i % 3)
                                    .arg(i)};
    doc.sections.push_back({QStringLiteral("long"), QStringLiteral("A long table"), {table}});
    const ReportSection charts = section_of(doc, QStringLiteral("charts"));
    QCOMPARE(charts.id, QStringLiteral("charts"));
    doc.sections.push_back(charts); // the charts again
    const PdfLayout layout = layout_of(doc);
    const QStringList broken = check_layout(layout);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    int headers = 0;
    for (const Placement &p : layout.placements)
      headers += layout.boxes[static_cast<std::size_t>(p.box)].label == QLatin1String("Row Words");
    QVERIFY2(headers >= 3, qPrintable(QString::number(headers))); // 150 rows span pages
  }

  void paginate_moves_headings_and_repeats_headers() {
    // A heading that fits but whose chart does not goes to the next page with it.
    std::vector<Placement> p = paginate({{80, 0, false}, {10, 5, true}, {30, 5, false}}, 100);
    QCOMPARE(p.size(), std::size_t(3));
    QCOMPARE(p[1].page, 1);
    QCOMPARE(p[1].y, 0.0); // space before dropped at the top of a page
    QCOMPARE(p[2].page, 1);
    QCOMPARE(p[2].y, 15.0);
    // A box taller than a page gets one of its own; the next starts a new one.
    p = paginate({{50, 0, false}, {150, 0, false}, {10, 0, false}}, 100);
    QCOMPARE(p[1].page, 1);
    QCOMPARE(p[2].page, 2);
    // Header 10 and rows of 20 on pages of 100: four rows a page, each page under a header.
    std::vector<PageBox> rows = {{10, 0, true}};
    for (int i = 0; i < 10; ++i)
      rows.push_back({20, 0, false, 0});
    p = paginate(rows, 100);
    QCOMPARE(p.size(), std::size_t(13)); // 11 boxes and 2 repeated headers
    int page = -1;
    for (const Placement &placed : p) {
      if (placed.page != page) {
        QCOMPARE(placed.box, 0); // each page starts with the header
        page = placed.page;
      }
      QVERIFY(placed.y + rows[static_cast<std::size_t>(placed.box)].height <= 100);
    }
    QCOMPARE(page, 2);
  }

  void cli_writes_reports_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<QString>("says");
    QTest::newRow("html") << QStringList{"@results", "--out", "@/r.html"} << 0
                          << QStringLiteral("wrote ");
    QTest::newRow("pdf with title")
        << QStringList{"@results", "--out", "@/r.PDF", "--title", "Tuesday's run"} << 0
        << QStringLiteral("wrote ");
    QTest::newRow("unwritable") << QStringList{"@results", "--out", "/proc/nope/r.html"} << 1
                                << QStringLiteral("cannot write /proc/nope/r.html");
    QTest::newRow("compared with itself")
        << QStringList{"@results", "--compare", "@results", "--out", "@/c.html"} << 0
        << QStringLiteral("wrote ");
    QTest::newRow("compared with a sweep")
        << QStringList{"@results", "--compare", "@/sweep.json", "--out", "@/c.html"} << 2
        << QStringLiteral("is a single run and");
    // The messages for bad arguments and unreadable results: tests/app/cli/test_cli_report.cpp.
  }

  void cli_writes_reports() {
    QFETCH(QStringList, args);
    QFETCH(int, exit_code);
    QFETCH(QString, says);
    for (QString &a : args)
      a = a == QLatin1String("@results") ? m_results_path
                                         : a.replace(QLatin1Char('@'), m_dir.path());
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
      env.remove(QLatin1String(name));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(CONLAB_CLI), QStringList{QStringLiteral("report")} + args);
    QVERIFY(cli.waitForFinished(60'000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == exit_code, qPrintable(out));
    QVERIFY2(out.contains(says), qPrintable(out));
    if (exit_code != 0)
      return;
    const QString written = args[args.indexOf(QStringLiteral("--out")) + 1];
    QFile file(written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (written.endsWith(QLatin1String(".html"))) {
      const HtmlScan scan = scan_html(bytes);
      QVERIFY(scan.error.isEmpty());
      if (args.contains(QStringLiteral("--compare")))
        QVERIFY(scan.text.contains(QStringLiteral("Compared with")));
    } else {
      QVERIFY(bytes.startsWith("%PDF"));
      QVERIFY(
          run_tool(QStringLiteral("pdfinfo"), {written}).contains(QStringLiteral("Tuesday's run")));
    }
  }

  void desktop_exports_the_results_shown() {
    MainWindow w;
    QAction *action = w.findChild<QAction *>(QStringLiteral("export_report"));
    QVERIFY(action);
    QMenu *file = nullptr;
    for (QAction *menu : w.menuBar()->actions())
      if (menu->text() == QStringLiteral("&File"))
        file = menu->menu();
    QVERIFY(file && file->actions().contains(action));
    QVERIFY(!action->isEnabled()); // nothing to report yet
    QSignalSpy shown(&w, &MainWindow::results_shown);
    QVERIFY(w.open_file(m_results_path));
    QVERIFY(shown.wait(30'000));
    QVERIFY(action->isEnabled());
    // The dialog's answer: a name without a suffix takes the chosen filter's.
    QCOMPARE(report_path_with_suffix(QStringLiteral("/t/r"), QStringLiteral("PDF report (*.pdf)")),
             QStringLiteral("/t/r.pdf"));
    QCOMPARE(report_path_with_suffix(QStringLiteral("/t/r"), QStringLiteral("HTML (*.html)")),
             QStringLiteral("/t/r.html"));
    QCOMPARE(report_path_with_suffix(QStringLiteral("/t/r.htm"), QStringLiteral("PDF (*.pdf)")),
             QStringLiteral("/t/r.htm"));
    // What the action writes for the results on screen.
    const QString out = path(QStringLiteral("from-window.html"));
    QCOMPARE(write_report(*w.results(), {}, out), QString());
    QVERIFY(scan_html([&] {
              QFile f(out);
              return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }())
                .error.isEmpty());
  }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
