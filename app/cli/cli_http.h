// `conlab-cli serve` and `conlab-cli load`: HTTP mode from the command line. serve runs the
// embedded server over an experiment's variants until Ctrl-C; load fires requests at URLs and
// prints the same report as `run`, plus the errors and the generator's self-check.
#pragma once

#include "app/cli/cli_signals.h"
#include "app/cli/cli_table.h"
#include "core/results/results.h"

#include <ostream>

#include <string>
#include <vector>

namespace conlab::cli {

int serve_command(const std::vector<std::string> &args, SignalWatcher &signals);
int load_command(const std::vector<std::string> &args, SignalWatcher &signals);

// A load's report from its results: failures, the table, then per URL its errors, every
// generator's self-check and the warnings. `first_errors`, per URL, when the run just happened.
void print_load_report(std::ostream &out, const RunResults &results, const ReportContext &context,
                       const std::vector<std::string> &first_errors = {});

} // namespace conlab::cli
