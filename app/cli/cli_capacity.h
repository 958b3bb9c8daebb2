// `conlab-cli capacity`: the highest rate that meets an SLO, for a URL or an experiment's variant.
#pragma once

#include "app/cli/cli_signals.h"

#include <string>
#include <vector>

namespace conlab::cli {

int capacity_command(const std::vector<std::string> &args, SignalWatcher &signals);

} // namespace conlab::cli
