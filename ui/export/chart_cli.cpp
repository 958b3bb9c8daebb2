#include "ui/export/chart_cli.h"

#include "ui/export/chart_export.h"
#include "ui/gui_command.h"

#include <QDir>
#include <QFileInfo>

#include <iostream>
#include <optional>

namespace conlab::ui {
namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitBadInput = 2;

struct ChartArgs {
  std::string results;
  std::string chart = "all";
  std::string format;
  std::string out;
  std::string metric = "throughput"; // of the sweep charts
  int width = 1200, height = 700, dpi = 96;
  bool log_axes = true, cdf_log_x = false, help = false;
};

struct BadArgument {
  std::string message;
};

int to_int(const std::string &option, const std::string &text, int min, int max) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= min && value <= max)
      return value;
  } catch (const std::exception &) {
  }
  throw BadArgument{option + " must be a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max) + " (got '" + text + "')"};
}

ChartArgs parse(const std::vector<std::string> &args) {
  ChartArgs out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&]() -> const std::string & {
      if (i + 1 >= args.size())
        throw BadArgument{a + " needs a value"};
      return args[++i];
    };
    if (a == "--help" || a == "-h")
      out.help = true;
    else if (a == "--chart")
      out.chart = value();
    else if (a == "--format")
      out.format = value();
    else if (a == "--metric")
      out.metric = value();
    else if (a == "--out" || a == "-o")
      out.out = value();
    else if (a == "--width")
      out.width = to_int(a, value(), 16, 20000);
    else if (a == "--height")
      out.height = to_int(a, value(), 16, 20000);
    else if (a == "--dpi")
      out.dpi = to_int(a, value(), 10, 1200);
    else if (a == "--linear")
      out.log_axes = false;
    else if (a == "--log-x")
      out.cdf_log_x = true;
    else if (a.starts_with("-"))
      throw BadArgument{"unknown option '" + a + "' for chart (conlab-cli chart --help)"};
    else if (out.results.empty())
      out.results = a;
    else
      throw BadArgument{"unexpected argument '" + a + "' (one results file per call)"};
  }
  if (out.help)
    return out;
  if (out.results.empty())
    throw BadArgument{"chart needs a results file (conlab-cli run ... --out results.json)"};
  if (out.out.empty())
    throw BadArgument{"chart needs --out PATH (a file, or a folder with --chart all)"};
  if (out.chart != "all" && !chart_kind_from_name(QString::fromStdString(out.chart))) {
    QStringList names;
    for (ChartKind kind : all_chart_kinds())
      names << chart_name(kind);
    throw BadArgument{
        "unknown chart '" + out.chart + "' (" + names.join(QStringLiteral(", ")).toStdString() +
        "; for a run with --watch: server; for a sweep: sweep, heatmap; for a capacity search: "
        "capacity; all)"};
  }
  if (!parse_sweep_metric(out.metric))
    throw BadArgument{"unknown metric '" + out.metric + "' (" + sweep_metric_names() + ")"};
  if (out.format.empty()) {
    const QString suffix = QFileInfo(QString::fromStdString(out.out)).suffix().toLower();
    out.format = format_from_name(suffix) ? suffix.toStdString() : "png";
  }
  if (!format_from_name(QString::fromStdString(out.format)))
    throw BadArgument{"unknown format '" + out.format + "' (png, svg, pdf)"};
  return out;
}

} // namespace

const char *chart_usage() {
  return R"(Usage: conlab-cli chart RESULTS.json --out PATH [options]

Renders the charts of a results file (written by `conlab-cli run --out`) without a display.

Options:
  --chart NAME     summary, causes, cost, cdf, histogram, latencymap, throughput,
                   inflight, timeline, looplag, server (a load with --watch) or all
                   (default all: PATH is then a folder, one file per chart); a sweep's
                   results (conlab-cli sweep) have sweep and, for two parameters, heatmap;
                   a capacity search (conlab-cli capacity --out) has capacity
  --metric M       what the sweep charts draw: throughput (default), makespan, p50, p99,
                   cpu, loop_lag
  --format FMT     png, svg or pdf (default: from PATH's suffix, else png)
  --out PATH       the file to write (a folder with --chart all)
  --width W        width in pixels (default 1200)
  --height H       height in pixels (default 700)
  --dpi D          resolution (default 96; PNG keeps W×H pixels and scales text by D/96)
  --linear         linear axes everywhere (default: log where the data spans decades)
  --log-x          response-time CDF on a log x axis

Exit codes: 0 written, 1 could not write, 2 bad arguments or unreadable results.
)";
}

int chart_command(int argc, char **argv, const std::vector<std::string> &args) {
  ChartArgs a;
  try {
    a = parse(args);
  } catch (const BadArgument &e) {
    std::cerr << "error: " << e.message << '\n';
    return kExitBadInput;
  }
  if (a.help) {
    std::cout << chart_usage();
    return kExitOk;
  }
  const std::optional<ChartData> loaded = chart_data_for_command(a.results);
  if (!loaded)
    return kExitBadInput;
  const ChartData &data = *loaded;
  int qt_argc = std::min(argc, 1);
  const auto app = make_headless_application(qt_argc, argv);
  ExportOptions options;
  options.format = *format_from_name(QString::fromStdString(a.format));
  options.size = QSize(a.width, a.height);
  options.dpi = a.dpi;
  options.chart.log_axes = a.log_axes;
  options.chart.cdf_log_x = a.cdf_log_x;
  options.chart.sweep_metric = *parse_sweep_metric(a.metric);
  if (a.chart != "all") {
    const ChartKind kind = *chart_kind_from_name(QString::fromStdString(a.chart));
    if (!chart_kinds_for(data).contains(kind)) {
      QStringList names;
      for (ChartKind k : chart_kinds_for(data))
        names << chart_name(k);
      std::cerr << "error: " << a.results << " has no " << a.chart << " chart: it holds "
                << (data.capacity ? "a capacity search"
                    : data.sweep  ? "a sweep"
                                  : "a single run")
                << " (charts: " << names.join(QStringLiteral(", ")).toStdString() << ")\n";
      return kExitBadInput;
    }
  }
  const QString out = QString::fromStdString(a.out);
  QStringList problems, written;
  // One chart to draw and a file name to draw it in: "all" is that one file, not a folder.
  const bool one_file = chart_kinds_for(data).size() == 1 &&
                        format_from_name(QFileInfo(out).suffix().toLower()).has_value();
  if (a.chart == "all" && one_file) {
    const QString error = export_chart(chart_kinds_for(data).front(), data, out, options);
    error.isEmpty() ? written << out : problems << error;
  } else if (a.chart == "all") {
    problems = export_all_charts(data, out, options, &written);
  } else {
    const QString error =
        export_chart(*chart_kind_from_name(QString::fromStdString(a.chart)), data, out, options);
    error.isEmpty() ? written << out : problems << error;
  }
  for (const QString &path : written)
    std::cout << "wrote " << QDir::toNativeSeparators(path).toStdString() << '\n';
  for (const QString &problem : problems)
    std::cerr << "error: " << problem.toStdString() << '\n';
  return problems.isEmpty() ? kExitOk : kExitFailure;
}

} // namespace conlab::ui
