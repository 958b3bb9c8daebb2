// `conlab-cli run`: load an experiment, apply the command line's overrides, run it with progress
// and Ctrl-C, then print the report and write the files asked for.
#pragma once

#include "app/cli/cli_signals.h"

#include <string>
#include <vector>

namespace conlab::cli {

int run_command(const std::vector<std::string> &args, SignalWatcher &signals);

} // namespace conlab::cli
