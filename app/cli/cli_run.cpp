#include "app/cli/cli_run.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_history.h"
#include "app/cli/cli_progress.h"
#include "app/cli/cli_spawn.h"
#include "app/cli/cli_table.h"
#include "core/engine/runner.h"
#include "core/http/server_target.h"
#include "core/results/environment.h"
#include "core/results/results_json.h"
#include "core/util/format.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

struct RunArgs {
  std::string experiment;
  std::optional<double> time_scale;
  std::optional<int> repeats;
  std::optional<std::uint64_t> seed;
  std::optional<std::int64_t> tasks;
  std::optional<std::int64_t> clients;
  std::optional<std::string> target; // --target http://HOST:PORT
  std::optional<SpawnArgs> spawn;    // --spawn 'CMD': start the server at the target first
  std::vector<std::string> variants;
  std::string out;
  std::string csv;
  bool json = false;
  bool quiet = false;
  std::optional<std::string> history; // nullopt: --no-history; "": the default directory
  bool no_sweep = false;
  CauseSplitMode split = CauseSplitMode::automatic;
};

// Returns nothing when --help was asked for (and printed).
std::optional<RunArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("time-scale", po::value<double>()->value_name("X"),
       "multiply every duration by X (0.05 replays the article in ~6 s)")
      ("repeats", po::value<int>()->value_name("R"), "run each variant R times")
      ("seed", po::value<std::uint64_t>()->value_name("S"),
       "seed for drawn durations and Poisson arrivals")
      ("tasks", po::value<std::int64_t>()->value_name("N"),
       "N tasks per variant (a closed load's clients are capped at N)")
      ("clients", po::value<std::int64_t>()->value_name("C"), "C concurrent clients (closed load)")
      ("variant", po::value<std::vector<std::string>>()->value_name("LABEL"),
       "run only this variant (repeatable)")
      ("target", po::value<std::string>()->value_name("URL"),
       "measure a real server instead: each variant's tasks become requests to URL/<label> "
       "(e.g. http://127.0.0.1:8000 for the article's /a../d), beside the model's prediction; "
       "at full scale, so not with --time-scale")
      ("out", po::value<std::string>()->value_name("FILE"),
       "write the results JSON (conlab.results/1) to FILE")
      ("csv", po::value<std::string>()->value_name("FILE"), "write one row per task to FILE")
      ("json", po::bool_switch(), "print the results JSON on stdout instead of the table")
      ("quiet,q", po::bool_switch(), "no progress on stderr")
      ("split", po::value<std::string>()->value_name("auto|on|off"),
       "split each task's time by cause (on a core, waiting for a core, blocked, loop busy). "
       "It costs about 2.4 µs a task on a thread-based model, and as much a step a loop hands "
       "a thread, so auto (the default) leaves out variants where that is under 1 ms; on "
       "splits them anyway")
      ("no-sweep", po::bool_switch(),
       "run an experiment that has a sweep once, with its base values");
  // clang-format on
  add_spawn_options(options);
  add_history_options(options);
  const CommandLine line = parse_command_line("run", args, options, 1);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << "Usage: conlab-cli run <preset-name|file.json> [options]\n\n"
                 "Runs every variant of an experiment and prints what each measured beside its\n"
                 "prediction. Ctrl-C stops cleanly: what was measured is kept and written.\n\n"
              << options;
    return std::nullopt;
  }
  if (line.positional.empty())
    throw UsageError("run: name a preset or an experiment file (see conlab-cli presets)");
  RunArgs run;
  run.experiment = line.positional.front();
  take(vm, "time-scale", run.time_scale);
  take(vm, "repeats", run.repeats);
  take(vm, "seed", run.seed);
  take(vm, "tasks", run.tasks);
  take(vm, "clients", run.clients);
  take(vm, "target", run.target);
  if (vm.count("variant"))
    run.variants = vm["variant"].as<std::vector<std::string>>();
  if (vm.count("out"))
    run.out = vm["out"].as<std::string>();
  if (vm.count("csv"))
    run.csv = vm["csv"].as<std::string>();
  run.json = vm["json"].as<bool>();
  run.quiet = vm["quiet"].as<bool>();
  run.history = chosen_history(vm, "run");
  run.no_sweep = vm["no-sweep"].as<bool>();
  if (vm.count("split")) {
    const std::string split = vm["split"].as<std::string>();
    if (split == "auto")
      run.split = CauseSplitMode::automatic;
    else if (split == "on")
      run.split = CauseSplitMode::on;
    else if (split == "off")
      run.split = CauseSplitMode::off;
    else
      throw UsageError("run: --split must be auto, on or off, not " + split);
  }
  run.spawn = chosen_spawn(vm, run.out);
  if (run.spawn && !run.target)
    throw UsageError("--spawn: only with --target, the URL where the server will answer");
  return run;
}

