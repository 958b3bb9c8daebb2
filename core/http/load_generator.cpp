// Scheduling the load onto worker threads and connections, then turning what they measured into
// a RepeatResult with the generator's self-check.
#include "core/http/load_generator.h"

#include "core/analysis/summary.h"
#include "core/engine/telemetry.h"
#include "core/experiment/workload.h"
#include "core/http/load_worker.h"
#include "core/results/environment.h"
#include "core/util/format.h"
#include "core/watch/process_watch.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <time.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <span>
#include <sstream>
#include <thread>

namespace conlab::http {
namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using detail::Connection;
using detail::RunShared;
using detail::Worker;

namespace {

constexpr std::int64_t kStartLeadNs = 20'000'000; // threads are up before the first arrival
// Waiting for --start-at ends this long before it: the set-up (the recorder, resolving the host,
// the threads) is done by then, and the load begins on time.
constexpr std::int64_t kSetUpNs = 200'000'000;

// Sleeps until the wall clock reads `unix_ns`; false when a stop came first.
bool wait_for_start(std::int64_t unix_ns, const std::stop_token &stop) {
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock(mutex);
  const std::chrono::system_clock::time_point at{
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::nanoseconds(unix_ns))};
  // wait_until returns early on a stop; a spurious wake-up before the time waits again.
  while (!stop.stop_requested() && std::chrono::system_clock::now() < at)
    woken.wait_until(lock, stop, at, [] { return false; });
  return !stop.stop_requested();
}

double thread_cpu_s() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The whole load's rate when this is one of its generators, else this one's.
double arrival_rate(const GeneratorOptions &o) {
  return o.whole_rate_per_s > 0 ? o.whole_rate_per_s : o.load.rate_per_s;
}

// Intended send times of an open load, ns after the load begins.
std::vector<std::int64_t> open_schedule(const GeneratorOptions &o) {
  std::vector<std::int64_t> out;
  const auto limit = o.load.tasks > 0 ? static_cast<std::uint64_t>(o.load.tasks) : UINT32_MAX;
  const double end_ns = o.duration_s ? *o.duration_s * 1e9 : HUGE_VAL;
  if (o.load.arrivals == ArrivalKind::constant) {
    // Arrival j of the whole load is due at j / R, computed, not summed, so that generator I of
    // N (arrivals I, I + N, …) sends exactly the times one generator at R would: summing gaps
    // drifts, and 5 s at 600/s came to 3,001 arrivals one way and 3,000 the other.
    const double gap_ns = 1e9 / arrival_rate(o);
    for (std::uint64_t i = 0; i < limit; ++i) {
      const double t = static_cast<double>(o.shard.index + i * o.shard.count) * gap_ns;
      if (!(t < end_ns))
        break;
      out.push_back(static_cast<std::int64_t>(t));
    }
    return out;
  }
  const double gap_ns = 1e9 / o.load.rate_per_s;
  double t = 0;
  for (std::uint64_t i = 0; i < limit && t < end_ns; ++i) {
    out.push_back(static_cast<std::int64_t>(t));
    t += -gap_ns * std::log(1.0 - counter_uniform(o.seed, i, 0xa77));
  }
  return out;
}

std::string serialize_request(const RequestSpec &r, bool keep_alive) {
  bhttp::request<bhttp::string_body> req;
  req.method_string(r.method);
  req.target(r.url.target);
  req.version(11);
  bool has_host = false;
  for (const HeaderLine &h : r.headers) {
    req.insert(h.name, h.value);
    has_host = has_host || bhttp::string_to_field(h.name) == bhttp::field::host;
  }
  if (!has_host)
    req.set(bhttp::field::host, r.url.host_header());
  if (req.find(bhttp::field::user_agent) == req.end())
    req.set(bhttp::field::user_agent, "conlab-load");
  if (!keep_alive)
    req.set(bhttp::field::connection, "close");
  req.body() = r.body;
  if (!r.body.empty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH")
    req.prepare_payload();
  std::ostringstream out;
  out << req;
  return out.str();
}

asio::awaitable<void> closed_client(Worker &w) {
  const detail::Active active(w);
  RunShared &s = w.shared;
  Connection connection(w);
  if (s.clock.now_ns() < s.start_ns) {
    asio::steady_timer timer(w.io, s.clock.at(s.start_ns));
    co_await timer.async_wait(asio::use_awaitable);
  }
  for (;;) {
    const std::int64_t now = s.clock.now_ns();
    if (s.closed_deadline_ns >= 0 && now >= s.closed_deadline_ns)
      co_return;
    const std::uint32_t task = s.next_task.fetch_add(1, std::memory_order_relaxed);
    if (task >= s.recorder.tasks())
      co_return;
    s.recorder.submitted(task, now);
    co_await detail::perform_request(w, connection, task);
  }
}

// Serves `task`, then whatever queued meanwhile; parks the connection when nothing is left.
asio::awaitable<void> open_client(Worker &w, Connection &connection, std::uint32_t task) {
  const detail::Active active(w);
  for (;;) {
    co_await detail::perform_request(w, connection, task);
    if (w.pending.empty()) {
      w.idle.push_back(&connection);
      co_return;
    }
    task = w.pending.front();
    w.pending.pop_front();
  }
}

asio::awaitable<void> open_dispatcher(Worker &w, int workers) {
  const detail::Active active(w);
  RunShared &s = w.shared;
  asio::steady_timer timer(w.io);
  for (std::size_t i = static_cast<std::size_t>(w.index); i < s.schedule.size();
       i += static_cast<std::size_t>(workers)) {
    const std::int64_t due = s.schedule[i];
    if (s.clock.now_ns() < due) {
      timer.expires_at(s.clock.at(due));
      co_await timer.async_wait(asio::use_awaitable);
    }
    w.send_lag.add(s.clock.now_ns() - due);
    const auto task = static_cast<std::uint32_t>(i);
    s.recorder.submitted(task, due); // the intended time, however late we are
    Connection *connection = nullptr;
    if (!w.idle.empty()) {
      connection = w.idle.back();
      w.idle.pop_back();
    } else if (static_cast<std::int64_t>(w.connections.size()) < w.max_connections) {
      w.connections.push_back(std::make_unique<Connection>(w));
      connection = w.connections.back().get();
    } else {
      w.pending.push_back(task); // the wait for a connection counts in its latency
      continue;
    }
    ++w.active;
    asio::co_spawn(w.io, open_client(w, *connection, task), asio::detached);
  }
}

// Chunks a quarter of the budget or smaller (1,024 … 65,536 tasks), so that a small budget
// still folds in steps and a large one hands over few chunks; but never more than 65,536
// chunks, whose table the recorder holds from the start.
std::uint32_t chunk_bits_for(std::uint32_t budget, std::uint64_t tasks) {
  const int by_budget = std::bit_width(std::max<std::uint32_t>(budget / 4, 1)) - 1;
  const int by_table = static_cast<int>(std::bit_width(tasks)) - 16;
  return static_cast<std::uint32_t>(
      std::clamp<int>(std::max(by_budget, by_table), 10, TaskRecorder::kChunkBits));
}

int worker_count(const GeneratorOptions &o, int cores) {
  if (o.threads > 0)
    return o.load.kind == LoadKind::closed
               ? static_cast<int>(std::min<std::int64_t>(o.threads, std::max<std::int64_t>(o.load.clients, 1)))
               : o.threads;
  if (o.load.kind == LoadKind::closed)
    return static_cast<int>(std::clamp<std::int64_t>(o.load.clients, 1, std::max(cores, 1)));
  return o.load.rate_per_s > 20'000 ? std::clamp(cores, 1, 4) : 1;
}

void self_check(const GeneratorOptions &o, const std::vector<std::unique_ptr<Worker>> &workers,
                GeneratorCheck &c) {
  c.threads = static_cast<int>(workers.size());
  LatencyHistogram lag;
  std::int64_t first = -1, last = -1;
  std::uint64_t sent = 0;
  for (const auto &w : workers) {
    lag += w->send_lag;
    if (w->first_send_ns >= 0)
      first = first < 0 ? w->first_send_ns : std::min(first, w->first_send_ns);
    last = std::max(last, w->last_send_ns);
    sent += w->sent;
    c.cpu_s += w->cpu_s;
    if (w->wall_s > 0.2) // a shorter run's share is mostly start-up noise
      c.busiest_thread_share = std::max(c.busiest_thread_share, w->cpu_s / w->wall_s);
    c.connections_opened += w->connections_opened;
  }
  c.first_send_ns = first;
  c.last_send_ns = last;
  c.sent = sent;
  // Lateness of the start itself: a machine whose set-up outlasted the wait for --start-at, or
  // whose clock is off, begins behind the others.
  if (c.open_load && o.load.arrivals == ArrivalKind::constant)
    c.arrival_phase_ns =
        static_cast<std::int64_t>(static_cast<double>(o.shard.index) * 1e9 / arrival_rate(o));
  const std::int64_t late = first - c.start_ns - c.arrival_phase_ns;
  if (o.start_at_unix_ns >= 0 && first >= 0 && late > 100'000'000)
    c.warnings.push_back("began " + human_duration(static_cast<double>(late) * 1e-9) +
                         " after --start-at " + utc_time(o.start_at_unix_ns));
  if (sent > 1 && last > first)
    c.achieved_rate_per_s = static_cast<double>(sent - 1) / (static_cast<double>(last - first) * 1e-9);
  if (c.open_load) {
    c.send_lag_p99_s = lag.quantile_s(0.99);
    c.send_lag_max_s = lag.max_s();
    // Lateness under the kernel's timer slack (~0.1 ms) is not the generator's doing.
    const double allowed = std::max(0.1 / o.load.rate_per_s, 1e-4);
    // A request due while every connection is busy waits for one: on time by the timer, but
    // sent late all the same. Its latency counts from when it was due, so the wait is measured;
    // the reader must know it happened, and why.
    if (c.achieved_rate_per_s > 0 && c.achieved_rate_per_s < 0.9 * o.load.rate_per_s)
      c.warnings.push_back("requests waited for one of the " + std::to_string(o.max_connections) +
                           " connections: " + human_rate(c.achieved_rate_per_s) + "/s sent of " +
                           human_rate(o.load.rate_per_s) +
                           "/s asked. Their latency counts from when they were due, so the wait "
                           "is in it; give more connections (-c) to send them on time");
    if (c.send_lag_p99_s > allowed)
      c.warnings.push_back("the generator sent late (send lag p99 " +
                           human_duration(c.send_lag_p99_s) + " > 10% of the " +
                           human_duration(1 / o.load.rate_per_s) +
                           " between arrivals): it, not the server, may be the bottleneck; "
                           "add --threads or lower the rate");
  }
  if (c.busiest_thread_share > 0.8)
    c.warnings.push_back("a generator thread used " + human_percent(c.busiest_thread_share) +
                         " of a core: the generator may be the bottleneck");
}

// A request that got no answer still held the run until it gave up (a timeout: the time it was
// given), so the makespan spans it: dropped requests never shorten the headline. Throughput stays
// the answered requests over that span.
void span_failures(Summary &s, const std::vector<TaskSample> &samples, const FoldedSamples &folded,
                   std::int64_t last_failure_ns, const ResourceUsage &resources, int cores) {
  if (last_failure_ns < 0)
    return;
  std::int64_t first_submit = folded.first_submit_ns;
  for (const TaskSample &t : samples)
    if (t.submitted())
      first_submit = std::min(first_submit, t.submit_ns);
  const double span = 1e-9 * static_cast<double>(last_failure_ns - first_submit);
  if (first_submit > last_failure_ns || span <= s.makespan_s)
    return;
  s.makespan_s = span;
  s.throughput_per_s = s.completed / span;
  s.cpu_utilization = resources.cpu_time_s / (span * std::max(cores, 1));
}

} // namespace

std::uint64_t planned_requests(const GeneratorOptions &o) {
  if (o.load.kind == LoadKind::open)
    return open_schedule(o).size();
  return static_cast<std::uint64_t>(std::max<std::int64_t>(o.load.tasks, 0));
}

GeneratorResult run_load(const GeneratorOptions &o, int cores) {
  GeneratorResult result;
  result.timeout_s = o.timeout_s;
  // Who this generator is, known before it sends anything.
  GeneratorCheck check;
  check.shard = o.shard;
  check.open_load = o.load.kind == LoadKind::open;
  check.target_rate_per_s = check.open_load ? o.load.rate_per_s : 0;
  check.hostname = host_name();
  check.cores = cores;
  if (o.start_at_unix_ns >= 0 && !wait_for_start(o.start_at_unix_ns - kSetUpNs, o.stop)) {
    // Stopped while waiting: a part that sent nothing, still recognisably this generator's.
    check.clock_zero_unix_ns = unix_now_ns();
    result.repeat.generators = {check};
    result.warn("stopped before --start-at " + utc_time(o.start_at_unix_ns) + ": it sent nothing");
    return result;
  }
  const RunClock clock;
  const std::int64_t clock_zero_unix_ns = unix_now_ns();
  // The load begins at the agreed time, or once the threads are up.
  const std::int64_t start_ns =
      o.start_at_unix_ns >= 0 ? std::max<std::int64_t>(o.start_at_unix_ns - clock_zero_unix_ns, 0)
      : o.load.kind == LoadKind::open ? kStartLeadNs
                                      : 0;
  std::vector<std::int64_t> schedule;
  std::uint64_t tasks = 0;
  if (o.load.kind == LoadKind::open) {
    schedule = open_schedule(o);
    for (std::int64_t &t : schedule)
      t += start_ns;
    tasks = schedule.size();
  } else {
    tasks = static_cast<std::uint64_t>(std::max<std::int64_t>(o.load.tasks, 0));
  }
  TaskRecorder recorder(static_cast<std::uint32_t>(std::min<std::uint64_t>(tasks, UINT32_MAX)),
                        clock, chunk_bits_for(o.sample_budget, tasks));
  recorder.keep_first(o.sample_budget);
  FoldedSamples folded;
  LatencyOverTime over_time;
  IntervalHistograms by_interval(start_ns);
  // Beyond the budget, each chunk of ended requests is folded here, on the waiting thread, so
  // the generator's own threads never stop to do it.
  const auto fold = [&folded, &over_time, &by_interval](std::span<const TaskSample> samples) {
    for (const TaskSample &t : samples) {
      folded.add(t);
      if (t.finished() && !t.failed && t.submitted()) {
        over_time.add(t.end_ns, t.response_ns());
        by_interval.add(t.end_ns, t.response_ns());
      }
    }
  };
  const auto fold_ended = [&] {
    for (const auto &chunk : recorder.take_ended_chunks())
      fold({chunk.get(), recorder.chunk_size()});
  };
  RunShared shared{o, clock, recorder};
  shared.request_bytes = serialize_request(o.request, o.keep_alive);
  shared.head = o.request.method == "HEAD";
  shared.timeout = std::chrono::nanoseconds(static_cast<std::int64_t>(o.timeout_s * 1e9));
  shared.schedule = std::move(schedule);
  shared.start_ns = start_ns;
  if (o.load.kind == LoadKind::closed && o.duration_s)
    shared.closed_deadline_ns = start_ns + static_cast<std::int64_t>(*o.duration_s * 1e9);
  {
    asio::io_context resolver_io;
    asio::ip::tcp::resolver resolver(resolver_io);
    boost::system::error_code ec;
    shared.endpoints =
        resolver.resolve(o.request.url.host, std::to_string(o.request.url.port), ec);
    if (ec)
      shared.resolve_error = "cannot resolve " + o.request.url.host + ": " + ec.message();
  }

  const int n = worker_count(o, cores);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>(shared, i);
    if (o.load.kind == LoadKind::closed) {
      const std::int64_t clients = std::max<std::int64_t>(o.load.clients, 1);
      for (std::int64_t c = i; c < clients; c += n) {
        ++w->active;
        asio::co_spawn(w->io, closed_client(*w), asio::detached);
      }
    } else {
      w->max_connections = std::max<std::int64_t>(1, (o.max_connections + n - 1) / n);
      ++w->active;
      asio::co_spawn(w->io, open_dispatcher(*w, n), asio::detached);
    }
    asio::co_spawn(w->io, detail::watchdog(*w), asio::detached);
    workers.push_back(std::move(w));
  }

