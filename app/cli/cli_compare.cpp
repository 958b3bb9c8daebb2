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

#include <charconv>
#include <cmath>
#include <iostream>
#include <iterator>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

enum CompareExit : int { kNoRegression = 0, kRegressed = 1, kCannotCompare = 2 };

constexpr const char *kStdin = "-";

struct CompareArgs {
  std::string baseline, candidate;
  RegressionGate gate;
  std::string json_out; // empty: none; "-": stdout instead of the tables
};

std::string help_text() {
  std::string metrics;
  for (const MetricInfo &info : compare_metrics())
    metrics += "  " + pad(info.key, 12, Align::left) + pad(to_string(info.better), 9, Align::left) +
               std::string(info.title) +
               (info.noise == NoiseBasis::task_samples ? " (bootstrap over the tasks)"
                                                       : " (Welch's t over the repeats)") +
               "\n";
  return R"(Usage: conlab-cli compare A.json B.json [options]
       conlab-cli compare --baseline A.json B.json [options]

Compares two results files (conlab.results/1): A is the baseline, B the candidate, '-' reads
one of them from stdin. Variants are matched by label; for each, every metric gets A, B, B - A,
B/A, which way is better, and whether the difference is beyond the noise:
  latency p50/p90/p99 and mean queue wait: a percentile bootstrap of B - A over the task
    samples (all repeats pooled; 2000 resamples, seeded: the same files give the same answer);
  the others: Welch's t interval over the complete repeats; with one repeat a side the noise
    is not estimated and the table says so (marked ?).
Every interval is 95%. A line per variant adds Mann-Whitney's U test of the latencies.

Then one metric is judged, for CI: it regressed for a variant when it got worse by more than
the threshold AND the whole interval lies on the worse side. When its noise cannot be estimated
the threshold alone decides (the output says so).

Exit codes:
  0  no variant regressed
  1  at least one variant regressed
  2  could not compare: a bad argument, a file that cannot be read, is corrupt, truncated or of
     another schema version, files with no variant label in common, or a --json file that
     cannot be written

Metrics (--metric) and which way is better; p99 is the default because its noise is known
from a single run, and the tail is what a user waits for. CPU utilisation is shown, never
judged: more of it can mean the cores were put to work or that overhead grew.
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

// Returns nothing when --help was asked for (and printed).
std::optional<CompareArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("metric", po::value<std::string>()->value_name("KEY")->default_value("p99"),
       "the metric the exit code judges (see the list above)")
      ("threshold", po::value<std::string>()->value_name("PCT")->default_value("5%"),
       "how much worse the metric may get before it counts as a regression")
      ("baseline", po::value<std::string>()->value_name("FILE"),
       "the baseline results file; then only the candidate is given as an argument")
      ("json", po::value<std::string>()->value_name("FILE"),
       "also write the comparison as JSON (conlab.compare/1) to FILE; '-' prints it on stdout "
       "instead of the tables");
  // clang-format on
  const CommandLine line = parse_command_line("compare", args, options, 2);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << help_text() << '\n' << options;
    return std::nullopt;
  }
  CompareArgs compare;
  const std::size_t wanted = vm.count("baseline") ? 1 : 2;
  if (line.positional.size() != wanted)
    throw UsageError(vm.count("baseline")
                         ? "compare: with --baseline, name one results file: the candidate"
                         : "compare: name two results files, the baseline A and the candidate "
                           "B (conlab-cli compare --help)");
  compare.baseline = vm.count("baseline") ? vm["baseline"].as<std::string>() : line.positional[0];
  compare.candidate = line.positional.back();
  if (compare.baseline == kStdin && compare.candidate == kStdin)
    throw UsageError("compare: only one of the two files can be read from stdin ('-')");
  compare.gate.metric = parse_metric(vm["metric"].as<std::string>());
  compare.gate.threshold = parse_threshold(vm["threshold"].as<std::string>());
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

std::string labels(const RunResults &results) {
  std::string text;
  for (const VariantResult &variant : results.variants)
    text += (text.empty() ? "" : ", ") + variant.label;
  return text.empty() ? "no variants" : text;
}

int compare(const std::vector<std::string> &args) {
  const std::optional<CompareArgs> parsed = parse_args(args);
  if (!parsed)
    return kNoRegression;
  const RunResults baseline = load(parsed->baseline);
  const RunResults candidate = load(parsed->candidate);
  CompareOptions options;
  options.baseline_name = display_name(parsed->baseline);
  options.candidate_name = display_name(parsed->candidate);
  const Comparison comparison = compare_runs(baseline, candidate, options);
  if (comparison.variants.empty()) {
    std::cerr << "error: compare: no variant label is in both files (A has " << labels(baseline)
              << "; B has " << labels(candidate) << "): nothing to compare\n";
    return kCannotCompare;
  }
  const GateReport gate = apply_gate(comparison, parsed->gate);

  const std::string json =
      parsed->json_out.empty() ? std::string() : json::pretty_print(to_json(comparison, &gate));
  if (parsed->json_out == kStdin) {
    std::cout << json;
  } else {
    print_comparison(std::cout, comparison, gate, terminal_width(STDOUT_FILENO));
    if (!parsed->json_out.empty()) {
      try {
        write_file_atomically(parsed->json_out, json);
      } catch (const std::exception &e) {
        std::cout.flush();
        std::cerr << "error: --json: " << e.what() << '\n';
        return kCannotCompare;
      }
      std::cout << "comparison written to " << parsed->json_out << '\n';
    }
  }
  std::cout.flush();
  return gate.regressed() ? kRegressed : kNoRegression;
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
