// One connection of the embedded server: read a request within the limits, run its endpoint,
// write the response, repeat while keep-alive lasts. Runs on the server's loop thread.
#pragma once

#include "core/http/server.h"
#include "core/http/server_endpoints.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <list>
#include <memory>
#include <string>
#include <vector>

namespace conlab::http {

// A live connection, as the accept loop sees it: whether it may be closed to make room.
struct ConnectionEntry {
  boost::beast::tcp_stream *stream = nullptr;
  bool idle = true; // waiting for (the rest of) a request, not running a handler
};

// State the sessions share; touched only on the loop thread, except the atomic counters.
struct ServerShared {
  ServerOptions options;
  std::vector<std::unique_ptr<Endpoint>> endpoints;
  std::string index_json; // the response to GET /
  std::list<ConnectionEntry> connections; // oldest first
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> open{0};
  std::atomic<std::uint64_t> closed_idle{0};
  std::atomic<std::uint64_t> requests{0};

  Endpoint *find(std::string_view path) const;
  // Closes the oldest idle connection; false when every connection is busy.
  bool close_oldest_idle();
};

boost::asio::awaitable<void> serve_connection(ServerShared &shared,
                                              boost::asio::ip::tcp::socket socket);

} // namespace conlab::http
