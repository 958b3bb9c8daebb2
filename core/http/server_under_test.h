// The server under test, started by the lab (`--spawn 'CMD'`): CMD runs under /bin/sh in a
// session and process group of its own, with its output in a log file. The lab waits until it
// answers HTTP, measures it, then stops the whole group (SIGTERM, then SIGKILL after a grace),
// on success, on error and on Ctrl-C alike, so that no server, worker or reloader outlives the
// run.
//
// Why posix_spawn rather than fork: the lab has threads by then, and posix_spawn does the
// session, signal mask and descriptors in one call that is safe in a threaded process.
#pragma once

#include "core/http/url.h"

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace conlab::http {

// The server could not be started, exited before it answered, or never answered. The message
// says which, and ends with the last lines of its log.
class SpawnError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct SpawnSpec {
  std::string command;  // run by /bin/sh -c
  std::string log_path; // the server's stdout and stderr (truncated first)
  Url probe;            // answered with any HTTP status means ready
  double ready_timeout_s = 30;
};

inline constexpr double kDefaultSpawnTimeoutS = 30;

class ServerUnderTest {
public:
  // Starts the command; throws SpawnError when the log cannot be written or the shell cannot
  // start.
  explicit ServerUnderTest(SpawnSpec spec);
  ~ServerUnderTest(); // stop()
  ServerUnderTest(const ServerUnderTest &) = delete;
  ServerUnderTest &operator=(const ServerUnderTest &) = delete;

  // Blocks until the server answers an HTTP request at spec.probe. Throws SpawnError when it
  // exits first, or does not answer within spec.ready_timeout_s; returns false when `stop` was
  // requested first.
  bool wait_until_ready(std::stop_token stop);

  // How the server ended without being asked ("exited with code 1", "was killed by signal 9"),
  // or nullopt while it runs. Reaps it when it has ended.
  std::optional<std::string> ended_on_its_own();

  // Stops every process of its group: SIGTERM, then SIGKILL after `grace`. Idempotent.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

  pid_t pid() const { return m_pid; }
  const SpawnSpec &spec() const { return m_spec; }
  // The last `lines` lines of its log, for error messages.
  std::string log_tail(int lines = 5) const;

private:
  void reap_group();
  bool group_alive() const;

  SpawnSpec m_spec;
  pid_t m_pid = -1;            // also the process group's id
  std::optional<int> m_status; // the shell's wait status, once reaped
  bool m_stopped = false;
};

// One GET to `url`; true when any HTTP response header came back within `timeout`.
bool answers_http(const Url &url, std::chrono::milliseconds timeout);

// Kills every spawned server's process group at once (SIGKILL), for a lab that is quitting
// without its destructors (a second Ctrl-C). Async-signal-safe.
void kill_servers_under_test_now() noexcept;

} // namespace conlab::http
