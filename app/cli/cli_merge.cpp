// `conlab-cli merge`: join the parts of a sweep (sweep --shard I/N) into one sweep result that
// charts, reports, compares and resumes like one run on one machine; or the parts of a load
// (load --shard I/N) into one load, as if one generator had sent it all.
#include "app/cli/cli_merge.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_history.h"
#include "app/cli/cli_http.h"
#include "app/cli/cli_sweep.h"
#include "core/http/load_merge.h"
#include "core/results/results_json.h"
#include "core/sweep/sweep_merge.h"
#include "core/util/format.h"
#include "core/util/machine_memory.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <limits>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

struct MergeArgs {
  std::vector<std::string> parts;
  std::string out, metric = "makespan";
  bool metric_given = false;
  SweepMergeOptions merge;
  bool json = false, quiet = false;
  std::optional<std::string> history;
};

std::optional<MergeArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("out", po::value<std::string>()->value_name("FILE"),
       "the merged result (default: <experiment name>.sweep.json for a sweep, load.json for a "
       "load)")
      ("allow-mixed", po::bool_switch(),
       "sweeps: merge parts measured on different kinds of machine (cores, CPU model, build "
       "type); each measurement keeps the part that made it")
      ("allow-missing", po::bool_switch(),
       "write the merge although parts or runs are missing; for a sweep, conlab-cli sweep "
       "--resume on the merged file runs them")
      ("metric", po::value<std::string>()->value_name("M"),
       "sweeps: metric of the printed table: makespan (default), throughput, p50, p99, cpu, "
       "loop_lag")
      ("json", po::bool_switch(), "print the merged results JSON on stdout instead of the table")
      ("quiet,q", po::bool_switch(), "no summary of the parts on stderr");
  // clang-format on
  add_history_options(options);
  const CommandLine line =
      parse_command_line("merge", args, options, std::numeric_limits<std::size_t>::max());
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << "Usage: conlab-cli merge PART.json... [options]\n\n"
                 "Joins the parts of a sweep, each run with conlab-cli sweep --shard I/N, into\n"
                 "one sweep result, as if one process had run the whole grid. Refuses parts of\n"
                 "different experiments, parts that overlap or leave runs out, and parts\n"
                 "measured on different kinds of machine.\n\n"
                 "Joins the parts of a load, each sent with conlab-cli load --shard I/N, into one\n"
                 "load result, as if one generator had sent every request: percentiles of all\n"
                 "requests (never an average of the parts'), and every generator's self-check.\n"
                 "Refuses parts of different loads and parts given twice, and names those\n"
                 "missing.\n\n"
              << options;
    return std::nullopt;
  }
  if (line.positional.empty())
    throw UsageError(
        "merge: name the parts to merge (the files of conlab-cli sweep --shard or load --shard)");
  MergeArgs a;
  a.parts = line.positional;
  if (vm.count("out"))
    a.out = vm["out"].as<std::string>();
  if (vm.count("metric")) {
    a.metric = vm["metric"].as<std::string>();
    a.metric_given = true;
  }
  a.merge.allow_mixed = vm["allow-mixed"].as<bool>();
  a.merge.allow_missing = vm["allow-missing"].as<bool>();
  a.json = vm["json"].as<bool>();
  a.quiet = vm["quiet"].as<bool>();
  a.history = chosen_history(vm, "merge");
  return a;
}

// Reading a part holds its JSON tree (a few times the file) and then its results (about the
// file's size) until the merge, a copy of them all, is written: refused up front when that would
// not fit in a quarter of this machine's memory. Measured (bench_load_merge): 4 parts of a million
// requests, 206 MiB of files, peaked at 736 MiB; this estimates 824 MiB.
void check_memory(const std::vector<std::string> &files) {
  double total = 0, largest = 0;
  for (const std::string &file : files) {
    std::error_code ec;
    const auto size = static_cast<double>(std::filesystem::file_size(file, ec));
    if (ec)
      continue; // reading it will say why
    total += size;
    largest = std::max(largest, size);
  }
  const double need = 3 * total + 4 * largest;
  const double limit = physical_memory_bytes() / 4;
  if (need > limit)
    throw UsageError("merge: the " + std::to_string(files.size()) + " parts take " +
                     human_bytes(total) + ", and merging them would need about " +
                     human_bytes(need) + "; the limit is " + human_bytes(limit) +
                     " (a quarter of this machine's memory). Merge on a larger machine");
}

std::vector<SweepPartFile> read_parts(const std::vector<std::string> &files) {
  check_memory(files);
  std::vector<SweepPartFile> parts;
  for (const std::string &file : files) {
    try {
      parts.push_back({file, load_results(file)});
    } catch (const std::exception &e) {
      throw UsageError(std::string(e.what()).starts_with(file) ? e.what() : file + ": " + e.what());
    }
  }
  return parts;
}

