#include "app/cli/cli_compare.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "core/compare/compare_json.h"
#include "core/results/results_json.h"
#include "core/util/file_io.h"
#include "core/util/json_fields.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <iterator>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

enum CompareExit : int {
  kNoRegression = 0,
  kRegressed = 1,
  kCannotCompare = 2,
  kNotEnoughEvidence = 3,
};

constexpr const char *kStdin = "-";
constexpr std::size_t kMaxFilesPerSide = 100;

struct CompareArgs {
  std::vector<std::string> baseline, candidate;
  RegressionGate gate;
  bool allow_mixed = false;
  std::string json_out; // empty: none; "-": stdout instead of the tables
};

std::string help_text() {
  std::string metrics;
  for (const MetricInfo &info : compare_metrics())
    metrics += "  " + pad(info.key, 12, Align::left) + pad(to_string(info.better), 9, Align::left) +
               std::string(info.title) + "\n";
  return R"(Usage: conlab-cli compare A.json B.json [options]
       conlab-cli compare [options] A1.json A2.json ... -- B1.json B2.json ...
       conlab-cli compare --baseline A.json [--baseline A2.json ...] B.json [B2.json ...]

Compares results files (conlab.results/1): the A side is the baseline, the B side the
candidate; '-' reads one file from stdin. A side is one results file or several of the same
experiment. The unit of evidence is the run: each complete repeat of a variant is one run and
gives one value of every metric, so `conlab-cli run FILE --repeats 5` gives a side of 5 runs.

Variants are matched by label. For each, every metric gets A and B (the mean over the side's
runs), B - A, B/A, which way is better, and whether the difference is beyond the run-to-run
noise: Welch's t 95% interval of B - A over the per-run values. Welch's interval allows the two
sides different spreads and stays honest for the few runs a side usually has; a bootstrap of the
tasks in one run would measure only the spread within it. With fewer than 2 runs a side the
noise is unknown: the differences are shown (marked ?) but no verdict is given.

Warnings follow for what makes the comparison doubtful: a side whose runs drift with their
order (Kendall's trend test), runs that fall into two groups, or an HTTP load generator that
could not keep up. A line per variant adds Mann-Whitney's U test of the task latencies, all
runs pooled: a within-run fact, not the run-to-run noise.

Two sweeps' results (conlab-cli sweep --out) compare point by point, one file a side: each
grid point both sides measured, variant by variant, with the same rules; its runs are that
point's repeats. One table shows the judged metric at every point, and a line names the points
where it changed beyond the noise. Because a grid makes many comparisons at once, each interval
is widened (Bonferroni) so that an unchanged sweep is called changed somewhere at most 5% of
the time. Sweeps over different parameters, or a sweep against a single run, are refused.

Files whose machines differ in kind (cores, CPU model, build type) are refused, on one side or
between the sides, unless --allow-mixed is given.

Then one metric is judged, for CI: it regressed for a variant when it got worse by more than
the threshold AND the whole interval lies on the worse side. With fewer than 2 runs a side the
gate neither passes nor fails (exit 3), unless --accept-single-runs lets the threshold alone
decide.

Exit codes:
  0  pass: no variant regressed, and every variant had the runs to tell
  1  at least one variant regressed
  2  could not compare: a bad argument, a file that cannot be read, is corrupt, truncated or of
     another schema version, files with no variant label in common, machines of different
     kinds, sweeps of different grids or a sweep against a single run, or a --json file
     that cannot be written
  3  not enough evidence: no regression shown, but a variant had fewer than 2 runs a side, so
     its noise is unknown (run with --repeats 5, or pass --accept-single-runs)

Metrics (--metric) and which way is better; p99 is the default: the tail is what a user waits
for. CPU utilisation is shown, never judged: more of it can mean the cores were put to work or
that overhead grew.
)" + metrics;
}

// "5%", "5" and "2.5%" are percentages; returns the share (0.05).
double parse_threshold(const std::string &text) {
  std::string_view digits = text;
  if (digits.ends_with('%'))
    digits.remove_suffix(1);
  double percent = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), percent);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
    throw UsageError("--threshold " + text + ": must be a percentage such as 5% or 2.5");
  if (!std::isfinite(percent) || percent < 0)
    throw UsageError("--threshold " + text + ": must be ≥ 0%");
  return percent / 100;
}

