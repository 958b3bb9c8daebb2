#include "ui/report/report_cli.h"

#include "ui/gui_command.h"
#include "ui/report/report_file.h"

#include <QDir>

#include <iostream>

namespace conlab::ui {
namespace {

struct ReportArgs {
  std::string results;
  std::string out;
  std::string title;
  bool log_axes = true, cdf_log_x = false, help = false;
};

ReportArgs parse(const std::vector<std::string> &args) {
  ReportArgs out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&]() -> const std::string & {
      if (i + 1 >= args.size())
        throw BadCommandArgument{a + " needs a value"};
      return args[++i];
    };
    if (a == "--help" || a == "-h")
      out.help = true;
    else if (a == "--out" || a == "-o")
      out.out = value();
    else if (a == "--title")
      out.title = value();
    else if (a == "--linear")
      out.log_axes = false;
    else if (a == "--log-x")
      out.cdf_log_x = true;
    else if (a.starts_with("-"))
      throw BadCommandArgument{"unknown option '" + a + "' for report (conlab-cli report --help)"};
    else if (out.results.empty())
      out.results = a;
    else
      throw BadCommandArgument{"unexpected argument '" + a + "' (one results file per report)"};
  }
  if (out.help)
    return out;
  if (out.results.empty())
    throw BadCommandArgument{"report needs a results file (conlab-cli run ... --out results.json)"};
  if (out.out.empty())
    throw BadCommandArgument{"report needs --out REPORT.html or --out REPORT.pdf"};
  if (!report_format_for(QString::fromStdString(out.out)))
    throw BadCommandArgument{"--out must end in .html or .pdf, which chooses the format (got '" +
                             out.out + "')"};
  return out;
}

} // namespace

const char *report_usage() {
  return R"(Usage: conlab-cli report RESULTS.json --out REPORT.html|REPORT.pdf [options]

Writes one self-contained report of a results file (written by `conlab-cli run --out`): the
experiment in words, the environment, the measurements beside the predictions, every chart and
the explanation of each variant. The HTML page carries its charts as inline SVG and opens with
no network and no other file; the PDF is A4 with vector charts, none cut across pages.

Options:
  --out PATH     the report to write; its suffix chooses the format: .html (or .htm) or .pdf
  --title TEXT   the report's title (default: "<experiment> — Concurrency Lab report")
  --linear       linear axes everywhere (default: log where the data spans decades)
  --log-x        response-time CDF on a log x axis

Exit codes: 0 written, 1 could not write, 2 bad arguments or unreadable results.
)";
}

int report_command(int argc, char **argv, const std::vector<std::string> &args) {
  return run_drawing_command<ReportArgs>(
      argc, argv, args, parse, report_usage(), [](const ReportArgs &a, const RunResults &results) {
        ReportOptions options;
        options.title = QString::fromStdString(a.title);
        options.charts.log_axes = a.log_axes;
        options.charts.cdf_log_x = a.cdf_log_x;
        const QString out = QString::fromStdString(a.out);
        if (const QString error = write_report(results, options, out); !error.isEmpty()) {
          std::cerr << "error: " << error.toStdString() << '\n';
          return kCommandFailed;
        }
        std::cout << "wrote " << QDir::toNativeSeparators(out).toStdString() << '\n';
        return kCommandOk;
      });
}

} // namespace conlab::ui
