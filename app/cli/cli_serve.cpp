// `conlab-cli serve`: the experiment's variants as HTTP endpoints until Ctrl-C.
#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_http.h"
#include "core/http/server.h"
#include "core/http/url.h"
#include "core/results/environment.h"
#include "core/util/format.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <condition_variable>
#include <iostream>
#include <mutex>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

constexpr const char *kUsage =
    R"(Usage: conlab-cli serve <preset-name|file.json> [options]

Serves every variant of an experiment as an HTTP/1.1 endpoint whose path is its label
(/a, /b, ...), each run with its variant's model as a real framework would: event_loop
handlers are coroutines on the server's single loop thread (a blocking step stalls every
connection), thread_pool handlers run on P threads, and so on. GET / lists the endpoints.
Binds 127.0.0.1 unless --listen says otherwise. Ctrl-C stops it cleanly.

Example:
  conlab-cli serve fastapi-article --time-scale 0.05 &
  conlab-cli load http://127.0.0.1:8000/a -n 100 -c 100
)";

} // namespace

int serve_command(const std::vector<std::string> &args, SignalWatcher &signals) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("listen", po::value<std::string>()->value_name("ADDR:PORT")->default_value("127.0.0.1:8000"),
       "where to listen; port 0 picks a free one. Anything but a loopback address exposes "
       "the lab's endpoints to the network")
      ("time-scale", po::value<double>()->value_name("X"), "multiply every duration by X")
      ("max-connections", po::value<std::size_t>()->value_name("N")->default_value(10'000),
       "open connections at most; beyond it the oldest idle one is closed");
  // clang-format on
  const CommandLine line = parse_command_line("serve", args, options, 1);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << kUsage << '\n' << options;
    return kExitOk;
  }
  if (line.positional.empty())
    throw UsageError("serve: name a preset or an experiment file (see conlab-cli presets)");
  std::string error;
  const auto listen = http::parse_listen(vm["listen"].as<std::string>(), error);
  if (!listen)
    throw UsageError("--listen: " + error);
  const int cores = available_cores();
  Experiment experiment = load_experiment_arg(line.positional.front(), cores);
  if (vm.count("time-scale")) {
    const double scale = vm["time-scale"].as<double>();
    if (!(scale > 0))
      throw UsageError("--time-scale: must be > 0");
    experiment.time_scale = scale;
  }
  if (const auto errors = validate_experiment(experiment, cores); !errors.empty()) {
    print_field_errors(std::cerr, errors);
    return kExitBadInput;
  }

  http::raise_open_file_limit();
  const CpuWork cpu(CpuWork::calibrate());
  http::ServerOptions server_options;
  server_options.address = listen->address;
  server_options.port = listen->port;
  server_options.max_connections = vm["max-connections"].as<std::size_t>();
  http::EmbeddedServer server(experiment, cpu, cores, server_options);
  try {
    server.start();
  } catch (const std::exception &e) {
    throw RuntimeFailure(e.what());
  }

  std::cout << "serving " << experiment.name << " at " << server.base_url() << "/";
  if (experiment.time_scale != 1)
    std::cout << " (durations ×" << human_scale(experiment.time_scale) << ")";
  std::cout << '\n';
  for (const http::EndpointInfo &e : server.endpoints()) {
    std::cout << "  " << e.url << "  " << e.model;
    if (e.pool_size > 0)
      std::cout << " (" << e.pool_size << " threads)";
    if (!e.note.empty())
      std::cout << "  — " << e.note;
    std::cout << '\n';
  }
  std::cout << "Ctrl-C stops the server." << std::endl;

  std::mutex mutex;
  std::condition_variable_any stopped;
  {
    const StopHandlerScope on_stop(signals, [&] {
      std::lock_guard lock(mutex);
      stopped.notify_all();
    });
    std::unique_lock lock(mutex);
    const std::stop_token stop = signals.stop_token();
    stopped.wait(lock, stop, [] { return false; });
  }
  server.stop();
  const http::ServerStats stats = server.stats();
  std::cout << "stopped after " << stats.requests << " requests on " << stats.accepted
            << " connections" << std::endl;
  return kExitOk;
}

} // namespace conlab::cli