void keep_variants(Experiment &experiment, const std::vector<std::string> &labels) {
  for (const std::string &label : labels) {
    const auto has_label = [&](const Variant &v) { return v.label == label; };
    if (std::none_of(experiment.variants.begin(), experiment.variants.end(), has_label)) {
      std::string known;
      for (const Variant &v : experiment.variants)
        known += (known.empty() ? "" : ", ") + v.label;
      throw UsageError("--variant " + label + ": no such variant in " + experiment.name +
                       " (it has " + known + ")");
    }
  }
  std::erase_if(experiment.variants, [&](const Variant &v) {
    return std::find(labels.begin(), labels.end(), v.label) == labels.end();
  });
}

void apply_overrides(Experiment &experiment, const RunArgs &run) {
  if (run.time_scale) {
    if (!(*run.time_scale > 0))
      throw UsageError("--time-scale: must be > 0");
    experiment.time_scale = *run.time_scale;
  }
  if (run.repeats) {
    if (*run.repeats < 1)
      throw UsageError("--repeats: must be ≥ 1");
    experiment.repeats = *run.repeats;
  }
  if (run.seed)
    experiment.seed = *run.seed;
  Load &load = experiment.load;
  if (run.tasks) {
    if (*run.tasks < 1)
      throw UsageError("--tasks: must be ≥ 1");
    load.tasks = *run.tasks;
    if (load.kind == LoadKind::closed && !run.clients)
      load.clients = std::min(load.clients, load.tasks);
  }
  if (run.clients) {
    if (load.kind != LoadKind::closed)
      throw UsageError("--clients: " + experiment.name +
                       " has an open load (tasks arrive at a rate); clients apply to closed loads");
    if (*run.clients < 1)
      throw UsageError("--clients: must be ≥ 1");
    load.clients = *run.clients;
  }
  if (!run.variants.empty())
    keep_variants(experiment, run.variants);
}

// --target: every variant to the server at URL/<label>, at full scale. False after printing the
// problems, each naming its field.
bool aim_at_target(Experiment &experiment, const RunArgs &run) {
  if (run.time_scale)
    throw UsageError("--time-scale: a real server at --target runs at its own speed, so its "
                     "durations cannot be scaled (drop --time-scale; the predictions are at full "
                     "scale)");
  double scaled_from = 1;
  const std::vector<FieldError> errors = http::aim_at_server(experiment, *run.target, scaled_from);
  if (!errors.empty()) {
    print_field_errors(std::cerr, errors);
    return false;
  }
  if (scaled_from != 1)
    std::cerr << "note: " << experiment.name << "'s time scale ×" << human_scale(scaled_from)
              << " does not apply to a real server: it runs, and is predicted, at full scale\n";
  return true;
}

