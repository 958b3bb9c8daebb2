// The HTTP load generator: Asio + Beast clients that fire requests at one URL under DESIGN.md's
// loads and measure every request as a TaskSample, so an HTTP run gets the same summary, charts
// and results file as an in-process one.
//
// Closed load: C connections, each sending its next request when the previous response ends.
// Open load: requests are due at rate λ (constant or Poisson) whatever the server does; each
// sample's submit is the *intended* send time (latency without coordinated omission), start the
// actual send, end the complete response. A request finding no free connection waits for one
// (at most `max_connections` are opened), and that wait is part of its latency.
#pragma once

#include "core/engine/task_recorder.h"
#include "core/experiment/spec.h"
#include "core/http/url.h"
#include "core/results/results.h"

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace conlab::http {

struct RequestSpec {
  Url url;
  std::string method = "GET";
  std::vector<HeaderLine> headers;
  std::string body;
};

inline constexpr double kDefaultTimeoutS = 60;

// The requests whose every sample a run keeps (48 MB of them). Beyond it, requests are counted
// and folded into histograms as they end: percentiles stay exact to 3 significant digits, and a
// run of any length holds no more.
inline constexpr std::uint32_t kDefaultSampleBudget = 1'000'000;
// What a request kept within the budget costs until the run ends (its sample twice, at the end,
// and its share of the recorder): measured, 2,000,000 requests took 524 MB.
inline constexpr double kBytesPerKeptRequest = 262;
// What a request beyond the budget costs: an open load's intended send time.
inline constexpr double kBytesPerOpenArrival = 8;

struct GeneratorOptions {
  RequestSpec request;
  // closed: tasks, clients (= connections); open: rate_per_s, arrivals, tasks.
  Load load;
  // Open load: send for this long (tasks = the arrivals in it, capped by load.tasks when that is
  // set > 0). Closed load: stop taking new requests after this long; load.tasks is then a cap,
  // and the samples are those of the requests sent (memory grows with them, not with the cap).
  std::optional<double> duration_s;
  std::int64_t max_connections = 1024; // open load
  // Connect, or send + whole response. A lab studies slow endpoints: a minute, not a wrk-style
  // 2 s, so that a slow server is measured rather than cut off.
  double timeout_s = kDefaultTimeoutS;
  bool keep_alive = true;              // false: one connection per request
  int threads = 0;                     // 0: min(cores, connections), at least 1
  std::uint64_t seed = 1;              // Poisson arrivals
  std::uint32_t sample_budget = kDefaultSampleBudget; // requests whose samples are kept
  // The server's process, watched from /proc while the load runs (0: none); check it first
  // with watch_problem. The watch goes in the repeat's server_watch.
  std::int32_t watch_pid = 0;
  // Begin the load at this wall-clock time (ns since 1970), not at once: the generators of one
  // load on several machines agree on it (conlab-cli load --start-at). The wait ends early on a
  // stop. -1: begin at once.
  std::int64_t start_at_unix_ns = -1;
  // Which generator of the load this is, and the whole load's rate (0: this is the whole load).
  // Each of N generators of a load at R sends at R/N (load.rate_per_s); with constant arrivals
  // the I-th sends arrivals I, I + N, I + 2N, … of the whole load, due at j / R, so that together
  // they send what one generator at R would. Poisson arrivals need nothing more: N independent
  // streams at R/N (their seeds differ) are one stream at R.
  Shard shard;
  double whole_rate_per_s = 0;
  std::stop_token stop;
  // Called on the calling thread about every 100 ms with the run's recorder (counts only).
  std::function<void(const TaskRecorder &)> on_progress;
};

// The generator's self-check (core/results/load_parts.h): whether it, not the server, limited
// the measurement.
using conlab::GeneratorCheck;

struct GeneratorResult {
  // Samples, telemetry, resources, summary, http_errors, and the self-check: one generator in
  // `generators`, whose warnings are also the repeat's `generator_warnings`.
  RepeatResult repeat;
  const GeneratorCheck &check() const { return repeat.generators.front(); }
  // A warning of the self-check, kept both in the generator's and in the repeat's list (a merged
  // load lists its generators' warnings, each under its name).
  void warn(std::string warning);
  std::uint64_t succeeded = 0; // 2xx responses
  std::string first_error;     // what went wrong first, e.g. "connect: Connection refused"
  double timeout_s = 0;        // the run's timeout, for the words on its failures
};

// Requests in the run: load.tasks, or the arrivals within duration_s.
std::uint64_t planned_requests(const GeneratorOptions &options);

// Blocking; returns when every request ended, timed out, or a stop was requested. A stop before
// start_at leaves an empty result (no request sent).
GeneratorResult run_load(const GeneratorOptions &options, int cores);

// "3 refused, 2 timeout, 404 ×5" (empty when there were none).
std::string describe_errors(const HttpErrors &errors);
// What failed, the first thing a reader must know: "46 of 100 requests timed out after 10 s"
// or "12 of 100 requests failed: 10 refused, 2 reset"; empty when every request was answered.
// Non-2xx answers are answers, counted in describe_errors.
std::string failure_headline(const GeneratorResult &result);
// The same from a results file's repeat, whose requests had `timeout_s` each.
std::string failure_headline(const RepeatResult &repeat, double timeout_s);
// Requests answered with a 2xx status: the answered ones less those outside 2xx.
std::uint64_t succeeded_requests(const RepeatResult &repeat);
// Open load: the answers' latency from when each request was sent instead of when it was due.
// It is what a generator that waits for its own sends reports (coordinated omission): shown
// beside the response time, it says how much of the wait such a tool would hide.
Percentiles latency_from_send(const std::vector<TaskSample> &samples);
// What a run beyond its sample budget kept and folded, in a sentence; empty within the budget.
std::string beyond_budget_note(const RepeatResult &repeat);
// One paragraph on errors and the generator's self-check, for the variant's explanation; it
// opens with failure_headline.
std::string describe_http_run(const GeneratorResult &result);

} // namespace conlab::http
