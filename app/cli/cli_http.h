// `conlab-cli serve` and `conlab-cli load`: HTTP mode from the command line. serve runs the
// embedded server over an experiment's variants until Ctrl-C; load fires requests at URLs and
// prints the same report as `run`, plus the errors and the generator's self-check.
#pragma once

#include "app/cli/cli_signals.h"

#include <string>
#include <vector>

namespace conlab::cli {

int serve_command(const std::vector<std::string> &args, SignalWatcher &signals);
int load_command(const std::vector<std::string> &args, SignalWatcher &signals);

} // namespace conlab::cli