  std::optional<ProcessWatcher> watcher;
  if (o.watch_pid > 0)
    watcher.emplace(o.watch_pid, clock);
  RunMeter meter(recorder);
  std::mutex mutex;
  std::condition_variable done;
  int running = n;
  std::vector<std::thread> threads;
  for (auto &w : workers)
    threads.emplace_back([&, worker = w.get()] {
      const auto wall0 = std::chrono::steady_clock::now();
      const double cpu0 = thread_cpu_s();
      worker->io.run();
      worker->cpu_s = thread_cpu_s() - cpu0;
      worker->wall_s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
      std::lock_guard lock(mutex);
      --running;
      done.notify_all();
    });
  {
    // Ctrl-C / Cancel: abandon what is in flight; it stays unfinished in the samples.
    const std::stop_callback on_stop(o.stop, [&workers] {
      for (auto &w : workers)
        w->io.stop();
    });
    std::unique_lock lock(mutex);
    while (!done.wait_for(lock, std::chrono::milliseconds(100), [&] { return running == 0; })) {
      lock.unlock();
      fold_ended();
      if (o.on_progress)
        o.on_progress(recorder);
      lock.lock();
    }
  }
  for (std::thread &t : threads)
    t.join();

  RepeatResult &r = result.repeat;
  r.telemetry = meter.stop(r.resources);
  if (watcher)
    r.server_watch = watcher->stop();
  // A closed load for a duration took tasks until it ended: its samples are the ones it took.
  const auto taken = static_cast<std::uint32_t>(
      std::min<std::uint64_t>(shared.next_task.load(), recorder.tasks()));
  const std::uint32_t sent =
      o.load.kind == LoadKind::closed && o.duration_s ? taken : recorder.tasks();
  r.samples = recorder.take_samples(sent);
  fold(recorder.take_unkept(sent));
  std::int64_t last_failure_ns = folded.last_failure_ns;
  for (TaskSample &t : r.samples)
    if (t.failed) {
      last_failure_ns = std::max(last_failure_ns, t.end_ns);
      t.end_ns = -1; // no response: no latency
    }
  r.latency_over_time = std::move(over_time);
  r.latency_over_time.add_finished(r.samples);
  by_interval.add_finished(r.samples);
  r.latency_by_interval = std::move(by_interval);
  if (folded.tasks) {
    const BeyondBudget beyond{folded, r.latency_over_time};
    r.summary = summarize(r.samples, r.telemetry, {}, r.resources, cores, &beyond);
    r.beyond_budget = std::move(folded);
  } else {
    r.summary = summarize(r.samples, r.telemetry, {}, r.resources, cores);
  }
  span_failures(r.summary, r.samples, r.beyond_budget.value_or(FoldedSamples{}), last_failure_ns,
                r.resources, cores);
  r.complete = r.summary.completed == r.summary.tasks;
  HttpErrors errors;
  for (const auto &w : workers) {
    errors.refused += w->errors.refused;
    errors.reset += w->errors.reset;
    errors.timeout += w->errors.timeout;
    errors.other += w->errors.other;
    for (const auto &[code, count] : w->errors.status)
      errors.status[code] += count;
    result.succeeded += w->succeeded;
    if (result.first_error.empty())
      result.first_error = w->first_error;
  }
  r.http_errors = errors;
  check.clock_zero_unix_ns = clock_zero_unix_ns;
  check.start_ns = start_ns;
  self_check(o, workers, check);
  result.repeat.generator_warnings = check.warnings; // kept in the results file
  result.repeat.generators = {std::move(check)};
  return result;
}

