#include "ui/report/report_cli.h"

#include "core/capacity/capacity_results.h"
#include "core/compare/sweep_compare.h"
#include "core/util/json_fields.h"
#include "ui/capacity/capacity_report.h"
#include "ui/gui_command.h"
#include "ui/report/report_file.h"

#include <QDir>

#include <iostream>
#include <memory>

namespace conlab::ui {
namespace {

struct ReportArgs {
  std::string results;
  std::string out;
  std::string title;
  std::string baseline; // --compare FILE
  bool log_axes = true, cdf_log_x = false, help = false, allow_mixed = false;
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
    else if (a == "--compare")
      out.baseline = value();
    else if (a == "--allow-mixed")
      out.allow_mixed = true;
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

// Why the two cannot be compared (compare's own refusal), or empty.
std::string compare_refusal(const RunResults &a, const RunResults &b, bool allow_mixed) {
  CompareOptions options;
  options.allow_mixed_machines = allow_mixed;
  try {
    if (a.sweep || b.sweep)
      compare_sweeps(a, b, options);
    else if (compare_runs(a, b, options).variants.empty())
      return "no variant label is on both sides: nothing to compare";
  } catch (const std::exception &e) {
    return e.what();
  }
  return {};
}

} // namespace

const char *report_usage() {
  return R"(Usage: conlab-cli report RESULTS.json --out REPORT.html|REPORT.pdf [options]

Writes one self-contained report of a results file (written by `conlab-cli run --out`, or a
capacity search's, by `conlab-cli capacity --out`): the
experiment in words, the environment, the measurements beside the predictions, every chart and
the explanation of each variant. The HTML page carries its charts as inline SVG and opens with
no network and no other file; the PDF is A4 with vector charts, none cut across pages.

Options:
  --out PATH     the report to write; its suffix chooses the format: .html (or .htm) or .pdf
  --title TEXT   the report's title (default: "<experiment> — Concurrency Lab report")
  --compare A.json
                 add a "Compared with" section: this run (B) against the baseline A, by the
                 rules of `conlab-cli compare` (its verdict on p99, a table, overlaid charts);
                 two sweeps compare point by point
  --allow-mixed  with --compare, compare runs from machines of different kinds
  --linear       linear axes everywhere (default: log where the data spans decades)
  --log-x        response-time CDF on a log x axis

Exit codes: 0 written, 1 could not write, 2 bad arguments, unreadable results, or a
--compare baseline that cannot be compared with the run.
)";
}

namespace {

// A capacity search's report: its own sections, no --compare. nullopt when `document` is not a
// capacity file (the results reader takes it then).
std::optional<int> capacity_report(const ReportArgs &a, const boost::json::value &document) {
  if (!is_capacity_document(document))
    return std::nullopt;
  std::optional<CapacityResults> capacity;
  try {
    capacity = capacity_from_json(document);
  } catch (const SpecError &e) {
    for (const FieldError &f : e.errors())
      std::cerr << "error: " << a.results << ": " << f.to_string() << '\n';
    return kCommandBadInput;
  }
  if (!a.baseline.empty()) {
    std::cerr << "error: --compare: a capacity search is not compared; give two searches' "
                 "answers side by side in their own reports\n";
    return kCommandBadInput;
  }
  ReportOptions options;
  options.title = QString::fromStdString(a.title);
  options.charts.log_axes = a.log_axes;
  const QString out = QString::fromStdString(a.out);
  if (const QString error = write_report(build_capacity_report(*capacity, options), out);
      !error.isEmpty()) {
    std::cerr << "error: " << error.toStdString() << '\n';
    return kCommandFailed;
  }
  std::cout << "wrote " << QDir::toNativeSeparators(out).toStdString() << '\n';
  return kCommandOk;
}

} // namespace

int report_command(int argc, char **argv, const std::vector<std::string> &args) {
  return run_drawing_command<ReportArgs>(
      argc, argv, args, parse, report_usage(),
      [](const ReportArgs &a, const RunResults &results) {
        ReportOptions options;
        options.title = QString::fromStdString(a.title);
        options.charts.log_axes = a.log_axes;
        options.charts.cdf_log_x = a.cdf_log_x;
        if (!a.baseline.empty()) {
          // Refused before anything is written: a report that cannot say what it was asked to
          // compare is an error, not a section that says so.
          const std::optional<RunResults> baseline = load_results_for_command(a.baseline);
          if (!baseline)
            return kCommandBadInput;
          if (const std::string refused = compare_refusal(*baseline, results, a.allow_mixed);
              !refused.empty()) {
            std::cerr << "error: --compare " << a.baseline << ": " << refused << '\n';
            return kCommandBadInput;
          }
          options.baseline = std::make_shared<const RunResults>(*baseline);
          options.baseline_name = QString::fromStdString(a.baseline);
          options.allow_mixed = a.allow_mixed;
        }
        const QString out = QString::fromStdString(a.out);
        if (const QString error = write_report(results, options, out); !error.isEmpty()) {
          std::cerr << "error: " << error.toStdString() << '\n';
          return kCommandFailed;
        }
        std::cout << "wrote " << QDir::toNativeSeparators(out).toStdString() << '\n';
        return kCommandOk;
      },
      capacity_report);
}

} // namespace conlab::ui