void print_parts(std::ostream &out, const SweepResults &sweep) {
  for (const SweepPart &part : sweep.parts)
    out << "  part " << part.shard.text() << "  " << part.file << "  " << part.runs
        << (part.runs == 1 ? " run" : " runs") << " in " << human_duration(part.wall_time_s)
        << "  on " << (part.hostname.empty() ? "an unnamed host" : part.hostname) << " ("
        << part.cores << (part.cores == 1 ? " core" : " cores") << ")\n";
}

int merge_load(const MergeArgs &a, std::vector<SweepPartFile> files) {
  if (a.merge.allow_mixed)
    throw UsageError("--allow-mixed: for sweeps; the generators of a load may run on any machines");
  if (a.metric_given)
    throw UsageError("--metric: for sweeps; a load prints its table");
  std::vector<http::LoadPartFile> parts;
  for (SweepPartFile &f : files) {
    if (!http::is_load_part(f.results))
      throw UsageError("cannot merge: " + f.file + " is not a part of a load, and " +
                       files.front().file + " is");
    parts.push_back({f.file, std::move(f.results)});
  }
  http::LoadMerge merge;
  try {
    merge = http::merge_load_parts(parts, a.merge.allow_missing);
  } catch (const http::LoadMergeError &e) {
    std::string why = std::string("cannot merge: ") + e.what();
    if (e.parts_missing())
      why += "\nRun the missing generators again (a load cannot be resumed: their requests "
             "would not meet the others'), or merge with --allow-missing, which says in the "
             "results that the load was lighter.";
    throw UsageError(why);
  }
  const RunResults &results = merge.results;
  const std::string out = a.out.empty() ? "load.json" : a.out;
  check_writable(out);
  save_results(results, out);
  if (!a.quiet) {
    std::cerr << "load: merged " << parts.size() << " of " << results.load_settings->shards
              << " generators\n";
    for (const std::string &line : merge.missing)
      std::cerr << "missing: " << line << '\n';
  }
  if (a.json) {
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  } else {
    ReportContext context;
    context.width = terminal_width(STDOUT_FILENO);
    context.results_path = out;
    print_load_report(std::cout, results, context);
  }
  std::cout.flush();
  std::cerr << "results: " << out << "\n";
  return kExitOk;
}

} // namespace

int merge_command(const std::vector<std::string> &args) {
  const std::optional<MergeArgs> a = parse_args(args);
  if (!a)
    return kExitOk;
  std::vector<SweepPartFile> files = read_parts(a->parts);
  if (http::is_load_part(files.front().results))
    return merge_load(*a, std::move(files));
  const SweepMetric metric = parse_sweep_metric_option(a->metric);
  SweepMerge merge;
  try {
    merge = merge_sweep_parts(files, a->merge);
  } catch (const SweepMergeError &e) {
    std::string why = std::string("cannot merge: ") + e.what();
    if (e.runs_missing())
      why += "\nRun a missing part with conlab-cli sweep EXPERIMENT --shard I/N (or --resume its "
             "file), or merge with --allow-missing; conlab-cli sweep EXPERIMENT --resume on the "
             "merged file then runs what is missing.";
    throw UsageError(why);
  }
  const RunResults &results = merge.results;
  const std::string out = a->out.empty() ? default_sweep_out(results.experiment) : a->out;
  check_writable(out);
  const std::unique_ptr<history::RunHistory> history =
      a->history ? open_run_history(*a->history) : nullptr;
  save_results(results, out);
  const SweepResults &sweep = *results.sweep;
  if (!a->quiet) {
    std::cerr << results.experiment.name << ": merged " << sweep.parts.size() << " of "
              << sweep.parts.front().shard.count << " parts, " << sweep.runs_done << " of "
              << sweep.runs_total << " runs\n";
    print_parts(std::cerr, sweep);
    for (const std::string &line : merge.missing)
      std::cerr << "missing: " << line << '\n';
  }
  const bool recorded = !history || record_run(*history, results, history::Clock::now(), a->quiet);
  if (a->json)
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  else
    print_sweep_report(std::cout, results, metric, terminal_width(STDOUT_FILENO));
  std::cout.flush();
  std::cerr << "results: " << out << "\n";
  if (!merge.missing.empty())
    std::cerr << "incomplete: run what is missing with conlab-cli sweep <experiment> --resume "
              << out << "\n";
  return recorded ? kExitOk : kExitFailure;
}

} // namespace conlab::cli
