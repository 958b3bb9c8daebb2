#include "core/engine/threads/thread_sched.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <charconv>
#include <mutex>

namespace conlab {
namespace {

// An open /proc/thread-self/schedstat of the thread that opened it. Hand-written rather than a
// QFile or std::ifstream: the read is on the path of every step, and pread at offset 0 asks the
// kernel for a fresh line without a seek or a buffer to reset.
struct OwnSchedFile {
  int fd = -2; // -2: not opened yet; -1: cannot be opened
  ~OwnSchedFile() { close_it(); }
  void close_it() {
    if (fd >= 0)
      ::close(fd);
    fd = -2;
  }
};
thread_local OwnSchedFile t_file;

void register_fork_handler() {
  static std::once_flag once;
  // The forking thread's file names the parent's thread: a child must open its own.
  std::call_once(once, [] { ::pthread_atfork(nullptr, nullptr, [] { t_file.close_it(); }); });
}

} // namespace

ThreadSchedTimes own_sched_times() {
  if (t_file.fd == -2) {
    register_fork_handler();
    t_file.fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  }
  if (t_file.fd < 0)
    return {};
  char line[96];
  const ssize_t n = ::pread(t_file.fd, line, sizeof line, 0);
  if (n <= 0)
    return {};
  ThreadSchedTimes out;
  const char *end = line + n;
  auto [p, ec] = std::from_chars(line, end, out.on_cpu_ns);
  if (ec != std::errc() || p == end)
    return {};
  auto [q, ec2] = std::from_chars(p + 1, end, out.runnable_ns);
  if (ec2 != std::errc())
    return {};
  (void)q;
  out.known = true;
  return out;
}

} // namespace conlab