// Writes --out and --csv, noting in `context` what was written; false (after saying why) when a
// file could not be written.
bool write_outputs(const RunResults &results, const RunArgs &run, ReportContext &context) {
  bool ok = true;
  const auto attempt = [&](const std::string &path, std::string &written, auto &&save) {
    if (path.empty())
      return;
    try {
      save(results, path);
      written = path;
    } catch (const std::exception &e) {
      std::cerr << "error: cannot write " << path << ": " << e.what() << '\n';
      ok = false;
    }
  };
  attempt(run.out, context.results_path,
          [](const RunResults &r, const std::string &p) { save_results(r, p); });
  attempt(run.csv, context.samples_path,
          [](const RunResults &r, const std::string &p) { save_samples_csv(r, p); });
  return ok;
}

} // namespace

// Fails before the run rather than after it: a long run whose results cannot be saved is lost.
void check_writable(const std::string &path) {
  if (path.empty())
    return;
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw RuntimeFailure("cannot write " + path + ": no directory " + dir.string());
  if (fs::is_directory(target, ec))
    throw RuntimeFailure("cannot write " + path + ": it is a directory");
  if (::access(dir.c_str(), W_OK) != 0)
    throw RuntimeFailure("cannot write " + path + ": " + std::strerror(errno));
}

int run_command(const std::vector<std::string> &args, SignalWatcher &signals) {
  const std::optional<RunArgs> run = parse_args(args);
  if (!run)
    return kExitOk;
  const int cores = available_cores();
  Experiment experiment = load_experiment_arg(run->experiment, cores);
  if (experiment.sweep && !run->no_sweep)
    throw UsageError(run->experiment + " has a sweep: run it with conlab-cli sweep " +
                     run->experiment + ", or add --no-sweep to run its base values once");
  experiment.sweep.reset();
  apply_overrides(experiment, *run);
  if (run->target && !aim_at_target(experiment, *run))
    return kExitBadInput;
  if (const auto errors = validate_experiment(experiment, cores); !errors.empty()) {
    print_field_errors(std::cerr, errors);
    return kExitBadInput;
  }
  check_writable(run->out);
  check_writable(run->csv);
  const std::unique_ptr<history::RunHistory> history =
      run->history ? open_run_history(*run->history) : nullptr;
  std::unique_ptr<http::ServerUnderTest> server;
  if (run->spawn) {
    std::string ignored;
    server = start_server_under_test(*run->spawn, *http::parse_url(*run->target, ignored), signals,
                                     run->quiet);
    if (!server)
      return kExitCancelled;
  }
  const auto started = history::Clock::now();

  const auto style = run->quiet                   ? Progress::Style::none
                     : is_terminal(STDERR_FILENO) ? Progress::Style::bar
                                                  : Progress::Style::lines;
  Progress progress(experiment, style);
  RunResults results;
  {
    const StopHandlerScope on_stop(signals, [&progress] {
      progress.note("stopping… (keeping what was measured; Ctrl-C again quits at once)");
    });
    RunOptions options;
    options.stop = signals.stop_token();
    options.cores = cores;
    options.split = run->split;
    options.on_progress = [&progress](const RunProgress &p) { progress.update(p); };
    options.on_repeat_done = [&progress](std::size_t variant, const RepeatResult &repeat) {
      progress.repeat_done(variant, repeat);
    };
    results = run_experiment(experiment, options);
    progress.finish();
  }
  const bool server_lasted = !server || finish_server_under_test(std::move(server), results);

  ReportContext context;
  context.width = terminal_width(STDOUT_FILENO);
  bool written = write_outputs(results, *run, context);
  if (history)
    written = record_run(*history, results, started, run->quiet) && written;
  if (run->json)
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  else
    print_report(std::cout, results, context);
  std::cout.flush();
  if (results.status == RunStatus::failed) {
    std::cerr << "error: the run failed: " << results.error << '\n';
    return kExitFailure;
  }
  if (results.status == RunStatus::cancelled || signals.stop_requested())
    return kExitCancelled;
  return written && server_lasted ? kExitOk : kExitFailure;
}

} // namespace conlab::cli
