#include "core/http/server_session.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/serialize.hpp>

namespace conlab::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

using Response = bhttp::response<bhttp::string_body>;
constexpr auto kToken = asio::as_tuple(asio::use_awaitable);

Response make_response(bhttp::status status, unsigned version, bool keep_alive,
                       std::string body, std::string_view type = "application/json") {
  Response res{status, version};
  res.set(bhttp::field::server, "conlab");
  res.set(bhttp::field::content_type, type);
  res.keep_alive(keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

std::string error_json(std::string_view message) {
  return "{\"error\":" + boost::json::serialize(boost::json::string(message)) + "}\n";
}

// A request the parser refused gets a status that says why, then the connection closes: after
// a framing error nothing later on the stream can be trusted.
std::optional<Response> refusal(const boost::system::error_code &ec, const ServerOptions &o) {
  if (ec == bhttp::error::header_limit)
    return make_response(bhttp::status::request_header_fields_too_large, 11, false,
                         error_json("request header larger than " +
                                    std::to_string(o.header_limit) + " bytes"));
  if (ec == bhttp::error::body_limit)
    return make_response(bhttp::status::payload_too_large, 11, false,
                         error_json("request body larger than " + std::to_string(o.body_limit) +
                                    " bytes"));
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
    return make_response(bhttp::status::bad_request, 11, false,
                         error_json("malformed request: " + ec.message()));
  return std::nullopt; // timeout, reset, the client went away: nobody to answer
}

// Marks the connection busy for as long as it runs a handler (so it is never closed to make
// room mid-request), and removes it from the list when the session ends.
class ConnectionGuard {
public:
  ConnectionGuard(ServerShared &shared, beast::tcp_stream &stream) : m_shared(shared) {
    m_entry = shared.connections.insert(shared.connections.end(), ConnectionEntry{&stream, true});
    shared.open.fetch_add(1, std::memory_order_relaxed);
  }
  ~ConnectionGuard() {
    m_shared.connections.erase(m_entry);
    m_shared.open.fetch_sub(1, std::memory_order_relaxed);
  }
  ConnectionGuard(const ConnectionGuard &) = delete;
  ConnectionGuard &operator=(const ConnectionGuard &) = delete;
  void idle(bool value) { m_entry->idle = value; }

private:
  ServerShared &m_shared;
  std::list<ConnectionEntry>::iterator m_entry;
};

asio::awaitable<Response> respond(ServerShared &shared, const bhttp::request<bhttp::string_body> &req) {
  std::string_view path(req.target().data(), req.target().size());
  if (const std::size_t query = path.find('?'); query != std::string_view::npos)
    path = path.substr(0, query);
  const unsigned version = req.version();
  const bool keep_alive = req.keep_alive();
  if (path == "/")
    co_return make_response(bhttp::status::ok, version, keep_alive, shared.index_json);
  Endpoint *endpoint = shared.find(path);
  if (!endpoint)
    co_return make_response(bhttp::status::not_found, version, keep_alive,
                            error_json("no endpoint " + std::string(path) + " (GET / lists them)"));
  const HandlerResult result = co_await endpoint->handle();
  Response res =
      result.ok
          ? make_response(bhttp::status::ok, version, keep_alive,
                          "{\"label\":" +
                              boost::json::serialize(boost::json::string(endpoint->variant().label)) +
                              ",\"model\":\"" + endpoint->variant().model +
                              "\",\"request\":" + std::to_string(result.request) + "}\n")
          : make_response(bhttp::status::service_unavailable, version, keep_alive,
                          error_json(result.reason));
  res.set("X-Conlab-Model", endpoint->variant().model);
  if (!endpoint->note().empty())
    res.set("X-Conlab-Note", endpoint->note());
  co_return res;
}

} // namespace

Endpoint *ServerShared::find(std::string_view path) const {
  for (const auto &endpoint : endpoints)
    if (endpoint->path() == path)
      return endpoint.get();
  return nullptr;
}

bool ServerShared::close_oldest_idle() {
  for (ConnectionEntry &entry : connections) {
    if (!entry.idle)
      continue;
    boost::system::error_code ignored;
    entry.stream->socket().close(ignored); // its pending read ends; the session cleans up
    entry.idle = false;                    // never picked twice
    closed_idle.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  return false;
}

asio::awaitable<void> serve_connection(ServerShared &shared, asio::ip::tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  ConnectionGuard guard(shared, stream);
  beast::flat_buffer buffer;
  const ServerOptions &o = shared.options;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(o.header_limit));
    parser.body_limit(o.body_limit);
    stream.expires_after(o.read_timeout); // the whole request, so a slow client cannot linger
    guard.idle(true);
    auto [read_error, read_bytes] = co_await bhttp::async_read(stream, buffer, parser, kToken);
    guard.idle(false);
    if (read_error) {
      if (std::optional<Response> res = refusal(read_error, o)) {
        stream.expires_after(o.read_timeout);
        co_await bhttp::async_write(stream, *res, kToken);
      }
      break;
    }
    shared.requests.fetch_add(1, std::memory_order_relaxed);
    stream.expires_never(); // a handler may legitimately take longer than the read timeout
    Response res = co_await respond(shared, parser.get());
    const bool keep_alive = res.keep_alive();
    stream.expires_after(o.read_timeout);
    auto [write_error, written] = co_await bhttp::async_write(stream, res, kToken);
    if (write_error || !keep_alive)
      break;
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

} // namespace conlab::http
