// `conlab-cli capacity`: the highest arrival rate at which a server (or one of an experiment's
// variants, run by the lab) still meets an SLO such as p99<200ms, with every run kept.
#include "app/cli/cli_capacity.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_spawn.h"
#include "app/cli/cli_table.h"
#include "core/analysis/simulator.h"
#include "core/capacity/capacity_probes.h"
#include "core/capacity/capacity_results.h"
#include "core/experiment/spec_json.h"
#include "core/http/server.h"
#include "core/results/environment.h"
#include "core/util/format.h"
#include "core/util/machine_memory.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

constexpr const char *kUsage = R"(Usage: conlab-cli capacity URL --slo 'p99<200ms' [options]
       conlab-cli capacity <preset|file.json> --variant LABEL --slo 'p99<200ms' [options]

The highest request rate that still meets a service-level objective. Requests arrive as an
open load (Poisson by default) at a rate that doubles until the SLO breaks; then the search
bisects between the last rate that met it and the first that did not, with several runs at
each rate near the boundary (the majority decides). A request that fails counts as too slow.

For a URL, the requests go to that server (start it with --spawn). For a variant, the lab runs
it itself, and the simulator's capacity for the same SLO stands beside the measured one.

The SLO is a percentile (p50, p99, p99.9) or the mean, '<', and a limit in us, ms or s.

Examples:
  conlab-cli capacity http://127.0.0.1:8000/d --slo 'p99<2s'
  conlab-cli capacity fastapi-article --variant /d --slo 'p99<2s' --time-scale 0.1

Exit codes: 0 capacity found, 3 no capacity to report (missed at the lowest rate, the
generator could not keep up, still met at --max-rate, or stopped by --max-time), 1 a run
failed, 2 bad input, 130 cancelled (the runs so far are kept).
)";

constexpr int kExitNoCapacity = 3;

struct CapacityArgs {
  std::optional<http::Url> url;
  std::string experiment; // when not a URL
  std::string variant;
  std::optional<double> time_scale;
  Slo slo;
  CapacityLimits limits;
  bool start_given = false;
  ArrivalKind arrivals = ArrivalKind::poisson;
  http::GeneratorOptions generator; // URL: timeout, threads, connections, method, headers
  std::optional<SpawnArgs> spawn;
  std::string out;
  bool json = false, quiet = false;
};

