// `conlab-cli load`: the load generator against any HTTP URL, reported like an in-process run.
#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "app/cli/cli_http.h"
#include "app/cli/cli_spawn.h"
#include "app/cli/cli_table.h"
#include "core/analysis/summary.h"
#include "core/http/load_generator.h"
#include "core/http/server.h"
#include "core/results/environment.h"
#include "core/results/load_parts.h"
#include "core/results/results_json.h"
#include "core/util/file_io.h"
#include "core/util/format.h"
#include "core/util/machine_memory.h"
#include "core/watch/process_watch.h"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

constexpr const char *kUsage = R"(Usage: conlab-cli load URL [URL...] [options]

Sends HTTP/1.1 requests to each URL in turn and measures every request: the same table,
results file and charts as `conlab-cli run`, plus errors by kind and a self-check of the
generator. Any server will do: the embedded one (conlab-cli serve) or your own.

Closed load (default): -c connections, each sending its next request when the previous
response ends, -n requests in all, or for --duration (then -n, if given, is a cap). A request has --timeout (default 60 s) to be answered;
one that is not still counts in the makespan until it gave up, and the report opens with
how many failed. Open load (--rate): requests are due at a fixed rate
whatever the server does, for --duration or -n requests; latency is counted from when a
request was due (no coordinated omission), and from when it was actually sent.

One load from several machines: give each generator --shard I/N and the same --start-at, and
join their files with conlab-cli merge. --rate, -n and -c stay the whole load's; each generator
takes its share (a rate of R/N, placed so that together they send what one would at R).

Examples:
  conlab-cli load http://127.0.0.1:8000/a -n 100 -c 100
  conlab-cli load http://127.0.0.1:8080/ --rate 500 --arrivals poisson --duration 10s
  conlab-cli load http://127.0.0.1:8000/c -n 100 -c 100 \
      --spawn 'cd docs/examples/fastapi-article && exec python3 -m uvicorn server:app'
  conlab-cli load http://127.0.0.1:8000/b --method POST --header 'Content-Type: text/plain' --body @req.txt
  conlab-cli load http://127.0.0.1:8000/d -n 100 -c 100 --watch $(pgrep -f uvicorn)
  conlab-cli load http://server:8080/ --rate 40000 --duration 60s --shard 0/4 \
      --start-at 2026-12-07T12:00:00Z --out part-0.json    # and 1/4, 2/4, 3/4 elsewhere
  conlab-cli merge part-*.json --out load.json

Exit codes: 0 some requests succeeded (2xx), 1 none did, 2 bad input, 130 cancelled.
)";

struct LoadArgs {
  std::vector<http::Url> urls;
  http::GeneratorOptions generator; // this generator's share of the load
  LoadSettings settings;            // the whole load, as asked for
  std::optional<Shard> shard;
  std::string out, csv;
  bool json = false, quiet = false;
  std::optional<SpawnArgs> spawn; // start the server at the first URL's host and port first
  bool n_given = false;           // -n: a closed load for a duration stops there
};

std::string read_body(const std::string &text) {
  if (!text.starts_with('@'))
    return text;
  std::string body, error;
  if (!read_text_file(text.substr(1), body, error))
    throw UsageError("--body: " + error);
  return body;
}

// The most requests one run counts: a task index is 32 bits.
constexpr std::int64_t kMostRequests = std::int64_t{UINT32_MAX} - 200'000;

