// Inside the load generator: one worker per thread (its own io_context, connections and error
// counts, so the hot path shares nothing but the recorder's slots), and one request on one
// connection. Not part of the public API.
#pragma once

#include "core/analysis/latency_histogram.h"
#include "core/engine/run_clock.h"
#include "core/engine/task_recorder.h"
#include "core/http/load_generator.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <atomic>
#include <climits>
#include <deque>
#include <list>
#include <memory>
#include <string>
#include <vector>

namespace conlab::http::detail {

// What every worker reads and nobody writes during the run.
struct RunShared {
  const GeneratorOptions &options;
  const RunClock &clock;
  TaskRecorder &recorder;
  std::string request_bytes;         // the serialized request, identical every time
  bool head = false;                 // HEAD: responses carry no body
  boost::asio::ip::tcp::resolver::results_type endpoints;
  std::string resolve_error;
  std::chrono::nanoseconds timeout{};
  std::int64_t start_ns = 0; // when the load begins: clients start, the first arrival is due
  // Closed load
  std::atomic<std::uint32_t> next_task{0};
  std::int64_t closed_deadline_ns = -1; // stop taking tasks after this; -1 none
  // Open load: intended send times, ns from the clock's origin
  std::vector<std::int64_t> schedule;
};

struct Worker;

// A connection of a worker. Its timeout is a deadline that the worker's watchdog checks, not a
// timer per operation: re-arming a timer on every read and write (what beast::tcp_stream does)
// costs the generator a tenth of its speed against a fast server, for timeouts that are seconds
// long and may fire a few milliseconds late.
struct Connection {
  explicit Connection(Worker &worker);
  ~Connection();
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  Worker &worker;
  boost::asio::ip::tcp::socket socket;
  boost::beast::flat_buffer buffer;
  bool connected = false;
  std::uint64_t responses = 0; // on this connection since it opened
  static constexpr std::int64_t kNoDeadline = INT64_MAX;
  std::int64_t deadline_ns = kNoDeadline; // when the operation under way gives up
  bool timed_out = false;                 // the watchdog closed it at its deadline
  std::list<Connection *>::iterator entry;
};

struct Worker {
  Worker(RunShared &s, int i) : shared(s), index(i) {}
  ~Worker() { tearing_down = true; } // before the members go: see Active
  RunShared &shared;
  int index;
  // Declared before io so that they outlive it: destroying io destroys the coroutines still
  // suspended in it (after a stop), and with them their connections and Active guards.
  std::list<Connection *> live; // every connection, for the watchdog
  int active = 0;               // coroutines that still send requests
  bool tearing_down = false;
  boost::asio::io_context io{1};
  boost::asio::steady_timer watchdog{io};
  HttpErrors errors;
  std::uint64_t succeeded = 0;
  std::string first_error;
  std::int64_t connections_opened = 0;
  LatencyHistogram send_lag; // open load: dispatcher lateness per request
  std::int64_t first_send_ns = -1, last_send_ns = -1;
  std::uint64_t sent = 0;
  double cpu_s = 0, wall_s = 0;
  // Open load
  std::vector<std::unique_ptr<Connection>> connections;
  std::vector<Connection *> idle;
  std::deque<std::uint32_t> pending;
  std::int64_t max_connections = 1;
};

// Held by each coroutine that sends requests (counted in Worker::active before it is spawned):
// the last one to end wakes the watchdog, which then ends too, and the worker's io.run returns.
class Active {
public:
  explicit Active(Worker &w) : m_worker(w) {}
  ~Active();
  Active(const Active &) = delete;
  Active &operator=(const Active &) = delete;

private:
  Worker &m_worker;
};

// Closes each connection whose deadline has passed, every 1/20 of the timeout (1 … 100 ms),
// until no coroutine of the worker sends requests.
boost::asio::awaitable<void> watchdog(Worker &worker);

// Sends request `task` on `connection` (connecting first if needed) and records it. Never
// throws; failures are counted on the worker and leave the connection closed.
boost::asio::awaitable<void> perform_request(Worker &worker, Connection &connection,
                                             std::uint32_t task);

} // namespace conlab::http::detail