void GeneratorResult::warn(std::string warning) {
  repeat.generator_warnings.push_back(warning);
  repeat.generators.front().warnings.push_back(std::move(warning));
}

Percentiles latency_from_send(const std::vector<TaskSample> &samples) {
  std::vector<double> sent;
  sent.reserve(samples.size());
  for (const TaskSample &t : samples)
    if (t.finished() && t.started()) // an HTTP sample starts when its request is sent
      sent.push_back(static_cast<double>(t.service_ns()) * 1e-9);
  return percentiles(std::move(sent));
}

std::string describe_errors(const HttpErrors &e) {
  std::string out;
  const auto add = [&out](std::uint64_t count, const std::string &what) {
    if (count)
      out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  };
  add(e.refused, "refused");
  add(e.reset, "reset");
  add(e.timeout, "timeout");
  add(e.other, "other");
  for (const auto &[code, count] : e.status)
    add(count, "× " + std::to_string(code));
  return out;
}

std::string failure_headline(const GeneratorResult &g) {
  return failure_headline(g.repeat, g.timeout_s);
}

std::uint64_t succeeded_requests(const RepeatResult &r) {
  std::uint64_t other = 0;
  if (r.http_errors)
    for (const auto &[code, count] : r.http_errors->status)
      other += count;
  const auto answered = static_cast<std::uint64_t>(r.summary.completed);
  return answered > other ? answered - other : 0;
}

