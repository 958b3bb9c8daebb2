#include "app/cli/cli_spawn.h"

#include "app/cli/cli_common.h"

#include <boost/program_options.hpp>

#include <ctime>
#include <filesystem>
#include <iostream>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

std::string default_log_path(const std::string &results_path) {
  if (!results_path.empty())
    return std::filesystem::path(results_path).replace_extension(".server.log").string();
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  return std::string("conlab-server-") + stamp + ".log";
}

} // namespace

void add_spawn_options(po::options_description &options) {
  // clang-format off
  options.add_options()
      ("spawn", po::value<std::string>()->value_name("'CMD'"),
       "start the server under test first (by /bin/sh), wait until it answers, and stop it and "
       "all of its children afterwards, also on error and Ctrl-C")
      ("spawn-log", po::value<std::string>()->value_name("FILE"),
       "the server's output (default: the --out file's name with .server.log, else "
       "conlab-server-<time>.log here)")
      ("spawn-timeout", po::value<std::string>()->value_name("T"),
       "how long the server may take to answer (default 30s)");
  // clang-format on
}

std::optional<SpawnArgs> chosen_spawn(const po::variables_map &vm,
                                      const std::string &results_path) {
  if (!vm.count("spawn")) {
    for (const char *name : {"spawn-log", "spawn-timeout"})
      if (vm.count(name))
        throw UsageError(std::string("--") + name + ": only with --spawn");
    return std::nullopt;
  }
  SpawnArgs spawn;
  spawn.command = vm["spawn"].as<std::string>();
  if (spawn.command.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("--spawn: give the command that starts the server, e.g. "
                     "--spawn 'python3 -m uvicorn server:app --port 8000'");
  spawn.log_path =
      vm.count("spawn-log") ? vm["spawn-log"].as<std::string>() : default_log_path(results_path);
  try {
    check_writable(spawn.log_path);
  } catch (const RuntimeFailure &e) {
    throw UsageError(std::string("--spawn-log: ") + e.what());
  }
  if (const auto seconds = duration_option(vm, "spawn-timeout"))
    spawn.ready_timeout_s = *seconds;
  return spawn;
}

std::unique_ptr<http::ServerUnderTest> start_server_under_test(const SpawnArgs &spawn,
                                                               const http::Url &base,
                                                               SignalWatcher &signals, bool quiet) {
  http::SpawnSpec spec;
  spec.command = spawn.command;
  spec.log_path = spawn.log_path;
  spec.ready_timeout_s = spawn.ready_timeout_s;
  spec.probe = base;
  spec.probe.target = "/"; // any answer will do, and "/" is rarely the slow endpoint
  // Whatever answers already would be measured in the spawned server's place.
  if (http::answers_http(spec.probe, std::chrono::milliseconds(500)))
    throw UsageError("--spawn: something already answers at " + spec.probe.text() +
                     ": stop it, or give --target a port that is free");
  std::unique_ptr<http::ServerUnderTest> server;
  try {
    server = std::make_unique<http::ServerUnderTest>(spec);
    if (!quiet)
      std::cerr << "started the server (pid " << server->pid() << ", output in " << spawn.log_path
                << "); waiting until it answers at " << spec.probe.text() << '\n';
    const StopHandlerScope on_stop(signals, [] { std::cerr << "\nstopping the server…\n"; });
    if (!server->wait_until_ready(signals.stop_token()))
      return nullptr; // the destructor stops it
  } catch (const http::SpawnError &e) {
    server.reset();
    throw UsageError(std::string("--spawn: ") + e.what());
  }
  return server;
}

bool finish_server_under_test(std::unique_ptr<http::ServerUnderTest> server, RunResults &results) {
  ServerUnderTestRecord record;
  record.command = server->spec().command;
  record.log_path = server->spec().log_path;
  if (const std::optional<std::string> ended = server->ended_on_its_own())
    record.ended_on_its_own = *ended;
  server->stop();
  const bool ok = record.ended_on_its_own.empty();
  if (!ok)
    std::cerr << "error: the server under test " << record.ended_on_its_own
              << " during the run; what was measured is kept" << server->log_tail() << '\n';
  results.server = std::move(record);
  return ok;
}

} // namespace conlab::cli