Metric parse_metric(const std::string &key) {
  const MetricInfo *info = find_metric(key);
  if (!info)
    throw UsageError("--metric " + key + ": no such metric (one of " + metric_keys() + ")");
  if (info->better == Better::neither)
    throw UsageError("--metric " + key + ": " + std::string(info->title) +
                     " has no better direction, so it cannot regress (choose another metric)");
  return info->metric;
}

std::vector<std::string> checked_files(std::vector<std::string> files, const char *side) {
  if (files.size() > kMaxFilesPerSide)
    throw UsageError("compare: " + std::to_string(files.size()) + " files for " + side +
                     ", more than the " + std::to_string(kMaxFilesPerSide) + " a side allowed");
  return files;
}

// Returns nothing when --help was asked for (and printed).
std::optional<CompareArgs> parse_args(std::vector<std::string> args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("metric", po::value<std::string>()->value_name("KEY")->default_value("p99"),
       "the metric the exit code judges (see the list above)")
      ("threshold", po::value<std::string>()->value_name("PCT")->default_value("5%"),
       "how much worse the metric may get before it counts as a regression")
      ("baseline", po::value<std::vector<std::string>>()->value_name("FILE"),
       "a baseline results file (repeat for several); the other files are the candidate's")
      ("accept-single-runs", po::bool_switch(),
       "with fewer than 2 runs a side, let the threshold alone decide instead of exiting 3")
      ("allow-mixed", po::bool_switch(),
       "compare files from machines of different kinds (cores, CPU model, build type)")
      ("json", po::value<std::string>()->value_name("FILE"),
       "also write the comparison as JSON (conlab.compare/2) to FILE; '-' prints it on stdout "
       "instead of the tables");
  // clang-format on
  // Everything after "--" is the candidate's files, as in `compare a1 a2 -- b1 b2`.
  const auto separator = std::find(args.begin(), args.end(), std::string("--"));
  const bool separated = separator != args.end();
  std::vector<std::string> after;
  if (separated) {
    after.assign(separator + 1, args.end());
    args.erase(separator, args.end());
  }
  const CommandLine line = parse_command_line("compare", args, options, kMaxFilesPerSide * 2);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << help_text() << '\n' << options;
    return std::nullopt;
  }
  CompareArgs compare;
  const bool with_baseline = vm.count("baseline") > 0;
  if (separated) {
    if (with_baseline)
      throw UsageError("compare: use either --baseline or '--' between the sides, not both");
    if (line.positional.empty() || after.empty())
      throw UsageError("compare: name the baseline files before '--' and the candidate files "
                       "after it (conlab-cli compare a1.json a2.json -- b1.json b2.json)");
    compare.baseline = line.positional;
    compare.candidate = after;
  } else if (with_baseline) {
    if (line.positional.empty())
      throw UsageError("compare: with --baseline, name the candidate's results files too");
    compare.baseline = vm["baseline"].as<std::vector<std::string>>();
    compare.candidate = line.positional;
  } else if (line.positional.size() == 2) {
    compare.baseline = {line.positional[0]};
    compare.candidate = {line.positional[1]};
  } else {
    throw UsageError(line.positional.size() < 2
                         ? "compare: name two results files, the baseline A and the candidate "
                           "B (conlab-cli compare --help)"
                         : "compare: " + std::to_string(line.positional.size()) +
                               " files: put '--' between the baseline's files and the "
                               "candidate's (conlab-cli compare a1.json a2.json -- b1.json "
                               "b2.json)");
  }
  compare.baseline = checked_files(std::move(compare.baseline), "A");
  compare.candidate = checked_files(std::move(compare.candidate), "B");
  std::size_t from_stdin = 0;
  for (const auto *side : {&compare.baseline, &compare.candidate})
    from_stdin += static_cast<std::size_t>(std::count(side->begin(), side->end(), kStdin));
  if (from_stdin > 1)
    throw UsageError("compare: only one of the files can be read from stdin ('-')");
  compare.gate.metric = parse_metric(vm["metric"].as<std::string>());
  compare.gate.threshold = parse_threshold(vm["threshold"].as<std::string>());
  compare.gate.accept_single_runs = vm["accept-single-runs"].as<bool>();
  compare.allow_mixed = vm["allow-mixed"].as<bool>();
  if (vm.count("json"))
    compare.json_out = vm["json"].as<std::string>();
  if (compare.json_out.empty() && vm.count("json"))
    throw UsageError("--json: name a file, or '-' for stdout");
  return compare;
}

std::string display_name(const std::string &path) { return path == kStdin ? "stdin" : path; }

RunResults load(const std::string &path) {
  if (path != kStdin)
    return load_results(path);
  const std::string text(std::istreambuf_iterator<char>(std::cin), {});
  return results_from_text(text, display_name(path));
}

