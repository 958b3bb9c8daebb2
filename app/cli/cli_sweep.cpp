#include "app/cli/cli_sweep.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_history.h"
#include "core/results/environment.h"
#include "core/results/results_json.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"
#include "core/util/format.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

struct SweepArgs {
  std::string experiment;
  std::optional<double> time_scale;
  std::optional<int> repeats;
  std::optional<std::uint64_t> seed;
  std::string out, resume, metric = "makespan";
  bool in_order = false, yes = false, dry_run = false, json = false, quiet = false;
  std::optional<std::string> history; // nullopt: --no-history; "": the default directory
  std::optional<Shard> shard;
};

std::optional<SweepArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("out", po::value<std::string>()->value_name("FILE"),
       "results file, written after every run (default: <experiment name>.sweep.json, or the "
       "--resume file)")
      ("resume", po::value<std::string>()->value_name("FILE"),
       "continue a cancelled sweep saved in FILE: its finished runs are kept, the rest run")
      ("yes,y", po::bool_switch(), "run a sweep of more than 500 variant runs or 15 min")
      ("dry-run", po::bool_switch(), "print the grid and the estimate, run nothing")
      ("shard", po::value<std::string>()->value_name("I/N"),
       "run only part I of N of the grid (I from 0: a Slurm array's or an Indexed Job's index); "
       "conlab-cli merge joins the parts")
      ("metric", po::value<std::string>()->value_name("M"),
       "metric of the printed table: makespan (default), throughput, p50, p99, cpu, loop_lag")
      ("time-scale", po::value<double>()->value_name("X"), "multiply every duration by X")
      ("repeats", po::value<int>()->value_name("R"), "run every point R times")
      ("seed", po::value<std::uint64_t>()->value_name("S"), "seed for durations and the order")
      ("in-order", po::bool_switch(), "run the points in grid order instead of shuffled")
      ("json", po::bool_switch(), "print the results JSON on stdout instead of the table")
      ("quiet,q", po::bool_switch(), "no progress on stderr");
  // clang-format on
  add_history_options(options);
  const CommandLine line = parse_command_line("sweep", args, options, 1);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << "Usage: conlab-cli sweep <preset|file.json> [options]\n\n"
                 "Runs an experiment at every point of its sweep (one or two parameters, see\n"
                 "docs/experiment-format.md), every variant at every point, R repeats each, the\n"
                 "(point, repeat) runs in a shuffled order so drift does not look like a trend.\n"
                 "Prints the metric per point beside the simulation, the knee and a USL fit.\n"
                 "Ctrl-C stops cleanly: finished runs are kept; --resume continues.\n"
                 "With --shard I/N it runs every N-th run of the shuffled order from the I-th,\n"
                 "so N machines (or cluster tasks) share the grid; conlab-cli merge joins them.\n\n"
              << options;
    return std::nullopt;
  }
  if (line.positional.empty())
    throw UsageError("sweep: name a preset or an experiment file with a sweep");
  SweepArgs a;
  a.experiment = line.positional.front();
  take(vm, "time-scale", a.time_scale);
  take(vm, "repeats", a.repeats);
  take(vm, "seed", a.seed);
  if (vm.count("out"))
    a.out = vm["out"].as<std::string>();
  if (vm.count("resume"))
    a.resume = vm["resume"].as<std::string>();
  if (vm.count("metric"))
    a.metric = vm["metric"].as<std::string>();
  if (vm.count("shard")) {
    const std::string text = vm["shard"].as<std::string>();
    try {
      a.shard = parse_shard(text);
    } catch (const std::invalid_argument &e) {
      throw UsageError("--shard " + text + ": " + e.what());
    }
  }
  a.in_order = vm["in-order"].as<bool>();
  a.yes = vm["yes"].as<bool>();
  a.dry_run = vm["dry-run"].as<bool>();
  a.json = vm["json"].as<bool>();
  a.quiet = vm["quiet"].as<bool>();
  a.history = chosen_history(vm, "sweep");
  return a;
}

void apply_overrides(Experiment &e, const SweepArgs &a) {
  if (a.time_scale) {
    if (!(*a.time_scale > 0))
      throw UsageError("--time-scale: must be > 0");
    e.time_scale = *a.time_scale;
  }
  if (a.repeats) {
    if (*a.repeats < 1)
      throw UsageError("--repeats: must be ≥ 1");
    e.repeats = *a.repeats;
  }
  if (a.seed)
    e.seed = *a.seed;
  if (a.in_order && e.sweep)
    e.sweep->shuffle = false;
}

