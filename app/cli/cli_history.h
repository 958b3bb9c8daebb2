// `conlab-cli history`: list, show, rename, tag, mark a baseline and delete the runs the lab
// recorded; and the recording of every `conlab-cli run` in that history.
#pragma once

#include "core/history/run_history.h"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conlab::cli {

int history_command(const std::vector<std::string> &args);

// --no-history and --history-dir, which run and sweep share.
void add_history_options(boost::program_options::options_description &options);
// The history those options choose: nullopt for --no-history, else the directory ("" for the
// default). Throws UsageError, naming `command`, when both are given.
std::optional<std::string> chosen_history(const boost::program_options::variables_map &vm,
                                          const std::string &command);

// The history a run records into: `dir` when given (--history-dir), else CONLAB_HISTORY_DIR, else
// the lab's data directory. Opened before the run, so that a history that cannot be used stops
// the run before anything is measured; throws RuntimeFailure saying so and how to go on.
std::unique_ptr<history::RunHistory> open_run_history(const std::string &dir);

// Records a finished or cancelled run (a failed one has nothing to keep); says so on stderr unless
// `quiet`. False, after printing the reason, when the run could not be recorded.
bool record_run(history::RunHistory &history, const RunResults &results,
                history::Clock::time_point started, bool quiet);

} // namespace conlab::cli
