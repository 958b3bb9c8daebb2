// What the CLI commands that draw (`conlab-cli chart`, `conlab-cli report`) share: their
// arguments' errors, --help, a results file read with errors that name it, and a QApplication
// that runs without a display.
#pragma once

#include "core/results/results.h"
#include "ui/charts/chart_data.h"

#include <QApplication>

#include <boost/json/value.hpp>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conlab::ui {

// A QApplication on Qt's offscreen platform when there is no display (none when one exists
// already); numbers stay in the "C" locale; Qt Charts' log-axis chatter is silenced.
std::unique_ptr<QApplication> make_headless_application(int &argc, char **argv);

// The results in `path`, or nullopt after printing "error: PATH: what is wrong" (one line per
// field error) to stderr. The same in two steps: the JSON document, read once, then the results
// in it.
std::optional<RunResults> load_results_for_command(const std::string &path);
std::optional<boost::json::value> read_document_for_command(const std::string &path);
std::optional<RunResults> results_for_command(const boost::json::value &document,
                                              const std::string &path);
// What `conlab-cli chart` draws from `path`: a run's or sweep's results, or a capacity search
// (conlab.capacity/1); nullopt after printing what is wrong, as above.
std::optional<ChartData> chart_data_for_command(const std::string &path);

inline constexpr int kCommandOk = 0, kCommandFailed = 1, kCommandBadInput = 2;

// What a command's parser throws for words it cannot take; printed as "error: <message>".
struct BadCommandArgument {
  std::string message;
};

// Parses `words` (Args needs `help` and `results`), answers --help with `usage`, reads the
// results file once and makes the application, then draws. A file that `other` takes (it answers
// with an exit code: a capacity search, say) is not read as a run's results. Bad arguments and
// unreadable results exit 2.
template <class Args>
int run_drawing_command(
    int argc, char **argv, const std::vector<std::string> &words,
    Args (*parse)(const std::vector<std::string> &), const char *usage,
    const std::function<int(const Args &, const RunResults &)> &draw,
    const std::function<std::optional<int>(const Args &, const boost::json::value &)> &other = {}) {
  Args args;
  try {
    args = parse(words);
  } catch (const BadCommandArgument &e) {
    std::cerr << "error: " << e.message << '\n';
    return kCommandBadInput;
  }
  if (args.help) {
    std::cout << usage;
    return kCommandOk;
  }
  const std::optional<boost::json::value> document = read_document_for_command(args.results);
  if (!document)
    return kCommandBadInput;
  int qt_argc = std::min(argc, 1);
  const auto app = make_headless_application(qt_argc, argv);
  if (other)
    if (const std::optional<int> done = other(args, *document))
      return *done;
  const std::optional<RunResults> results = results_for_command(*document, args.results);
  if (!results)
    return kCommandBadInput;
  return draw(args, *results);
}

} // namespace conlab::ui
