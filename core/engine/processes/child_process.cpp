#include "core/engine/processes/child_process.h"

#include "core/engine/processes/fork_gate.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace conlab {
namespace {

double seconds(const timeval &t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Everything but stdin, stdout, stderr and `keep`: another worker's socket left open here would
// hide that worker's death from the lab, and the lab's own sockets are none of the child's
// business.
void close_inherited_descriptors(int keep) {
  if (keep > 3)
    ::close_range(3, static_cast<unsigned>(keep - 1), 0);
  ::close_range(static_cast<unsigned>(keep + 1), ~0U, 0);
}

[[noreturn]] void run_child(pid_t parent, int fd, const std::function<int(int)> &body) {
  // A killed lab takes its workers along; a lab that died before this line is caught below.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent)
    ::_exit(1);
  std::signal(SIGINT, SIG_IGN); // Ctrl-C is the lab's to handle: it stops and reaps us
  std::signal(SIGTERM, SIG_DFL);
  close_inherited_descriptors(fd);
  ::_exit(body(fd)); // _exit: no atexit handlers or static destructors of the lab's copy
}

} // namespace

std::string ChildExit::describe() const {
  if (exited)
    return "exited with code " + std::to_string(code);
  const char *name = sigabbrev_np(signal);
  return "was killed by signal " + std::to_string(signal) +
         (name ? " (SIG" + std::string(name) + ")" : std::string());
}

ChildProcess ChildProcess::spawn(const std::function<int(int)> &body) {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
    throw std::system_error(errno, std::generic_category(), "socketpair for a worker process");
  const pid_t parent = ::getpid();
  pid_t pid = -1;
  {
    const auto gate = exclude_allocators_for_fork();
    pid = ::fork();
  }
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::system_error(error, std::generic_category(), "fork of a worker process");
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(parent, fds[1], body);
  }
  ::close(fds[1]);
  // Through syscall(): glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); // -1: no grace
  return ChildProcess(pid, fds[0], pidfd);
}

ChildProcess::ChildProcess(ChildProcess &&other) noexcept
    : m_pid(std::exchange(other.m_pid, -1)), m_fd(std::exchange(other.m_fd, -1)),
      m_pidfd(std::exchange(other.m_pidfd, -1)), m_exit(std::move(other.m_exit)) {}

ChildProcess::~ChildProcess() {
  if (m_pid > 0 && !m_exit) {
    kill();
    reap(std::chrono::milliseconds(0));
  }
  close_socket();
  if (m_pidfd >= 0)
    ::close(m_pidfd);
}

bool ChildProcess::send(const void *message, std::size_t size) const {
  return m_fd >= 0 && send_message(m_fd, message, size);
}

bool ChildProcess::receive(void *message, std::size_t size) const {
  return m_fd >= 0 && receive_message(m_fd, message, size) == static_cast<long>(size);
}

bool ChildProcess::receive_within(void *message, std::size_t size,
                                  std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    // Rounded up: poll's milliseconds must not end the wait before the deadline.
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (m_fd < 0 || left.count() <= 0)
      return false;
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready > 0)
      return receive(message, size);
    if (ready < 0 && errno != EINTR)
      return false;
  }
}

void ChildProcess::kill() const {
  if (m_pid > 0 && !m_exit)
    ::kill(m_pid, SIGKILL);
}

void ChildProcess::close_socket() {
  if (m_fd >= 0)
    ::close(std::exchange(m_fd, -1));
}

const ChildExit &ChildProcess::reap(std::chrono::milliseconds grace) {
  if (m_exit)
    return *m_exit;
  close_socket();
  const auto deadline = std::chrono::steady_clock::now() + grace;
  bool gone = false;
  while (!gone && m_pidfd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      break;
    pollfd p{m_pidfd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    gone = ready > 0;
    if (ready < 0 && errno != EINTR)
      break;
  }
  if (!gone)
    ::kill(m_pid, SIGKILL);
  int status = 0;
  rusage ru{};
  while (::wait4(m_pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  m_exit = ChildExit{
      .exited = WIFEXITED(status),
      .code = WIFEXITED(status) ? WEXITSTATUS(status) : 0,
      .signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0,
      .cpu_time_s = seconds(ru.ru_utime) + seconds(ru.ru_stime),
      .voluntary_context_switches = ru.ru_nvcsw,
      .involuntary_context_switches = ru.ru_nivcsw,
  };
  return *m_exit;
}

bool send_message(int fd, const void *message, std::size_t size) {
  for (;;) {
    const ssize_t n = ::send(fd, message, size, MSG_NOSIGNAL);
    if (n >= 0)
      return static_cast<std::size_t>(n) == size;
    if (errno != EINTR)
      return false;
  }
}

long receive_message(int fd, void *message, std::size_t size) {
  for (;;) {
    const ssize_t n = ::recv(fd, message, size, 0);
    if (n >= 0 || errno != EINTR)
      return static_cast<long>(n);
  }
}

} // namespace conlab
