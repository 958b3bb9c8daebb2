#include "core/engine/threads/thread_sched.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <charconv>
#include <ctime>
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
  // The file's run time is brought up to date only at the scheduler's ticks while the thread
  // runs (4 ms here), so a step of 5 ms read 4 or 8: the run time comes from the thread's CPU
  // clock, which the kernel updates on every read. The run-queue wait is exact: a wait is added
  // when it ends, and this thread is running.
  ThreadSchedTimes out;
  const char *end = line + n;
  std::int64_t stale_run_ns = 0;
  auto [p, ec] = std::from_chars(line, end, stale_run_ns);
  if (ec != std::errc() || p == end)
    return {};
  if (std::from_chars(p + 1, end, out.runnable_ns).ec != std::errc())
    return {};
  timespec cpu{};
  if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) != 0)
    return {};
  out.on_cpu_ns = std::int64_t{cpu.tv_sec} * 1'000'000'000 + cpu.tv_nsec;
  out.known = true;
  return out;
}

} // namespace conlab
