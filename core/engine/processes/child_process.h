// A worker process forked from the lab, the way Python's multiprocessing starts one on Linux
// (the "fork" start method of ProcessPoolExecutor, and uvicorn's worker processes). The child
// is a copy of the lab at the moment of the fork, so it already has the workload and the CPU
// kernel's calibration; it talks to the lab over one socket of fixed-size messages.
//
// No child may outlive the lab: it dies with the thread that forked it (PR_SET_PDEATHSIG), so a
// crashed or killed lab takes its workers along, and it ignores SIGINT, so Ctrl-C reaches the
// lab, which then stops and reaps every worker itself.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace conlab {

// How long a worker has to say it is ready: a fork and a few allocations take milliseconds, so
// one that is silent this long is stuck, and the run fails with that instead of waiting for ever.
inline constexpr std::chrono::seconds kWorkerStartTimeout{10};

// How a worker ended, and the CPU it used (from wait4, so its threads' time is included).
struct ChildExit {
  bool exited = false; // exited by itself, with `code`; otherwise killed by `signal`
  int code = 0;
  int signal = 0;
  double cpu_time_s = 0;
  std::int64_t voluntary_context_switches = 0;
  std::int64_t involuntary_context_switches = 0;

  bool clean() const { return exited && code == 0; }
  std::string describe() const; // "exited with code 3", "was killed by signal 9 (SIGKILL)"
};

class ChildProcess {
public:
  // Forks a child that runs `body(fd)` on its end of a SOCK_SEQPACKET socket pair and then
  // exits with what it returns, closing every other descriptor it inherited first (so one
  // worker cannot keep another's socket open). Must be called from a thread that outlives the
  // child. Throws std::system_error when the fork fails.
  static ChildProcess spawn(const std::function<int(int fd)> &body);

  ChildProcess(ChildProcess &&other) noexcept;
  ChildProcess &operator=(ChildProcess &&) = delete;
  ChildProcess(const ChildProcess &) = delete;
  ~ChildProcess(); // kills and reaps it if nobody did

  pid_t pid() const { return m_pid; }
  int fd() const { return m_fd; } // this side of the socket; -1 once closed

  // Sends or receives one message. False when the other side is gone (or a short transfer).
  bool send(const void *message, std::size_t size) const;
  bool receive(void *message, std::size_t size) const;
  // The same, but false when nothing came within `timeout`: a worker that hangs before it says
  // it is ready must not hang the lab with it.
  bool receive_within(void *message, std::size_t size, std::chrono::milliseconds timeout) const;

  void kill() const;   // SIGKILL, at once
  void close_socket(); // the child sees end of file and exits by itself
  // Closes the socket, gives the child `grace` to exit by itself, then kills it, and waits for
  // it. Safe to call again: returns the same exit.
  const ChildExit &reap(std::chrono::milliseconds grace);
  const std::optional<ChildExit> &exit() const { return m_exit; }

private:
  ChildProcess(pid_t pid, int fd, int pidfd) : m_pid(pid), m_fd(fd), m_pidfd(pidfd) {}

  pid_t m_pid = -1;
  int m_fd = -1;
  int m_pidfd = -1; // readable once the child has exited
  std::optional<ChildExit> m_exit;
};

// Sends a message of one of the fixed-size structs below from the child side.
bool send_message(int fd, const void *message, std::size_t size);
// Receives one; 0 when the lab closed its end, -1 on error, otherwise the size.
long receive_message(int fd, void *message, std::size_t size);

} // namespace conlab
