// A report on one results file as a list of sections, built once and then laid out by the HTML
// and the PDF writer alike. Text is plain (each writer escapes it); charts are made on demand.
#pragma once

#include "core/results/results.h"
#include "ui/charts/chart_factory.h"

#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <variant>
#include <vector>

class QChart;

namespace conlab::ui {

struct ReportParagraph {
  QString text;
};

struct ReportTable {
  QStringList header;        // empty: a two-column table of names (bold) and values
  QList<QStringList> rows;   // every row as long as the header
  QList<int> number_columns; // aligned right
  QString note;              // read under the table: units, how a column is computed
};

struct ReportChart {
  QString name;         // "cdf": the HTML id of its figure
  QString title;        // "Response time (CDF)": names the chart (SVG <title>, errors); the chart
                        // draws its own, longer title
  QString caption;      // how to read it
  double aspect = 0.55; // height / width; each writer picks the width
  std::function<QChart *()> make; // a new chart for each rendering, owned by the caller
};

// One variant's explanation, marked in the variant's chart colour.
struct ReportNote {
  int colour = 0;  // the variant's index (variant_colour)
  QString heading; // "/a · event_loop"
  QString detail;  // "measured 5.02 s; predicted 5.00 s (N·S = 100 × 50 ms)"
  QString text;
};

using ReportBlock = std::variant<ReportParagraph, ReportTable, ReportChart, ReportNote>;

struct ReportSection {
  QString id; // "experiment", "environment", ...: HTML anchors, tests
  QString heading;
  std::vector<ReportBlock> blocks;
};

struct ReportDocument {
  QString title;
  QString subtitle; // what ran, where, when
  std::vector<ReportSection> sections;

  std::vector<const ReportChart *> charts() const; // every chart, in reading order
};

struct ReportOptions {
  QString title;       // empty: "<experiment name> — Concurrency Lab report"
  ChartOptions charts; // axis choices, as the desktop lab shows them
  // A baseline to compare the run with (conlab-cli report --compare): a "Compared with" section.
  std::shared_ptr<const RunResults> baseline;
  QString baseline_name;    // its file, as the reader knows it
  bool allow_mixed = false; // compare across machines of different kinds
};

// A chart of the report: made on demand from shared data, its title without the run caption
// (the report's title says what ran; the chart keeps what it shows).
ReportChart report_chart(ChartKind kind, std::shared_ptr<const ChartData> data,
                         const ChartOptions &options, QString name, QString title, QString caption,
                         double aspect);

// Copies whatever the charts print from the results without characters XML cannot hold: labels
// come from user files and end up in SVG and PDF.
void make_printable(ChartData &data);

// Pure of any painting: only the charts' `make` needs a QApplication, and only when called.
ReportDocument build_report(const RunResults &results, const ReportOptions &options = {});

// The sections of the report in order, each a function of the results (report_sections.cpp).
ReportSection experiment_section(const RunResults &results);
ReportSection environment_section(const RunResults &results);
ReportSection summary_section(const RunResults &results);
// Where each variant's response time went (report_causes.cpp); only for results where some
// variant's split is known (split_any_causes).
ReportSection causes_section(const RunResults &results);
bool split_any_causes(const RunResults &results);
ReportSection prediction_section(const RunResults &results);
// Only for results with a variant that ran under a GIL.
ReportSection gil_section(const RunResults &results);
ReportSection processes_section(const RunResults &results); // process_pool, multi_loop processes
ReportSection cost_section(const RunResults &results);      // what one task cost, per variant
ReportSection charts_section(const RunResults &results, const ReportOptions &options);
ReportSection explanations_section(const RunResults &results);

// Extension point for sweeps (report_sweep.cpp): appends the sections a sweep's results add
// (its charts over the swept parameters, ...). Adds nothing for results without a sweep.
void append_sweep_sections(const RunResults &results, const ReportOptions &options,
                           std::vector<ReportSection> &sections);

// With options.baseline: the run (B) against it (A), by compare's rules, two sweeps point by point
// (report_compare.cpp). Adds nothing without a baseline.
void append_compare_section(const RunResults &results, const ReportOptions &options,
                            std::vector<ReportSection> &sections);

} // namespace conlab::ui
