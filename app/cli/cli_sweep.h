// `conlab-cli sweep`: run an experiment over its sweep's grid with progress and ETA, save after
// every run so that a cancelled or crashed sweep keeps its finished points, resume one, and
// print the metric per point beside the simulation, with the knee and the USL fit.
#pragma once

#include "app/cli/cli_signals.h"
#include "core/results/results.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace conlab::cli {

int sweep_command(const std::vector<std::string> &args, SignalWatcher &signals);

// --metric's value for a sweep's table; throws UsageError naming the metrics there are.
SweepMetric parse_sweep_metric_option(const std::string &name);

// Where a sweep's results go by default: "<experiment name>.sweep.json", or for a part
// "<name>.part-I-of-N.sweep.json".
std::string default_sweep_out(const Experiment &e,
                              const std::optional<Shard> &shard = std::nullopt);

// The table of a sweep's results for one metric, then each variant's findings.
void print_sweep_report(std::ostream &out, const RunResults &results, SweepMetric metric,
                        std::size_t width);

} // namespace conlab::cli