// A part beyond the runs there are would run nothing: surely a wrong N.
void check_shard_fits(const Experiment &e, const Shard &shard) {
  const std::size_t runs = sweep_run_count(e);
  if (shard.count > runs)
    throw UsageError("--shard " + shard.text() + ": the sweep has " + std::to_string(runs) +
                     (runs == 1 ? " run" : " runs") +
                     " (points × repeats), so it splits into at most " + std::to_string(runs) +
                     " parts");
}

// One line on stderr: redrawn in place on a terminal, else at most one every 2 s and one per
// finished run. Called from the sweep's thread only (notes from the signal thread lock too).
class SweepProgressLine {
public:
  SweepProgressLine(const Experiment &e, bool quiet)
      : m_experiment(e), m_grid(sweep_points(*e.sweep)),
        m_style(quiet                        ? Style::none
                : is_terminal(STDERR_FILENO) ? Style::bar
                                             : Style::lines) {}
  ~SweepProgressLine() { finish(); }

  void update(const SweepProgress &p) {
    if (m_style == Style::none)
      return;
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    const bool new_run = p.run != m_run;
    m_run = p.run;
    const auto interval =
        m_style == Style::bar ? std::chrono::milliseconds(100) : std::chrono::milliseconds(2000);
    if (!new_run && now - m_drawn < interval)
      return;
    m_drawn = now;
    std::string line = "run " + std::to_string(p.run + 1) + "/" + std::to_string(p.runs) + "  " +
                       point_text(*m_experiment.sweep, m_grid.at(p.point));
    if (m_experiment.repeats > 1)
      line +=
          "  repeat " + std::to_string(p.repeat + 1) + "/" + std::to_string(m_experiment.repeats);
    if (p.inside.variant < m_experiment.variants.size())
      line += "  " + m_experiment.variants[p.inside.variant].label;
    line += "  " + std::to_string(static_cast<int>(p.fraction * 100)) + "%";
    if (p.eta_s >= 0)
      line += "  ETA " + human_span(p.eta_s);
    if (m_style == Style::bar) {
      write_fd(STDERR_FILENO,
               "\r\033[2K" + truncate_to_width(line, terminal_width(STDERR_FILENO) - 1));
      m_bar = true;
    } else {
      write_fd(STDERR_FILENO, line + "\n");
    }
  }
  void note(const std::string &text) {
    std::lock_guard lock(m_mutex);
    clear();
    write_fd(STDERR_FILENO, text + "\n");
  }
  void finish() {
    std::lock_guard lock(m_mutex);
    clear();
  }

private:
  enum class Style { bar, lines, none };
  using Clock = std::chrono::steady_clock;
  void clear() {
    if (m_bar)
      write_fd(STDERR_FILENO, "\r\033[2K");
    m_bar = false;
  }
  const Experiment &m_experiment;
  std::vector<std::vector<double>> m_grid;
  Style m_style;
  std::mutex m_mutex;
  bool m_bar = false;
  std::size_t m_run = static_cast<std::size_t>(-1);
  Clock::time_point m_drawn{};
};

} // namespace

SweepMetric parse_sweep_metric_option(const std::string &name) {
  if (const std::optional<SweepMetric> metric = parse_sweep_metric(name))
    return *metric;
  throw UsageError("--metric " + name + ": unknown metric; known: " + sweep_metric_names());
}

std::string default_sweep_out(const Experiment &e, const std::optional<Shard> &shard) {
  std::string name;
  for (char c : e.name)
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  if (name.empty())
    name = "experiment";
  if (shard)
    name += ".part-" + std::to_string(shard->index) + "-of-" + std::to_string(shard->count);
  return name + ".sweep.json";
}