RunSet load_side(const std::vector<std::string> &paths) {
  RunSet set;
  for (const std::string &path : paths) {
    set.runs.push_back(load(path));
    set.names.push_back(display_name(path));
  }
  return set;
}

std::string labels(const RunSet &set) {
  std::vector<std::string> seen;
  std::string text;
  for (const RunResults &results : set.runs)
    for (const VariantResult &variant : results.variants)
      if (std::find(seen.begin(), seen.end(), variant.label) == seen.end()) {
        seen.push_back(variant.label);
        text += (text.empty() ? "" : ", ") + variant.label;
      }
  return text.empty() ? "no variants" : text;
}

int exit_code(GateResult result) {
  switch (result) {
  case GateResult::pass:
    return kNoRegression;
  case GateResult::regressed:
    return kRegressed;
  case GateResult::not_enough_evidence:
    break;
  }
  return kNotEnoughEvidence;
}

// The JSON (to stdout instead of the tables, or to a file beside them), the tables, and the
// exit code; `print` writes the tables.
template <typename ComparisonT, typename Print>
int report(const CompareArgs &args, const ComparisonT &comparison, const GateReport &gate,
           Print print) {
  const std::string json =
      args.json_out.empty() ? std::string() : json::pretty_print(to_json(comparison, &gate));
  if (args.json_out == kStdin) {
    std::cout << json;
  } else {
    print(std::cout, comparison, gate, terminal_width(STDOUT_FILENO));
    if (!args.json_out.empty()) {
      try {
        write_file_atomically(args.json_out, json);
      } catch (const std::exception &e) {
        std::cout.flush();
        std::cerr << "error: --json: " << e.what() << '\n';
        return kCannotCompare;
      }
      std::cout << "comparison written to " << args.json_out << '\n';
    }
  }
  std::cout.flush();
  return exit_code(gate.result());
}

bool holds_a_sweep(const RunSet &set) {
  return std::any_of(set.runs.begin(), set.runs.end(),
                     [](const RunResults &r) { return r.sweep.has_value(); });
}

// Two sweeps, point by point: one results file a side, since a sweep's repeats are its runs.
int compare_sweep_files(const CompareArgs &args, const RunSet &baseline, const RunSet &candidate,
                        const CompareOptions &options) {
  for (const auto &[side, set] : {std::pair{"A", &baseline}, std::pair{"B", &candidate}})
    if (set->runs.size() != 1)
      throw UsageError(std::string("compare: ") + side + " has " +
                       std::to_string(set->runs.size()) +
                       " files with a sweep among them: a sweep compares with one sweep over "
                       "the same grid, its repeats are the runs (conlab-cli sweep FILE "
                       "--repeats 5)");
  CompareOptions named = options;
  named.baseline_name = baseline.names.front();
  named.candidate_name = candidate.names.front();
  const SweepComparison comparison =
      compare_sweeps(baseline.runs.front(), candidate.runs.front(), named);
  const GateReport gate = apply_gate(comparison, args.gate);
  return report(args, comparison, gate, print_sweep_comparison);
}

int compare(const std::vector<std::string> &args) {
  const std::optional<CompareArgs> parsed = parse_args(args);
  if (!parsed)
    return kNoRegression;
  const RunSet baseline = load_side(parsed->baseline);
  const RunSet candidate = load_side(parsed->candidate);
  CompareOptions options;
  options.allow_mixed_machines = parsed->allow_mixed;
  if (holds_a_sweep(baseline) || holds_a_sweep(candidate))
    return compare_sweep_files(*parsed, baseline, candidate, options);
  const Comparison comparison = compare_runs(baseline, candidate, options);
  if (comparison.variants.empty()) {
    std::cerr << "error: compare: no variant label is on both sides (A has " << labels(baseline)
              << "; B has " << labels(candidate) << "): nothing to compare\n";
    return kCannotCompare;
  }
  const GateReport gate = apply_gate(comparison, parsed->gate);
  return report(*parsed, comparison, gate, print_comparison);
}

} // namespace

int compare_command(const std::vector<std::string> &args) {
  try {
    return compare(args);
  } catch (const UsageError &) {
    throw;
  } catch (const SpecError &) {
    throw;
  } catch (const std::exception &e) {
    // Exit 1 means "regressed" here, so no other failure may end with it.
    std::cerr << "error: compare: " << e.what() << '\n';
    return kCannotCompare;
  }
}

} // namespace conlab::cli
