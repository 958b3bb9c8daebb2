// `conlab-cli history`: list, show, rename, tag, mark a baseline and delete the runs the lab
// recorded; and the recording of every `conlab-cli run` in that history.
#pragma once

#include "run_history.h"

#include <memory>
#include <string>
#include <vector>

namespace conlab::cli {

int history_command(const std::vector<std::string> &args);

// The history a run records into: `dir` when given (--history-dir), else CONLAB_HISTORY_DIR, else
// the lab's data directory. Opened before the run, so that a history that cannot be used stops
// the run before anything is measured; throws RuntimeFailure saying so and how to go on.
std::unique_ptr<history::RunHistory> open_run_history(const std::string &dir);

// Records a finished or cancelled run (a failed one has nothing to keep); says so on stderr unless
// `quiet`. False, after printing the reason, when the run could not be recorded.
bool record_run(history::RunHistory &history, const RunResults &results,
                history::Clock::time_point started, bool quiet);

} // namespace conlab::cli