int sweep_command(const std::vector<std::string> &args, SignalWatcher &signals) {
  const std::optional<SweepArgs> a = parse_args(args);
  if (!a)
    return kExitOk;
  const SweepMetric metric = parse_sweep_metric_option(a->metric);
  const int cores = available_cores();
  Experiment experiment = load_experiment_arg(a->experiment, cores);
  if (!experiment.sweep)
    throw UsageError(a->experiment + " has no sweep: add one (docs/experiment-format.md) or run "
                                     "it with conlab-cli run");
  apply_overrides(experiment, *a);
  if (const auto errors = validate_experiment(experiment, cores); !errors.empty()) {
    print_field_errors(std::cerr, errors);
    return kExitBadInput;
  }
  std::optional<RunResults> previous;
  if (!a->resume.empty()) {
    try {
      previous = load_results(a->resume);
      check_resumable(experiment, *previous, cores, a->shard);
    } catch (const SpecError &e) {
      throw UsageError("--resume " + a->resume + ": " + e.what());
    } catch (const std::invalid_argument &e) {
      throw UsageError("--resume " + a->resume + ": " + e.what());
    }
  }
  // A resumed part stays the part it was.
  const std::optional<Shard> shard = a->shard   ? a->shard
                                     : previous ? previous->sweep->shard
                                                : std::nullopt;
  if (shard)
    check_shard_fits(experiment, *shard);
  const std::string out = !a->out.empty()      ? a->out
                          : !a->resume.empty() ? a->resume
                                               : default_sweep_out(experiment, shard);
  const SweepPlan plan =
      plan_sweep(experiment, cores, previous ? &*previous->sweep : nullptr, shard);
  const std::size_t points = sweep_points(*experiment.sweep).size();
  std::cerr << experiment.name << ": " << points << (points == 1 ? " point" : " points") << " × "
            << experiment.variants.size() << " variants × " << experiment.repeats
            << (experiment.repeats == 1 ? " repeat" : " repeats") << "; ";
  if (shard)
    std::cerr << "part " << shard->text() << ": "
              << plan_sweep(experiment, cores, nullptr, shard).order.size() << " of the "
              << sweep_run_count(experiment) << " runs; ";
  std::cerr << plan.variant_runs << " variant runs to do, estimated "
            << human_span(plan.estimated_s) << "\n";
  if (a->dry_run)
    return kExitOk;
  if (const auto why = needs_confirmation(plan); why && !a->yes)
    throw UsageError("sweep refused: " + *why + " (add --yes to run it)");
  check_writable(out);
  // Opened before the first run: a history that cannot be used stops the sweep, not its end.
  const std::unique_ptr<history::RunHistory> history =
      a->history ? open_run_history(*a->history) : nullptr;
  const auto started = history::Clock::now();

  SweepProgressLine progress(experiment, a->quiet);
  std::string save_error;
  RunResults results;
  {
    const StopHandlerScope on_stop(signals, [&progress] {
      progress.note("stopping… (finished runs are kept; Ctrl-C again quits at once)");
    });
    SweepOptions options;
    options.stop = signals.stop_token();
    options.cores = cores;
    options.resume = previous ? &*previous : nullptr;
    options.shard = shard;
    options.on_progress = [&progress](const SweepProgress &p) { progress.update(p); };
    options.on_run_done = [&](const RunResults &so_far) {
      try {
        save_results(so_far, out); // every run, so a crash loses at most the run in progress
      } catch (const std::exception &e) {
        save_error = e.what();
      }
    };
    results = run_sweep(experiment, options);
    progress.finish();
  }
  try {
    save_results(results, out);
  } catch (const std::exception &e) {
    save_error = e.what();
  }
  // The history keeps its own copy: the --out file may be resumed and overwritten.
  const bool recorded = !history || record_run(*history, results, started, a->quiet);
  if (a->json)
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  else
    print_sweep_report(std::cout, results, metric, terminal_width(STDOUT_FILENO));
  std::cout.flush();
  if (save_error.empty())
    std::cerr << "results: " << out << "\n";
  else
    std::cerr << "error: cannot write " << out << ": " << save_error << '\n';
  if (results.status == RunStatus::failed) {
    std::cerr << "error: the sweep failed " << results.error << '\n';
    return kExitFailure;
  }
  if (results.status == RunStatus::cancelled || signals.stop_requested()) {
    std::cerr << "cancelled: continue with conlab-cli sweep " << a->experiment
              << (shard ? " --shard " + shard->text() : "") << " --resume " << out << "\n";
    return kExitCancelled;
  }
  return save_error.empty() && recorded ? kExitOk : kExitFailure;
}

} // namespace conlab::cli
