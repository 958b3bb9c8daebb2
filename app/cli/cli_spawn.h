// --spawn 'CMD' for the commands that measure a server (run --target, load, capacity): the lab
// starts the server under test, waits until it answers, measures it, and stops it and all of its
// children afterwards, also on error and Ctrl-C.
#pragma once

#include "app/cli/cli_signals.h"
#include "core/http/server_under_test.h"
#include "core/results/results.h"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <memory>
#include <optional>
#include <string>

namespace conlab::cli {

// --spawn, --spawn-log and --spawn-timeout.
void add_spawn_options(boost::program_options::options_description &options);

struct SpawnArgs {
  std::string command;
  std::string log_path;
  double ready_timeout_s = http::kDefaultSpawnTimeoutS;
};

// What the options ask for; nullopt without --spawn. The log defaults to the results file's name
// with .server.log (r.json → r.server.log), else conlab-server-<time>.log here. Throws UsageError
// naming the option at fault (a --spawn-log or --spawn-timeout without --spawn, among others).
std::optional<SpawnArgs> chosen_spawn(const boost::program_options::variables_map &vm,
                                      const std::string &results_path);

// Starts the server and waits until `base`'s host and port answer HTTP (any status, at "/").
// nullptr when Ctrl-C came first (the server is stopped). Throws UsageError ("--spawn: …") when
// it cannot start, exits, or does not answer in time; it is stopped by then.
std::unique_ptr<http::ServerUnderTest> start_server_under_test(const SpawnArgs &spawn,
                                                               const http::Url &base,
                                                               SignalWatcher &signals, bool quiet);

// After the run: records the server in `results` and stops it. False, after saying so on stderr,
// when it ended on its own during the run (what was measured is kept).
bool finish_server_under_test(std::unique_ptr<http::ServerUnderTest> server, RunResults &results);

} // namespace conlab::cli