// The samples kept within the budget, and an open load's send times, stay in memory until the
// run ends: a run whose need is beyond a quarter of this machine's memory is refused before it
// starts, with the estimate, instead of meeting the OOM killer halfway.
void check_memory(std::size_t urls, const http::GeneratorOptions &g, bool has_n,
                  bool budget_given) {
  const Load &load = g.load;
  double requests = static_cast<double>(load.tasks);
  if (load.kind == LoadKind::open && g.duration_s) {
    const double arrivals = std::ceil(load.rate_per_s * *g.duration_s);
    requests = load.tasks > 0 ? std::min(requests, arrivals) : arrivals;
  }
  const double kept = std::min(requests, static_cast<double>(g.sample_budget));
  const double per_url = kept * http::kBytesPerKeptRequest +
                         (load.kind == LoadKind::open ? requests * http::kBytesPerOpenArrival : 0);
  const double bytes = per_url * static_cast<double>(urls);
  const double limit = physical_memory_bytes() / 4;
  if (bytes <= limit)
    return;
  // Name what to lower: the budget when the kept samples are most of it, else the requests.
  const bool samples_most =
      kept * http::kBytesPerKeptRequest * static_cast<double>(urls) > limit / 2;
  std::string what = "--rate × --duration";
  if (budget_given && samples_most)
    what = "--sample-budget " + std::to_string(g.sample_budget);
  else if (has_n && (!g.duration_s || static_cast<double>(load.tasks) <= requests))
    what = "-n " + std::to_string(load.tasks);
  throw UsageError(what + ": " + human_count(requests * static_cast<double>(urls)) + " requests, " +
                   human_count(kept * static_cast<double>(urls)) +
                   " of them with their samples kept, would need about " + human_bytes(bytes) +
                   "; the limit is " + human_bytes(limit) +
                   " (a quarter of this machine's memory)" +
                   (samples_most && !budget_given ? ". A lower --sample-budget keeps fewer" : ""));
}