std::string failure_headline(const RepeatResult &r, double timeout_s) {
  if (!r.http_errors || r.http_errors->failed() == 0)
    return {};
  const HttpErrors &e = *r.http_errors;
  const std::string of =
      std::to_string(e.failed()) + " of " + std::to_string(r.summary.tasks) + " requests ";
  if (e.failed() == e.timeout)
    return of + "timed out after " + human_duration(timeout_s);
  std::string kinds;
  const auto add = [&kinds](std::uint64_t count, const std::string &what) {
    if (count)
      kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  };
  add(e.timeout, "timed out after " + human_duration(timeout_s));
  add(e.refused, "refused");
  add(e.reset, "reset");
  add(e.other, "other");
  return of + "failed: " + kinds;
}

std::string beyond_budget_note(const RepeatResult &r) {
  if (!r.beyond_budget)
    return {};
  return "every request is counted, but only the first " + human_count(double(r.samples.size())) +
         " kept their sample; the other " + human_count(double(r.beyond_budget->tasks)) +
         " were folded into histograms (the sample budget), so percentiles are exact to 3 "
         "significant digits and the per-request charts show the first ones";
}

std::string describe_http_run(const GeneratorResult &g) {
  const RepeatResult &r = g.repeat;
  const GeneratorCheck &c = g.check();
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  if (const std::string failed = failure_headline(g); !failed.empty())
    out << failed << ": the latencies are of the " << g.succeeded
        << " answered, and the makespan runs until the last request gave up. ";
  // Closing the connection does not stop a request on the server: a Python handler that is
  // already running (or queued for a thread) finishes anyway.
  if (r.http_errors && r.http_errors->timeout > 0)
    out << "The lab gave up on the requests that timed out, the server did not: it may still be "
           "working on them, and a measurement started at once would share it with them. ";
  out << "HTTP: " << g.succeeded << " of " << r.summary.tasks << " requests got a 2xx response";
  if (r.http_errors && r.http_errors->total() > 0)
    out << "; errors: " << describe_errors(*r.http_errors);
  if (!g.first_error.empty())
    out << " (first: " << g.first_error << ")";
  out << ". Generator: " << c.threads << (c.threads == 1 ? " thread" : " threads") << ", "
      << c.connections_opened << " connections opened, busiest thread "
      << c.busiest_thread_share * 100 << "% of a core";
  if (c.open_load)
    out << "; " << c.target_rate_per_s << "/s asked, " << c.achieved_rate_per_s
        << "/s sent, send lag p99 " << c.send_lag_p99_s * 1e3 << " ms";
  out << '.';
  if (r.beyond_budget)
    out << " Samples: " << beyond_budget_note(r) << '.';
  if (r.server_watch)
    out << " The " << describe_watch(*r.server_watch) << '.';
  for (const std::string &w : c.warnings)
    out << " Warning: " << w << '.';
  return out.str();
}

} // namespace conlab::http
