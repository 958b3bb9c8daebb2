#include "app/cli/cli_history.h"

#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_table.h"
#include "core/history/history_error.h"
#include "core/util/format.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <charconv>
#include <iostream>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;
using history::HistoryError;
using history::RunHistory;
using history::RunRecord;

constexpr const char *kUsage =
    R"(Usage: conlab-cli history [list|show ID|rename ID NAME|tag ID TAG|untag ID TAG|
                          baseline ID [--clear]|delete ID --yes] [options]

Every run of conlab and conlab-cli is recorded in a history (unless run with --no-history): when,
which experiment, each variant's numbers and the full results file. Without a verb, lists it.

  list                 the runs, newest first (--search TEXT keeps those whose name, experiment
                       or tags contain TEXT)
  show ID              one run: its times, tags, results file and each variant's numbers
  rename ID NAME       give the run a name of its own
  tag ID TAG           add a tag; untag ID TAG removes one
  baseline ID          mark the run as its experiment's baseline (--clear unmarks it)
  delete ID --yes      delete the run and its results file
)";

std::int64_t run_id(const std::string &verb, const std::string &word) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), id);
  if (error != std::errc() || end != word.data() + word.size() || id < 1)
    throw UsageError("history " + verb + ": '" + word +
                     "' is not a run id (conlab-cli history list shows them)");
  return id;
}

void expect_words(const std::vector<std::string> &words, std::size_t count, const char *shape) {
  if (words.size() != count)
    throw UsageError("history " + words.front() + ": expects " + shape);
}

std::string title(const RunRecord &r) { return r.baseline ? r.name + " [baseline]" : r.name; }

void print_list(RunHistory &history, const std::string &search) {
  Table table;
  table.add_column("id", Align::right);
  table.add_column("finished", Align::left);
  table.add_column("name", Align::left);
  table.add_column("experiment", Align::left);
  table.add_column("status", Align::left);
  table.add_column("tags", Align::left);
  table.add_column("key numbers", Align::left); // makespans; a sweep's best points
  std::size_t shown = 0;
  for (const RunRecord &r : history.list()) {
    if (!search.empty() && !history::matches(r, search))
      continue;
    table.add_row({std::to_string(r.id), history::local_time_text(r.finished), title(r),
                   r.experiment, to_string(r.status), history::join_tags(r.tags),
                   history::key_metrics(r)});
    ++shown;
  }
  if (shown == 0) {
    std::cout << (search.empty() ? "no runs in the history " + history.directory() + " yet"
                                 : "no run matches '" + search + "'")
              << '\n';
    return;
  }
  table.print(std::cout);
  std::cout << '\n'
            << shown << (shown == 1 ? " run" : " runs") << " in " << history.directory() << '\n';
}

// A sweep's variants at their best point (highest mean throughput); every point is in the
// results file (conlab-cli chart or report draws them).
void print_sweep_digest(const RunRecord &r) {
  Table table;
  const std::pair<const char *, Align> columns[] = {
      {"variant", Align::left}, {"model", Align::left},   {"runs", Align::right},
      {"best at", Align::left}, {"tput/s", Align::right}, {"makespan", Align::right},
      {"p99", Align::right}};
  for (const auto &[header, align] : columns)
    table.add_column(header, align);
  for (const history::VariantDigest &v : r.variants) {
    const bool any = !v.best_at.empty();
    table.add_row({v.label, v.model, std::to_string(v.completed) + "/" + std::to_string(v.tasks),
                   any ? v.best_at : std::string(kDash),
                   any ? human_rate(v.throughput_per_s) : std::string(kDash),
                   any ? human_duration(v.makespan_s) : std::string(kDash),
                   any ? human_duration(v.p99_s) : std::string(kDash)});
  }
  table.print(std::cout);
  std::cout << "\nbest at: the point of highest mean throughput; the numbers are its means over "
               "its repeats\n";
}

void print_run(const RunRecord &r) {
  const double seconds = std::chrono::duration<double>(r.finished - r.started).count();
  std::cout << "run " << r.id << ": " << title(r) << '\n'
            << "experiment  " << r.experiment << " (time scale " << human_scale(r.time_scale)
            << ")\n"
            << "status      " << to_string(r.status) << '\n'
            << "started     " << history::local_time_text(r.started) << '\n'
            << "finished    " << history::local_time_text(r.finished) << " ("
            << human_duration(seconds) << ")\n"
            << "tags        " << (r.tags.empty() ? std::string(kDash) : history::join_tags(r.tags))
            << '\n'
            << (r.sweep.empty() ? "" : "sweep       " + r.sweep + "\n") << "results     "
            << r.results_file << "\n\n";
  if (!r.sweep.empty()) {
    print_sweep_digest(r);
    return;
  }
  Table table;
  for (const char *header :
       {"variant", "model", "tasks", "makespan", "predicted", "tput/s", "p50", "p99"})
    table.add_column(header,
                     std::string_view(header) == "variant" || std::string_view(header) == "model"
                         ? Align::left
                         : Align::right);
  for (const history::VariantDigest &v : r.variants)
    table.add_row(
        {v.label, v.model, std::to_string(v.completed) + "/" + std::to_string(v.tasks),
         human_duration(v.makespan_s),
         v.predicted_makespan_s < 0 ? std::string(kDash) : human_duration(v.predicted_makespan_s),
         human_rate(v.throughput_per_s), human_duration(v.p50_s), human_duration(v.p99_s)});
  table.print(std::cout);
}

