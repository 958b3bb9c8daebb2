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
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <deque>
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
  // Closed load
  std::atomic<std::uint32_t> next_task{0};
  std::int64_t closed_deadline_ns = -1; // stop taking tasks after this; -1 none
  // Open load: intended send times, ns from the clock's origin
  std::vector<std::int64_t> schedule;
};

struct Connection {
  explicit Connection(boost::asio::io_context &io) : stream(io) {}
  boost::beast::tcp_stream stream;
  boost::beast::flat_buffer buffer;
  bool connected = false;
  std::uint64_t responses = 0; // on this connection since it opened
};

struct Worker {
  Worker(RunShared &s, int i) : shared(s), index(i) {}
  RunShared &shared;
  int index;
  boost::asio::io_context io{1};
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

// Sends request `task` on `connection` (connecting first if needed) and records it. Never
// throws; failures are counted on the worker and leave the connection closed.
boost::asio::awaitable<void> perform_request(Worker &worker, Connection &connection,
                                             std::uint32_t task);

} // namespace conlab::http::detail