// --start-at: a time still to come, within a day (further is likelier a typo than a plan).
std::int64_t parse_start_at(const std::string &text) {
  std::string error;
  const std::optional<std::int64_t> at = parse_utc_time(text, error);
  if (!at)
    throw UsageError("--start-at " + text + ": " + error);
  const std::int64_t now = unix_now_ns();
  if (*at <= now)
    throw UsageError("--start-at " + text + ": is " +
                     human_span(static_cast<double>(now - *at) * 1e-9) +
                     " in the past (the clock here reads " + utc_time(now) +
                     "); give a time to come, the same to every generator");
  if (*at - now > 24 * 3600 * std::int64_t{1'000'000'000})
    throw UsageError("--start-at " + text + ": is more than a day ahead (the clock here reads " +
                     utc_time(now) + ")");
  return *at;
}

LoadSettings settings_of(const std::vector<http::Url> &urls, const http::GeneratorOptions &g,
                         std::int64_t n, std::int64_t c) {
  LoadSettings s;
  for (const http::Url &url : urls)
    s.urls.push_back(url.text());
  s.method = g.request.method;
  for (const http::HeaderLine &h : g.request.headers)
    s.headers.push_back(h.name + ": " + h.value);
  s.body_bytes = g.request.body.size();
  s.body_digest = fnv1a_hex(g.request.body);
  s.open_load = g.load.kind == LoadKind::open;
  if (s.open_load) {
    s.rate_per_s = g.load.rate_per_s;
    s.arrivals = g.load.arrivals == ArrivalKind::poisson ? "poisson" : "constant";
  }
  s.requests = n;
  s.connections = c;
  s.duration_s = g.duration_s;
  s.timeout_s = g.timeout_s;
  s.keep_alive = g.keep_alive;
  s.seed = g.seed;
  return s;
}

// One generator's share of the whole load in `g`. Dealt so that the shares add up to the whole:
// an open load's arrivals interleave (constant: generator I sends arrivals I, I + N, …; Poisson:
// N streams at R/N with seeds of their own make one at R), a closed load's connections and
// requests are split as evenly as they go.
void take_share(http::GeneratorOptions &g, const Shard &shard, bool has_n) {
  Load &load = g.load;
  const auto n = static_cast<std::int64_t>(shard.count);
  // Checked on the whole, not on this share, so that every generator of the load refuses alike.
  const auto share = [&](std::int64_t &whole, const char *what) {
    if (whole < n)
      throw UsageError(std::string(what) + " " + std::to_string(whole) + ": too few " +
                       (what[1] == 'n' ? "requests" : "connections") + " for the " +
                       std::to_string(shard.count) + " generators of --shard " + shard.text() +
                       "; each needs one");
    whole = share_of(whole, shard);
  };
  g.shard = shard;
  if (load.kind == LoadKind::open) {
    g.whole_rate_per_s = load.rate_per_s;
    load.rate_per_s /= static_cast<double>(n);
    g.seed += shard.index;
    if (has_n)
      share(load.tasks, "-n");
    share(g.max_connections, "-c");
    return;
  }
  if (has_n || !g.duration_s)
    share(load.tasks, "-n");
  share(load.clients, "-c");
}

std::optional<LoadArgs> parse_args(const std::vector<std::string> &args) {
  po::options_description options("Options", static_cast<unsigned>(terminal_width(1)));
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("requests,n", po::value<std::int64_t>()->value_name("N"),
       "requests per URL (closed load: default 100, or as many as --duration allows, which -n "
       "then caps; open load: cap on the arrivals)")
      ("connections,c", po::value<std::int64_t>()->value_name("C"),
       "closed load: C connections (default 10); open load: at most C (default 1024)")
      ("rate", po::value<double>()->value_name("R"), "open load: R requests per second")
      ("arrivals", po::value<std::string>()->value_name("KIND")->default_value("constant"),
       "open load: constant or poisson")
      ("duration", po::value<std::string>()->value_name("D"),
       "send for D (10, 10s, 500ms), like wrk; open load: default 10s without -n")
      ("timeout", po::value<std::string>()->value_name("T")->default_value("60s"),
       "connect, or send plus whole response, within T; a request that times out counts in "
       "the makespan until then")
      ("keep-alive", "reuse connections (the default)")
      ("no-keep-alive", "open a new connection per request")
      ("method", po::value<std::string>()->value_name("M")->default_value("GET"), "request method")
      ("header", po::value<std::vector<std::string>>()->value_name("'K: V'"),
       "add a request header (repeatable)")
      ("body", po::value<std::string>()->value_name("TEXT|@FILE"), "request body")
      ("threads", po::value<int>()->value_name("T"),
       "generator threads (default: min(cores, C) closed, 1 open below 20000/s)")
      ("seed", po::value<std::uint64_t>()->value_name("S")->default_value(1), "Poisson arrivals' seed")
      ("sample-budget", po::value<std::int64_t>()->value_name("N"),
       "keep every request's sample for the first N requests (default 1000000; rounded up to "
       "whole blocks of up to 65536); beyond, they are folded into histograms: percentiles to "
       "3 significant digits, in bounded memory")
      ("shard", po::value<std::string>()->value_name("I/N"),
       "be generator I of N (counted from 0) of one load run from several machines: --rate, -n "
       "and -c are the whole load's, and this generator takes its share; conlab-cli merge joins "
       "the generators' files (default --out: load.part-I-of-N.json)")
      ("start-at", po::value<std::string>()->value_name("TIME"),
       "begin at this wall-clock time, e.g. 2026-12-07T12:00:00Z or @1796644800 (seconds since "
       "1970), so that the generators of one load begin together; Ctrl-C while waiting stops")
      ("watch", po::value<std::int64_t>()->value_name("PID"),
       "watch the server's process while it is loaded: its threads, their CPU and their wait "
       "for a core, its memory, from /proc/PID every few ms, timed with the requests")
      ("out", po::value<std::string>()->value_name("FILE"), "write the results JSON to FILE")
      ("csv", po::value<std::string>()->value_name("FILE"), "write one row per request to FILE")
      ("json", po::bool_switch(), "print the results JSON on stdout instead of the table")
      ("quiet,q", po::bool_switch(), "no progress on stderr");
  // clang-format on
  add_spawn_options(options);
  const CommandLine line = parse_command_line("load", args, options, 64);
  const po::variables_map &vm = line.options;
  if (vm.count("help")) {
    std::cout << kUsage << '\n' << options;
    return std::nullopt;
  }
  if (line.positional.empty())
    throw UsageError("load: give the URL to load, e.g. http://127.0.0.1:8000/a");
  LoadArgs out;
  std::string error;
  for (const std::string &text : line.positional) {
    const auto url = http::parse_url(text, error);
    if (!url)
      throw UsageError(error);
    out.urls.push_back(*url);
  }
  http::GeneratorOptions &g = out.generator;
  Load &load = g.load;
  g.duration_s = duration_option(vm, "duration");
  g.timeout_s = *duration_option(vm, "timeout");
  // Plain values with a "given" flag: g++ 12 at -O2 misreads optional<int64_t> as maybe unset.
  const bool has_n = vm.count("requests") > 0;
  const std::int64_t n = has_n ? vm["requests"].as<std::int64_t>() : 0;
  if (has_n && n < 1)
    throw UsageError("-n: must be ≥ 1");
  const bool has_c = vm.count("connections") > 0;
  const std::int64_t c = has_c ? vm["connections"].as<std::int64_t>() : 0;
  if (has_c && (c < 1 || c > 100'000))
    throw UsageError("-c: must be between 1 and 100000");
  if (vm.count("rate")) {
    load.kind = LoadKind::open;
    load.rate_per_s = vm["rate"].as<double>();
    if (!(load.rate_per_s > 0) || load.rate_per_s > 1e7)
      throw UsageError("--rate: must be > 0 and ≤ 10000000");
    const std::string arrivals = vm["arrivals"].as<std::string>();
    if (arrivals != "constant" && arrivals != "poisson")
      throw UsageError("--arrivals: constant or poisson (found '" + arrivals + "')");
    load.arrivals = arrivals == "poisson" ? ArrivalKind::poisson : ArrivalKind::constant;
    load.tasks = has_n ? n : 0;
    if (!has_n && !g.duration_s)
      g.duration_s = 10;
    g.max_connections = has_c ? c : 1024;
  } else {
    if (!vm["arrivals"].defaulted())
      throw UsageError("--arrivals: only with --rate (an open load)");
    load.kind = LoadKind::closed;
    // Like wrk: --duration alone runs for the duration, -n alone sends -n requests, and both
    // stop at whichever comes first. Memory follows the sample budget, not the requests.
    load.tasks = g.duration_s ? std::min(has_n ? n : kMostRequests, kMostRequests)
                 : has_n      ? n
                              : 100;
    load.clients = std::min(has_c ? c : std::int64_t{10}, load.tasks);
  }
  if (vm.count("keep-alive") && vm.count("no-keep-alive"))
    throw UsageError("--keep-alive and --no-keep-alive: choose one");
  g.keep_alive = !vm.count("no-keep-alive");
  g.request.method = vm["method"].as<std::string>();
  if (g.request.method.empty() ||
      g.request.method.find_first_of(" \t\r\n") != std::string::npos)
    throw UsageError("--method: one word, e.g. GET or POST");
  if (vm.count("header"))
    for (const std::string &text : vm["header"].as<std::vector<std::string>>()) {
      const auto header = http::parse_header_line(text, error);
      if (!header)
        throw UsageError("--header: " + error);
      g.request.headers.push_back(*header);
    }
  if (vm.count("body"))
    g.request.body = read_body(vm["body"].as<std::string>());
  if (vm.count("threads")) {
    g.threads = vm["threads"].as<int>();
    if (g.threads < 1 || g.threads > 256)
      throw UsageError("--threads: must be between 1 and 256");
  }
  g.seed = vm["seed"].as<std::uint64_t>();
  const bool budget_given = vm.count("sample-budget") > 0;
  if (budget_given) {
    const std::int64_t budget = vm["sample-budget"].as<std::int64_t>();
    if (budget < 1 || budget > kMostRequests)
      throw UsageError("--sample-budget " + std::to_string(budget) + ": must be between 1 and " +
                       std::to_string(kMostRequests));
    g.sample_budget = static_cast<std::uint32_t>(budget);
  }
  if (has_n && n > kMostRequests)
    throw UsageError("-n " + std::to_string(n) + ": at most " + human_count(kMostRequests) +
                     " requests in one run");
  out.settings = settings_of(out.urls, g, has_n ? n : 0, has_c ? c : 0);
  if (vm.count("start-at")) {
    g.start_at_unix_ns = parse_start_at(vm["start-at"].as<std::string>());
    out.settings.start_at_unix_ns = g.start_at_unix_ns;
  }
  if (vm.count("shard")) {
    const std::string text = vm["shard"].as<std::string>();
    try {
      out.shard = parse_shard(text);
    } catch (const std::invalid_argument &e) {
      throw UsageError("--shard " + text + ": " + e.what());
    }
    if (out.urls.size() > 1)
      throw UsageError("--shard: one URL at a time, so that the generators load it together");
    if (vm.count("spawn"))
      throw UsageError("--shard: not with --spawn; the generators of one load share one server, "
                       "start it once");
    take_share(g, *out.shard, has_n);
    out.settings.shards = out.shard->count;
  }
  check_memory(out.urls.size(), g, has_n, budget_given);
  if (vm.count("watch")) {
    const std::int64_t pid = vm["watch"].as<std::int64_t>();
    if (const std::string problem = watch_problem(pid); !problem.empty())
      throw UsageError("--watch " + std::to_string(pid) + ": " + problem);
    g.watch_pid = static_cast<std::int32_t>(pid);
  }
  if (vm.count("out"))
    out.out = vm["out"].as<std::string>();
  if (vm.count("csv"))
    out.csv = vm["csv"].as<std::string>();
  out.json = vm["json"].as<bool>();
  out.quiet = vm["quiet"].as<bool>();
  if (out.shard && out.out.empty())
    out.out = "load.part-" + std::to_string(out.shard->index) + "-of-" +
              std::to_string(out.shard->count) + ".json";
  out.spawn = chosen_spawn(vm, out.out);
  out.n_given = has_n;
  return out;
}

// The path alone when it tells the targets apart, else the whole URL.
std::string label_for(const std::vector<http::Url> &urls, std::size_t i) {
  for (std::size_t j = 0; j < urls.size(); ++j)
    if (j != i && (urls[j].target == urls[i].target))
      return urls[i].text();
  return urls[i].target;
}

} // namespace

int load_command(const std::vector<std::string> &args, SignalWatcher &signals) {
  const std::optional<LoadArgs> parsed = parse_args(args);
  if (!parsed)
    return kExitOk;
  const LoadArgs &a = *parsed;
  const int cores = available_cores();
  http::raise_open_file_limit();

  RunResults results;
  const auto started = std::chrono::steady_clock::now();
  Experiment &e = results.experiment;
  e.name = "load";
  e.description = "conlab-cli load: HTTP requests to external targets";
  e.load = a.generator.load;
  if (e.load.kind == LoadKind::open && e.load.tasks == 0)
    e.load.tasks = static_cast<std::int64_t>(http::planned_requests(a.generator));
  if (e.load.kind == LoadKind::closed && a.generator.duration_s)
    e.load.tasks = 0; // counted as the runs send them
  e.seed = a.generator.seed;
  results.environment = current_environment();
  results.load_settings = a.settings;
  if (a.shard)
    e.description += " (generator " + a.shard->text() + " of one load)";
  std::unique_ptr<http::ServerUnderTest> server;
  if (a.spawn) {
    server = start_server_under_test(*a.spawn, a.urls.front(), signals, a.quiet);
    if (!server)
      return kExitCancelled;
  }
  std::vector<http::GeneratorResult> runs;
  {
    const StopHandlerScope on_stop(signals, [] {
      std::cerr << "\nstopping… (keeping what was measured; Ctrl-C again quits at once)\n";
    });
    if (a.shard && a.generator.start_at_unix_ns < 0 && !a.quiet)
      std::cerr << "generator " << a.shard->text()
                << ": no --start-at, so it begins now, not with the others; the merge will say "
                   "how far apart they began\n";
    if (a.generator.start_at_unix_ns >= 0 && !a.quiet)
      std::cerr << (a.shard ? "generator " + a.shard->text() + ": " : std::string())
                << "waiting until " << utc_time(a.generator.start_at_unix_ns) << " to begin\n";
    for (std::size_t i = 0; i < a.urls.size() && !signals.stop_requested(); ++i) {
      Variant v;
      v.label = label_for(a.urls, i);
      v.model = "external"; // the server's own model, unknown to the lab: no prediction
      v.target = HttpTarget{.url = a.urls[i].text()};
      e.variants.push_back(v);
      http::GeneratorOptions g = a.generator;
      g.request.url = a.urls[i];
      g.stop = signals.stop_token();
      const bool progress = !a.quiet && is_terminal(STDERR_FILENO);
      const bool for_duration = g.load.kind == LoadKind::closed && g.duration_s;
      if (progress)
        g.on_progress = [&v, for_duration, &g](const TaskRecorder &r) {
          std::cerr << "\r" << v.label << ": " << r.finished_count();
          if (for_duration)
            std::cerr << " requests, " << human_span(static_cast<double>(r.clock().now_ns()) * 1e-9)
                      << " of " << human_span(*g.duration_s);
          else
            std::cerr << " / " << r.tasks() << " requests";
          std::cerr << std::flush;
        };
      runs.push_back(http::run_load(g, cores));
      const std::int64_t sent = runs.back().repeat.summary.tasks;
      if (for_duration && sent >= g.load.tasks && !a.n_given)
        runs.back().warn("stopped at " + human_count(static_cast<double>(g.load.tasks)) +
                         " requests, the most one run counts, before --duration ended");
      if (for_duration) // the requests it sent, not the cap
        e.load.tasks = std::max(e.load.tasks, sent);
      if (progress)
        std::cerr << "\r\033[K" << std::flush;
      VariantResult r;
      r.label = v.label;
      r.model = v.model;
      r.repeats.push_back(runs.back().repeat);
      r.summary = runs.back().repeat.summary;
      r.prediction.formula = "external target: the lab does not know its model";
      r.explanation = http::describe_http_run(runs.back());
      results.variants.push_back(std::move(r));
    }
  }
  const bool server_lasted = !server || finish_server_under_test(std::move(server), results);
  results.status = signals.stop_requested() ? RunStatus::cancelled : RunStatus::completed;
  results.wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  ReportContext context;
  context.width = terminal_width(STDOUT_FILENO);
  bool written = true;
  const auto attempt = [&](const std::string &path, std::string &note, auto save) {
    if (path.empty())
      return;
    try {
      save(results, path);
      note = path;
    } catch (const std::exception &ex) {
      std::cerr << "error: cannot write " << path << ": " << ex.what() << '\n';
      written = false;
    }
  };
  attempt(a.out, context.results_path, [](const RunResults &r, const std::string &p) {
    save_results(r, p);
  });
  attempt(a.csv, context.samples_path, [](const RunResults &r, const std::string &p) {
    save_samples_csv(r, p);
  });
  if (a.json) {
    std::cout << boost::json::serialize(to_json(results)) << '\n';
  } else {
    std::vector<std::string> first_errors;
    for (const http::GeneratorResult &g : runs)
      first_errors.push_back(g.first_error);
    print_load_report(std::cout, results, context, first_errors);
  }
  std::cout.flush();
  if (results.status == RunStatus::cancelled)
    return kExitCancelled;
  std::uint64_t succeeded = 0;
  for (const http::GeneratorResult &g : runs)
    succeeded += g.succeeded;
  if (succeeded == 0) {
    std::cerr << "error: no request succeeded";
    for (const http::GeneratorResult &g : runs)
      if (!g.first_error.empty()) {
        std::cerr << " (" << g.first_error << ")";
        break;
      }
    std::cerr << '\n';
    return kExitFailure;
  }
  return written && server_lasted ? kExitOk : kExitFailure;
}

} // namespace conlab::cli