int run_verb(RunHistory &history, const std::vector<std::string> &words,
             const po::variables_map &vm) {
  const std::string &verb = words.front();
  const std::string search = vm.count("search") ? vm["search"].as<std::string>() : "";
  if (verb != "list" && !search.empty())
    throw UsageError("history " + verb + ": --search belongs to list");
  if (verb == "list") {
    expect_words(words, 1, "no argument");
    print_list(history, search);
  } else if (verb == "show") {
    expect_words(words, 2, "ID");
    print_run(history.get(run_id(verb, words[1])));
  } else if (verb == "rename") {
    expect_words(words, 3, "ID NAME");
    history.rename(run_id(verb, words[1]), words[2]);
  } else if (verb == "tag" || verb == "untag") {
    expect_words(words, 3, "ID TAG");
    verb == "tag" ? history.add_tag(run_id(verb, words[1]), words[2])
                  : history.remove_tag(run_id(verb, words[1]), words[2]);
  } else if (verb == "baseline") {
    expect_words(words, 2, "ID");
    history.set_baseline(run_id(verb, words[1]), !vm["clear"].as<bool>());
  } else if (verb == "delete") {
    expect_words(words, 2, "ID --yes");
    const std::int64_t id = run_id(verb, words[1]);
    const RunRecord record = history.get(id);
    if (!vm["yes"].as<bool>())
      throw UsageError("history delete: add --yes to delete run " + words[1] + " (" + record.name +
                       ") and its results file " + record.results_file);
    if (const std::string warning = history.remove(id); !warning.empty())
      std::cerr << "warning: " << warning << '\n';
    std::cout << "deleted run " << id << " (" << record.name << ")\n";
  } else {
    throw UsageError("history: unknown verb '" + verb +
                     "' (list, show, rename, tag, untag, baseline, delete)");
  }
  return kExitOk;
}

} // namespace

int history_command(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("history-dir", po::value<std::string>()->value_name("DIR"),
       "the history to use (default: $CONLAB_HISTORY_DIR, else the lab's data directory)")
      ("search", po::value<std::string>()->value_name("TEXT"),
       "list: only runs whose name, experiment or tags contain TEXT (any case)")
      ("clear", po::bool_switch(), "baseline: unmark the run")
      ("yes", po::bool_switch(), "delete: yes, delete the run and its results file");
  // clang-format on
  const CommandLine line = parse_command_line("history", args, options, 3);
  if (line.options.count("help")) {
    std::cout << kUsage << '\n' << options;
    return kExitOk;
  }
  std::vector<std::string> words = line.positional;
  if (words.empty())
    words.push_back("list");
  RunHistory history(line.options.count("history-dir")
                         ? line.options["history-dir"].as<std::string>()
                         : history::default_directory());
  try {
    return run_verb(history, words, line.options);
  } catch (const history::HistoryInputError &e) {
    throw UsageError(std::string("history ") + words.front() + ": " + e.what());
  }
}

void add_history_options(po::options_description &options) {
  // clang-format off
  options.add_options()
      ("no-history", po::bool_switch(), "do not record the run in the history")
      ("history-dir", po::value<std::string>()->value_name("DIR"),
       "record the run in the history in DIR (default: $CONLAB_HISTORY_DIR, else the lab's data "
       "directory)");
  // clang-format on
}

std::optional<std::string> chosen_history(const po::variables_map &vm, const std::string &command) {
  const bool off = vm["no-history"].as<bool>();
  if (vm.count("history-dir") && off)
    throw UsageError(command + ": --history-dir and --no-history contradict each other");
  if (off)
    return std::nullopt;
  return vm.count("history-dir") ? vm["history-dir"].as<std::string>() : std::string();
}

std::unique_ptr<RunHistory> open_run_history(const std::string &dir) {
  try {
    return std::make_unique<RunHistory>(dir.empty() ? history::default_directory() : dir);
  } catch (const HistoryError &e) {
    throw RuntimeFailure(std::string(e.what()) +
                         " (add --no-history to run without recording, or --history-dir DIR to "
                         "record elsewhere)");
  }
}

bool record_run(RunHistory &history, const RunResults &results, history::Clock::time_point started,
                bool quiet) {
  if (results.status == RunStatus::failed)
    return true;
  try {
    const RunRecord record = history.add(results, started, history::Clock::now());
    if (!quiet)
      std::cerr << "recorded as run " << record.id << " in the history (conlab-cli history show "
                << record.id << ")\n";
    return true;
  } catch (const std::exception &e) {
    std::cerr << "error: the run could not be recorded in the history: " << e.what() << '\n';
    return false;
  }
}

} // namespace conlab::cli