std::optional<CapacityArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("slo", po::value<std::string>()->value_name("SLO"), "the objective, e.g. 'p99<200ms' (required)")
      ("variant", po::value<std::string>()->value_name("LABEL"), "the experiment's variant to measure")
      ("time-scale", po::value<double>()->value_name("X"),
       "variant: multiply its durations by X (the rates stay per real second)")
      ("start-rate", po::value<double>()->value_name("R"),
       "the lowest rate tried (default 10/s; a variant: an eighth of the simulator's capacity)")
      ("max-rate", po::value<double>()->value_name("R")->default_value(100'000), "the highest rate tried")
      ("max-time", po::value<std::string>()->value_name("T")->default_value("15m"),
       "stop the search after about T with the best answer so far")
      ("runs-per-step", po::value<int>()->value_name("K")->default_value(3),
       "runs at each rate near the boundary; the majority decides")
      ("precision", po::value<double>()->value_name("X")->default_value(0.05),
       "stop when the rate that met and the rate that broke are within X of each other")
      ("run-duration", po::value<std::string>()->value_name("D")->default_value("5s"),
       "each run sends for at least D…")
      ("min-requests", po::value<std::int64_t>()->value_name("N"),
       "…at least N requests (default: 2 / (1 − q), 200 for p99), and at least 10× the SLO's "
       "limit, so that a queue that grows shows; at most 60 s")
      ("arrivals", po::value<std::string>()->value_name("KIND")->default_value("poisson"),
       "poisson or constant")
      ("timeout", po::value<std::string>()->value_name("T"),
       "URL: a request unanswered after T fails (default 10× the SLO's limit, 1 s to 60 s)")
      ("connections,c", po::value<std::int64_t>()->value_name("C")->default_value(1024),
       "URL: at most C connections")
      ("threads", po::value<int>()->value_name("T"), "URL: generator threads")
      ("out", po::value<std::string>()->value_name("FILE"),
       "write every run and the answer (conlab.capacity/1) to FILE")
      ("json", po::bool_switch(), "print that JSON on stdout instead of the table")
      ("quiet,q", po::bool_switch(), "no progress on stderr");
  // clang-format on
  add_spawn_options(options);
  const CommandLine line = parse_command_line("capacity", args, options, 1);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << kUsage << '\n' << options;
    return std::nullopt;
  }
  if (line.positional.empty())
    throw UsageError("capacity: give a URL, or an experiment with --variant LABEL");
  CapacityArgs a;
  const std::string &what = line.positional.front();
  std::string error;
  if (what.starts_with("http://") || what.starts_with("https://") ||
      what.find("://") != std::string::npos) {
    a.url = http::parse_url(what, error);
    if (!a.url)
      throw UsageError(error);
  } else {
    a.experiment = what;
  }
  if (!vm.count("slo"))
    throw UsageError("--slo: say what the rate must meet, e.g. --slo 'p99<200ms'");
  const std::optional<Slo> slo = parse_slo(vm["slo"].as<std::string>(), error);
  if (!slo)
    throw UsageError("--slo: " + error);
  a.slo = *slo;

  if (a.url) {
    for (const char *name : {"variant", "time-scale"})
      if (vm.count(name))
        throw UsageError(std::string("--") + name +
                         ": only for an experiment's variant; a real "
                         "server at a URL runs at its own speed");
  } else {
    if (!vm.count("variant"))
      throw UsageError("--variant: name the variant of " + what + " to measure");
    a.variant = vm["variant"].as<std::string>();
    for (const char *name : {"timeout", "threads", "spawn"})
      if (vm.count(name))
        throw UsageError(std::string("--") + name + ": only for a URL");
    take(vm, "time-scale", a.time_scale);
    if (a.time_scale && !(*a.time_scale > 0))
      throw UsageError("--time-scale: must be > 0");
  }

  CapacityLimits &l = a.limits;
  a.start_given = vm.count("start-rate") > 0;
  if (a.start_given)
    l.start_rate_per_s = vm["start-rate"].as<double>();
  l.max_rate_per_s = vm["max-rate"].as<double>();
  l.max_total_s = *duration_option(vm, "max-time");
  l.runs_per_step = vm["runs-per-step"].as<int>();
  l.precision = vm["precision"].as<double>();
  l.run_duration_s = *duration_option(vm, "run-duration");
  if (vm.count("min-requests")) {
    l.min_requests = vm["min-requests"].as<std::int64_t>();
    if (l.min_requests < 1)
      throw UsageError("--min-requests: must be ≥ 1");
  }
  if (const std::vector<std::string> problems = check_limits(l); !problems.empty())
    throw UsageError(problems.front());
  const std::string arrivals = vm["arrivals"].as<std::string>();
  if (arrivals != "constant" && arrivals != "poisson")
    throw UsageError("--arrivals: constant or poisson (found '" + arrivals + "')");
  a.arrivals = arrivals == "poisson" ? ArrivalKind::poisson : ArrivalKind::constant;

  http::GeneratorOptions &g = a.generator;
  if (a.url) {
    g.request.url = *a.url;
    g.timeout_s = vm.count("timeout") ? *duration_option(vm, "timeout")
                                      : std::clamp(10 * a.slo.limit_s, 1.0, 60.0);
    g.max_connections = vm["connections"].as<std::int64_t>();
    if (g.max_connections < 1 || g.max_connections > 100'000)
      throw UsageError("-c: must be between 1 and 100000");
    if (vm.count("threads")) {
      g.threads = vm["threads"].as<int>();
      if (g.threads < 1 || g.threads > 256)
        throw UsageError("--threads: must be between 1 and 256");
    }
    // A probe judges windows of its run (is the queue growing?), so it keeps every sample: the
    // busiest run holds them and its send times until it ends.
    const double requests = l.max_rate_per_s * run_duration_s(a.slo, l, l.max_rate_per_s) * 1.2;
    const double bytes = requests * (http::kBytesPerKeptRequest + http::kBytesPerOpenArrival);
    const double limit = physical_memory_bytes() / 4;
    if (bytes > limit)
      throw UsageError("--max-rate: a run at " + human_count(l.max_rate_per_s) + "/s sends about " +
                       human_count(requests) + " requests, which need about " + human_bytes(bytes) +
                       "; the limit is " + human_bytes(limit) +
                       " (a quarter of this machine's memory)");
  }
  if (vm.count("out"))
    a.out = vm["out"].as<std::string>();
  a.json = vm["json"].as<bool>();
  a.quiet = vm["quiet"].as<bool>();
  a.spawn = chosen_spawn(vm, a.out);
  return a;
}

std::string value_text(double value_s) {
  return std::isfinite(value_s) ? human_duration(value_s) : "— (too many failed)";
}

void print_run(const Slo &slo, const CapacityRun &run) {
  std::cerr << "  " << human_rate(run.rate_per_s) << "/s: " << slo.metric() << ' '
            << value_text(run.value_s)
            << (run.met             ? "  meets "
                : run.queue_growing ? "  misses (its queue kept growing) "
                                    : "  misses ")
            << slo.text << "  (" << run.requests << " requests";
  if (run.failed > 0)
    std::cerr << ", " << run.failed << " failed";
  std::cerr << ", " << human_span(run.wall_s) << ")\n";
  for (const std::string &w : run.generator_warnings)
    std::cerr << "    generator: " << w << '\n';
}

void print_result(std::ostream &out, const CapacityResults &r, std::size_t width) {
  const CapacitySearch &s = r.measured;
  out << "capacity of " << r.target << " for " << s.slo.text << " (" << r.arrivals
      << " arrivals)\n\n";
  Table table;
  table.add_columns({"rate", "runs"}, Align::right);
  table.add_column(s.slo.metric() + " (median)", Align::right);
  table.add_column("verdict", Align::left);
  for (const RateVerdict &v : verdicts_by_rate(s))
    table.add_row({human_rate(v.rate_per_s) + "/s", std::to_string(v.runs),
                   value_text(v.median_value_s),
                   v.met             ? "meets"
                   : v.queue_growing ? "misses (its queue kept growing)"
                                     : "misses"});
  table.print(out);
  out << '\n';
  for (const std::string &line : wrap("measured: " + describe_capacity(s), width, 0, 10))
    out << line << '\n';
  if (r.predicted) {
    for (const std::string &line :
         wrap("predicted (simulator, ideal machine): " + describe_capacity(*r.predicted), width, 0,
              10))
      out << line << '\n';
    if (s.capacity_per_s && r.predicted->capacity_per_s)
      out << "measured ÷ predicted: "
          << human_percent(*s.capacity_per_s / *r.predicted->capacity_per_s) << '\n';
  }
  // The generator's self-check at the top rate that met.
  if (s.capacity_per_s)
    for (const CapacityRun &run : s.runs)
      if (run.rate_per_s == *s.capacity_per_s && r.variant_label.empty()) {
        out << "generator at " << human_rate(run.rate_per_s) << "/s: send lag p99 "
            << human_duration(run.send_lag_p99_s)
            << (run.generator_warnings.empty() ? ", kept up" : ", " + run.generator_warnings[0])
            << '\n';
        break;
      }
  if (r.time_scale != 1)
    out << "time scale ×" << human_scale(r.time_scale)
        << ": the variant's durations are scaled, its rates are per real second\n";
  if (r.server)
    out << "server under test: " << r.server->command << " (output in " << r.server->log_path
        << ")\n";
}

int exit_code_for(CapacityOutcome outcome) {
  switch (outcome) {
  case CapacityOutcome::found:
    return kExitOk;
  case CapacityOutcome::cancelled:
    return kExitCancelled;
  case CapacityOutcome::failed:
    return kExitFailure;
  default:
    return kExitNoCapacity;
  }
}

} // namespace

