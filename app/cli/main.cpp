// conlab-cli: runs the lab's experiments without a window. Dispatches to one command per verb.
#include "app/cli/cli_capacity.h"
#include "app/cli/cli_common.h"
#include "app/cli/cli_compare.h"
#include "app/cli/cli_history.h"
#include "app/cli/cli_http.h"
#include "app/cli/cli_merge.h"
#include "app/cli/cli_run.h"
#include "app/cli/cli_signals.h"
#include "app/cli/cli_sweep.h"
#ifdef CONLAB_HAS_CHARTS
#include "ui/export/chart_cli.h"
#include "ui/report/report_cli.h"
#endif

#include <QCoreApplication>

#include <boost/program_options/errors.hpp>

#include <clocale>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace conlab::cli;

constexpr const char *kUsage = R"(Usage: conlab-cli <command> [arguments]

Concurrency Lab: runs concurrency experiments, measures them, compares with a prediction.

Commands:
  run <preset|file.json>   run an experiment and print what each variant measured
  sweep <preset|file.json> run an experiment over its sweep's grid of parameters
  merge PART.json...       join the parts of a sweep run apart (sweep --shard I/N)
  history [list|show ID|…]  the runs recorded so far: list, show, rename, tag, baseline, delete
  presets                  list the built-in experiments
  validate FILE            check an experiment file without running it
  models                   list the models (how tasks are scheduled onto threads)
  chart RESULTS.json       render a results file's charts to PNG, SVG or PDF (no display needed)
  report RESULTS.json      write one self-contained HTML or PDF report of a results file
  compare A.json B.json    compare two results files; exit 1 when a metric regressed (for CI)
  serve <preset|file.json> serve the variants as HTTP endpoints (/a, /b, ...) until Ctrl-C
  load URL                 send HTTP requests to a URL and measure every one
  capacity URL --slo SLO   the highest request rate that meets an SLO (p99<200ms)
  help [command]           this text, or a command's options

Examples:
  conlab-cli run fastapi-article --time-scale 0.05
  conlab-cli run my-experiment.json --out results.json --csv samples.csv
  conlab-cli sweep pool-size-sweep --time-scale 0.1
  conlab-cli sweep pool-size-sweep --shard 0/4 --out part-0.json   (…one per machine)
  conlab-cli merge part-*.json --out sweep.json
  conlab-cli validate my-experiment.json
  conlab-cli chart results.json --chart cdf --format svg --out cdf.svg
  conlab-cli report results.json --out report.html
  conlab-cli compare baseline.json candidate.json --metric p99 --threshold 5%
  conlab-cli serve fastapi-article --time-scale 0.05 --listen 127.0.0.1:8000
  conlab-cli load http://127.0.0.1:8000/a -n 100 -c 100

Exit codes: 0 ok, 1 runtime failure, 2 bad input, 130 cancelled (Ctrl-C);
compare: 0 no regression, 1 regressed, 2 could not compare.
)";

int dispatch(const std::vector<std::string> &args, SignalWatcher &signals) {
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string &command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "help" && !rest.empty() && rest.front() != "help")
    return dispatch({rest.front(), "--help"}, signals);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "conlab-cli " << CONLAB_VERSION << '\n';
    return kExitOk;
  }
  if (command == "run")
    return run_command(rest, signals);
  if (command == "sweep")
    return sweep_command(rest, signals);
  if (command == "merge")
    return merge_command(rest);
  if (command == "history")
    return history_command(rest);
  if (command == "presets")
    return presets_command(rest);
  if (command == "serve")
    return serve_command(rest, signals);
  if (command == "load")
    return load_command(rest, signals);
  if (command == "capacity")
    return capacity_command(rest, signals);
  if (command == "validate")
    return validate_command(rest);
  if (command == "compare")
    return compare_command(rest);
  if (command == "models")
    return models_command(rest);
  if (command == "chart" || command == "report") {
#ifdef CONLAB_HAS_CHARTS
    // Only `help chart|report` gets here: main() runs both before any QCoreApplication exists.
    std::cout << (command == "chart" ? conlab::ui::chart_usage() : conlab::ui::report_usage());
    return kExitOk;
#else
    std::cerr << "error: " << command
              << " draws with the desktop lab's chart code, which this conlab-cli was built "
                 "without (configure with -DCONLAB_BUILD_UI=ON, e.g. the dev or release preset)\n";
    return kExitFailure;
#endif
  }
  if (command.starts_with("-"))
    throw UsageError("unknown option '" + command +
                     "' (options follow the command; conlab-cli --help lists the commands)");
  throw UsageError("unknown command '" + command + "' (conlab-cli --help lists the commands)");
}

} // namespace

int main(int argc, char **argv) {
  // Before any thread exists, so that every thread inherits the mask and only the watcher
  // thread ever takes SIGINT/SIGTERM.
  block_termination_signals();
  const std::vector<std::string> args(argv + 1, argv + argc);
#ifdef CONLAB_HAS_CHARTS
  // Charts need a QApplication (Gui) instead of the QCoreApplication below: chart and report
  // make their own.
  if (!args.empty() && args.front() == "chart")
    return conlab::ui::chart_command(argc, argv, {args.begin() + 1, args.end()});
  if (!args.empty() && args.front() == "report")
    return conlab::ui::report_command(argc, argv, {args.begin() + 1, args.end()});
#endif

  // The qt_event_loop model runs a Qt event loop in a worker thread, which needs an application
  // object. It sees none of our arguments.
  int qt_argc = 1;
  QCoreApplication app(qt_argc, argv);
  // QCoreApplication adopts the user's locale; numbers we print and parse stay in "C".
  std::setlocale(LC_NUMERIC, "C");

  SignalWatcher signals;
  try {
    return dispatch(args, signals);
  } catch (const UsageError &e) {
    std::cerr << "error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const boost::program_options::error &e) {
    std::cerr << "error: " << e.what() << " (add --help for the options)\n";
    return kExitBadInput;
  } catch (const conlab::SpecError &e) {
    print_field_errors(std::cerr, e.errors());
    return kExitBadInput;
  } catch (const std::exception &e) {
    std::cerr << "error: " << e.what() << '\n';
    return kExitFailure;
  }
}
