#include "core/engine/threads/thread_limits.h"

#include "core/util/field_error.h"
#include "core/util/format.h"
#include "core/util/translatable.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>

namespace conlab {
namespace {

constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max();

// The first number in a small /proc or /sys file; -1 when it cannot be read ("max" included).
std::int64_t number_in(const std::string &path) {
  std::ifstream in(path);
  std::int64_t value = -1;
  if (!(in >> value))
    return -1;
  return value;
}

// A "Key:   value kB" line of /proc/meminfo or /proc/self/status, in bytes; -1 when absent.
std::int64_t kib_field(const char *path, const std::string &key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0)
      return std::stoll(line.substr(key.size() + 1)) * 1024;
  return -1;
}

// Every thread on the machine: the fourth field of /proc/loadavg is "running/total".
std::int64_t threads_on_machine() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c, running_total;
  if (!(in >> a >> b >> c >> running_total))
    return 0;
  const auto slash = running_total.find('/');
  return slash == std::string::npos ? 0 : std::stoll(running_total.substr(slash + 1));
}

// The threads of every process of `uid`, which RLIMIT_NPROC counts.
std::int64_t threads_of_user(uid_t uid) {
  std::int64_t total = 0;
  std::error_code ec;
  for (const auto &entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename();
    if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0])))
      continue;
    struct stat st {};
    if (::stat(entry.path().c_str(), &st) != 0 || st.st_uid != uid)
      continue;
    std::ifstream status(entry.path() / "status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("Threads:", 0) == 0) {
        total += std::stoll(line.substr(8));
        break;
      }
  }
  return total;
}

std::int64_t lines_in(const std::string &path) {
  std::ifstream in(path);
  return std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
}

// The cgroup v2 directory this process is in ("0::/user.slice/…" in /proc/self/cgroup).
std::filesystem::path own_cgroup() {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("0::", 0) == 0)
      return std::filesystem::path("/sys/fs/cgroup") / line.substr(4);
  return {};
}

class Tightest {
public:
  void consider(std::int64_t allows, const char *format, std::vector<std::string> args) {
    allows = std::max<std::int64_t>(0, allows);
    if (allows < m_limit.allows)
      m_limit = ThreadLimit{allows, format, std::move(args)};
  }
  ThreadLimit take() { return std::move(m_limit); }

private:
  ThreadLimit m_limit{kUnlimited, "", {}};
};

} // namespace

std::vector<std::string> ThreadLimit::arguments(std::int64_t needed) const {
  std::vector<std::string> all{std::to_string(needed), std::to_string(allows)};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

std::string ThreadLimit::describe(std::int64_t needed) const {
  return fill_placeholders(format, arguments(needed));
}

std::int64_t default_thread_stack_bytes() {
  pthread_attr_t attr;
  std::size_t size = 0;
  if (pthread_getattr_default_np(&attr) == 0) {
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_destroy(&attr);
  }
  return size > 0 ? static_cast<std::int64_t>(size) : 8 << 20;
}

std::int64_t minimum_thread_stack_bytes() {
  const long least = ::sysconf(_SC_THREAD_STACK_MIN);
  return least > 0 ? least : 16384;
}

ThreadLimit thread_headroom(std::int64_t stack_bytes) {
  if (stack_bytes <= 0)
    stack_bytes = default_thread_stack_bytes();
  Tightest tightest;
  const std::int64_t machine_threads = threads_on_machine();
  if (const std::int64_t max = number_in("/proc/sys/kernel/threads-max"); max > 0)
    tightest.consider(
        max - machine_threads,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "kernel.threads-max is %3, and %4 threads already run"),
        {std::to_string(max), std::to_string(machine_threads)});
  if (const std::int64_t max = number_in("/proc/sys/kernel/pid_max"); max > 0)
    tightest.consider(
        max - machine_threads,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "kernel.pid_max is %3, one process ID a thread, and %4 "
                            "threads already run"),
        {std::to_string(max), std::to_string(machine_threads)});
  // systemd and containers cap a group of processes (TasksMax): often the tightest of all. Every
  // ancestor's cap applies too.
  for (auto group = own_cgroup(); !group.empty() && group != "/sys/fs/cgroup";
       group = group.parent_path()) {
    const std::int64_t max = number_in(group / "pids.max");
    const std::int64_t current = number_in(group / "pids.current");
    if (max > 0 && current >= 0)
      tightest.consider(max - current,
                        CONLAB_TRANSLATABLE("conlab::errors",
                                            "needs %1 threads at once, and this machine allows %2 "
                                            "more: the pids.max of cgroup %3 is %4, and %5 "
                                            "threads already run in it"),
                        {group.string().substr(14), std::to_string(max), std::to_string(current)});
  }
  rlimit nproc{};
  // Root is exempt from RLIMIT_NPROC (the kernel lets CAP_SYS_RESOURCE and uid 0 past it).
  if (::getuid() != 0 && ::getrlimit(RLIMIT_NPROC, &nproc) == 0 && nproc.rlim_cur != RLIM_INFINITY)
    tightest.consider(
        static_cast<std::int64_t>(nproc.rlim_cur) - threads_of_user(::getuid()),
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "RLIMIT_NPROC (ulimit -u) is %3 threads for this user"),
        {std::to_string(static_cast<std::int64_t>(nproc.rlim_cur))});
  // A thread's stack is one mapping and its guard page another.
  if (const std::int64_t max = number_in("/proc/sys/vm/max_map_count"); max > 0)
    tightest.consider(
        (max - lines_in("/proc/self/maps")) / 2,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "vm.max_map_count is %3, two memory maps a thread"),
        {std::to_string(max)});
  if (const std::int64_t available = kib_field("/proc/meminfo", "MemAvailable"); available > 0)
    tightest.consider(
        available / 2 / kResidentBytesPerThread,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "half the %3 of memory available, at about %4 a thread"),
        {human_bytes(static_cast<double>(available)),
         human_bytes(static_cast<double>(kResidentBytesPerThread))});
  // Under strict overcommit every stack is committed whole.
  if (number_in("/proc/sys/vm/overcommit_memory") == 2) {
    const std::int64_t left =
        kib_field("/proc/meminfo", "CommitLimit") - kib_field("/proc/meminfo", "Committed_AS");
    tightest.consider(
        left / stack_bytes,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "vm.overcommit_memory is 2 (strict) and %3 is left to "
                            "commit, at %4 of stack a thread"),
        {human_bytes(static_cast<double>(left)), human_bytes(static_cast<double>(stack_bytes))});
  }
  rlimit as{};
  if (::getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
    tightest.consider(
        (static_cast<std::int64_t>(as.rlim_cur) - kib_field("/proc/self/status", "VmSize")) /
            stack_bytes,
        CONLAB_TRANSLATABLE("conlab::errors",
                            "needs %1 threads at once, and this machine allows %2 more: "
                            "RLIMIT_AS (ulimit -v) is %3, at %4 of stack a thread"),
        {human_bytes(static_cast<double>(as.rlim_cur)),
         human_bytes(static_cast<double>(stack_bytes))});
  ThreadLimit limit = tightest.take();
  limit.allows = std::max<std::int64_t>(0, limit.allows - kThreadMargin);
  return limit;
}

} // namespace conlab