int capacity_command(const std::vector<std::string> &args, SignalWatcher &signals) {
  std::optional<CapacityArgs> parsed = parse_args(args);
  if (!parsed)
    return kExitOk;
  CapacityArgs &a = *parsed;
  const int cores = available_cores();
  check_writable(a.out);

  CapacityResults results;
  results.environment = current_environment();
  results.arrivals = to_string(a.arrivals);
  CapacityProbe probe;
  std::unique_ptr<http::ServerUnderTest> server;
  if (a.url) {
    results.target = a.url->text();
    http::raise_open_file_limit();
    if (a.spawn) {
      server = start_server_under_test(*a.spawn, *a.url, signals, a.quiet);
      if (!server)
        return kExitCancelled;
    }
    a.generator.stop = signals.stop_token();
    probe = http_probe(a.generator, a.arrivals, a.slo, cores);
  } else {
    Experiment experiment = load_experiment_arg(a.experiment, cores);
    experiment.sweep.reset();
    if (a.time_scale)
      experiment.time_scale = *a.time_scale;
    if (a.arrivals == ArrivalKind::constant)
      experiment.load =
          Load{.kind = LoadKind::open, .rate_per_s = 1, .arrivals = ArrivalKind::constant};
    std::size_t index = experiment.variants.size();
    std::string known;
    for (std::size_t i = 0; i < experiment.variants.size(); ++i) {
      known += (known.empty() ? "" : ", ") + experiment.variants[i].label;
      if (experiment.variants[i].label == a.variant)
        index = i;
    }
    if (index == experiment.variants.size())
      throw UsageError("--variant " + a.variant + ": no such variant in " + experiment.name +
                       " (it has " + known + ")");
    if (experiment.variants[index].target)
      throw UsageError("--variant " + a.variant + ": it has an HTTP target; give its URL instead");
    if (const auto errors = validate_experiment(at_rate(experiment, index, 10, 1, 1), cores);
        !errors.empty()) {
      print_field_errors(std::cerr, errors);
      return kExitBadInput;
    }
    results.target = a.experiment + " --variant " + a.variant;
    results.variant_label = a.variant;
    results.model = experiment.variants[index].model;
    results.time_scale = experiment.time_scale;
    // The ideal machine's answer first: it is quick, and it tells where to start measuring.
    if (simulator_models(experiment.variants[index]))
      results.predicted = predict_capacity(experiment, index, a.slo, a.limits, cores,
                                           !a.start_given, signals.stop_token());
    // Three doublings below the predicted capacity: enough to see the SLO hold before it breaks.
    if (!a.start_given && results.predicted && results.predicted->capacity_per_s)
      a.limits.start_rate_per_s = *results.predicted->capacity_per_s / 8;
    probe = in_process_probe(experiment, index, a.slo, cores, signals.stop_token());
  }

  if (!a.quiet)
    std::cerr << "searching for the highest rate that keeps " << a.slo.text << ", from "
              << human_rate(a.limits.start_rate_per_s) << "/s (at most "
              << human_span(a.limits.max_total_s) << ")\n";
  {
    const StopHandlerScope on_stop(signals, [] {
      std::cerr << "\nstopping… (keeping the runs so far; Ctrl-C again quits at once)\n";
    });
    results.measured =
        search_capacity(a.slo, a.limits, probe, signals.stop_token(), [&](const CapacityRun &run) {
          if (!a.quiet)
            print_run(a.slo, run);
        });
  }
  bool ok = true;
  if (server) {
    RunResults holder;
    ok = finish_server_under_test(std::move(server), holder);
    results.server = holder.server;
  }
  if (!a.out.empty()) {
    try {
      save_capacity(results, a.out);
    } catch (const std::exception &e) {
      std::cerr << "error: cannot write " << a.out << ": " << e.what() << '\n';
      ok = false;
    }
  }
  if (a.json)
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  else
    print_result(std::cout, results, terminal_width(STDOUT_FILENO));
  if (!a.out.empty() && ok)
    std::cout << "results written to " << a.out << '\n';
  std::cout.flush();
  if (!ok)
    return kExitFailure;
  return exit_code_for(results.measured.outcome);
}

} // namespace conlab::cli
