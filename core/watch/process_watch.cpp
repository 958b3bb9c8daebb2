#include "core/watch/process_watch.h"

#include "core/util/format.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

namespace conlab {
namespace {

constexpr std::size_t kMaxPoints = 4000; // then every other point goes and the interval doubles
constexpr auto kLongestInterval = std::chrono::seconds(1);

// The files of /proc are small and read hundreds of times a second: a plain read(2) into a
// buffer on the stack, where an ifstream would allocate and parse locale-aware.
std::optional<std::string_view> read_proc(const std::string &path, std::array<char, 256> &buffer,
                                          int *error = nullptr) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error)
      *error = errno;
    return std::nullopt;
  }
  const ssize_t n = ::read(fd, buffer.data(), buffer.size() - 1);
  const int read_error = errno;
  ::close(fd);
  if (n < 0) {
    if (error)
      *error = read_error;
    return std::nullopt;
  }
  return std::string_view(buffer.data(), static_cast<std::size_t>(n));
}

std::string proc(std::int32_t pid) { return "/proc/" + std::to_string(pid); }

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.remove_suffix(1);
  return std::string(text);
}

// The state letter of /proc/PID/stat (after the parenthesised name, which may hold spaces).
char process_state(std::int32_t pid) {
  std::array<char, 256> buffer{};
  const auto text = read_proc(proc(pid) + "/stat", buffer);
  if (!text)
    return 'X';
  const std::size_t close = text->rfind(')');
  return close != std::string_view::npos && close + 2 < text->size() ? (*text)[close + 2] : '?';
}

std::vector<std::int32_t> thread_ids(std::int32_t pid, int &error) {
  std::vector<std::int32_t> out;
  DIR *dir = ::opendir((proc(pid) + "/task").c_str());
  if (!dir) {
    error = errno;
    return out;
  }
  while (const dirent *entry = ::readdir(dir))
    if (entry->d_name[0] >= '0' && entry->d_name[0] <= '9')
      out.push_back(static_cast<std::int32_t>(std::strtol(entry->d_name, nullptr, 10)));
  ::closedir(dir);
  error = 0;
  return out;
}

} // namespace

double ProcessWatch::span_s() const {
  return points.size() < 2 ? 0
                           : 1e-9 * static_cast<double>(points.back().at_ns - points.front().at_ns);
}

std::string watch_problem(std::int64_t given) {
  if (given <= 0 || given > INT32_MAX)
    return "must be a process ID (a positive number)";
  const auto pid = static_cast<std::int32_t>(given);
  if (pid == ::getpid())
    return "that is the lab itself; give the PID of the server it loads";
  if (::kill(pid, 0) != 0 && errno == ESRCH)
    return "no process " + std::to_string(pid);
  int error = 0;
  const std::vector<std::int32_t> tids = thread_ids(pid, error);
  if (error != 0)
    return "cannot read " + proc(pid) + "/task: " + std::strerror(error);
  if (const char state = process_state(pid); state == 'Z' || state == 'X')
    return "process " + std::to_string(pid) + " has exited";
  std::array<char, 256> buffer{};
  const std::string schedstat = proc(pid) + "/task/" + std::to_string(pid) + "/schedstat";
  if (!read_proc(schedstat, buffer, &error))
    return "cannot read " + schedstat + ": " + std::strerror(error) +
           (error == EACCES ? " (a process of another user: run the lab as that user or as root)"
                            : "");
  return {};
}

ProcessWatcher::ProcessWatcher(std::int32_t pid, const RunClock &clock,
                               std::chrono::microseconds interval)
    : m_pid(pid), m_clock(clock), m_interval(interval) {
  m_watch.pid = pid;
  std::array<char, 256> buffer{};
  if (const auto comm = read_proc(proc(pid) + "/comm", buffer))
    m_watch.name = trimmed(*comm);
  sample(); // the baseline, before the load begins
  m_thread = std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
}

ProcessWatcher::~ProcessWatcher() = default; // the jthread stops and joins

ProcessWatch ProcessWatcher::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();
    m_thread.join();
  }
  if (m_watch.exited_ns < 0)
    sample(); // the state after the last request
  m_watch.interval_s = std::chrono::duration<double>(m_interval).count();
  std::sort(m_watch.threads.begin(), m_watch.threads.end(),
            [](const WatchedThread &a, const WatchedThread &b) { return a.cpu_s > b.cpu_s; });
  return std::move(m_watch);
}

void ProcessWatcher::run(std::stop_token stop) {
  auto due = RunClock::clock::now();
  while (!stop.stop_requested()) {
    due += m_interval;
    std::this_thread::sleep_until(due);
    if (stop.stop_requested())
      return;
    const auto began = RunClock::clock::now();
    if (!sample())
      return;
    // A sample of many threads costs more: never more than a tenth of the interval.
    if ((RunClock::clock::now() - began) * 10 > m_interval && m_interval < kLongestInterval)
      m_interval *= 2;
    if (m_watch.points.size() > kMaxPoints) {
      std::size_t kept = 0;
      for (std::size_t i = 0; i < m_watch.points.size(); i += 2)
        m_watch.points[kept++] = m_watch.points[i];
      m_watch.points.resize(kept);
      m_interval *= 2;
    }
    due = std::max(due, RunClock::clock::now());
  }
}

bool ProcessWatcher::sample() {
  const std::int64_t now = m_clock.now_ns();
  int error = 0;
  const std::vector<std::int32_t> tids = thread_ids(m_pid, error);
  std::array<char, 256> buffer{};
  WatchPoint p;
  p.at_ns = now;
  if (const auto statm = read_proc(proc(m_pid) + "/statm", buffer))
    p.rss_bytes = std::strtoll(statm->data() + statm->find(' ') + 1, nullptr, 10) *
                  static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
  // Gone, or a zombie: it holds no memory and its threads have stopped for good.
  const auto ended = [this] {
    const char state = process_state(m_pid);
    return state == 'Z' || state == 'X';
  };
  if (error != 0 || tids.empty() || (p.rss_bytes == 0 && ended())) {
    m_watch.exited_ns = now;
    return false;
  }
  const std::string task_dir = proc(m_pid) + "/task/";
  for (std::int32_t tid : tids) {
    const std::string dir = task_dir + std::to_string(tid);
    const auto stat = read_proc(dir + "/schedstat", buffer);
    if (!stat)
      continue; // it ended since the listing
    char *end = nullptr;
    Counters c;
    c.run_ns = std::strtoll(stat->data(), &end, 10);
    c.wait_ns = std::strtoll(end, nullptr, 10);
    auto [at, fresh] = m_index.try_emplace(tid, m_watch.threads.size());
    if (fresh) {
      WatchedThread t;
      t.tid = tid;
      t.first_seen_ns = now;
      if (const auto comm = read_proc(dir + "/comm", buffer))
        t.name = trimmed(*comm);
      m_watch.threads.push_back(std::move(t));
      // Threads there when the watch began count from then; later ones from their start.
      m_baseline[tid] = m_first ? c : Counters{};
    }
    WatchedThread &t = m_watch.threads[at->second];
    const Counters &base = m_baseline[tid];
    t.cpu_s = 1e-9 * static_cast<double>(c.run_ns - base.run_ns);
    t.runqueue_wait_s = 1e-9 * static_cast<double>(c.wait_ns - base.wait_ns);
    t.last_seen_ns = now;
  }
  // Threads that ended keep what they used: the totals never fall.
  for (const WatchedThread &t : m_watch.threads) {
    p.cpu_s += t.cpu_s;
    p.runqueue_wait_s += t.runqueue_wait_s;
  }
  p.threads = static_cast<std::uint32_t>(tids.size());
  if (m_first)
    m_watch.first_threads = p.threads;
  m_first = false;
  m_watch.peak_threads = std::max(m_watch.peak_threads, p.threads);
  m_watch.peak_rss_bytes = std::max(m_watch.peak_rss_bytes, p.rss_bytes);
  m_watch.points.push_back(p);
  return true;
}

std::string describe_watch(const ProcessWatch &w) {
  std::string out = "server " + std::to_string(w.pid);
  if (!w.name.empty())
    out += " (" + w.name + ")";
  out += ": " + std::to_string(w.peak_threads) + (w.peak_threads == 1 ? " thread" : " threads") +
         " at the peak (" + std::to_string(w.first_threads) + " at the start); CPU " +
         human_duration(w.cpu_s());
  if (const double span = w.span_s(); span > 0)
    out += ", " + human_percent(w.cpu_s() / span) + " of a core over " + human_duration(span);
  out += "; ready but waiting for a core " + human_duration(w.runqueue_wait_s()) + "; memory " +
         human_bytes(static_cast<double>(w.peak_rss_bytes)) + " at the peak";
  // The busiest names: a server's pool shows as one name many times.
  std::map<std::string, std::pair<int, double>> by_name;
  for (const WatchedThread &t : w.threads) {
    auto &[count, cpu] = by_name[t.name.empty() ? "thread" : t.name];
    ++count;
    cpu += t.cpu_s;
  }
  std::vector<std::pair<std::string, std::pair<int, double>>> names(by_name.begin(), by_name.end());
  std::sort(names.begin(), names.end(),
            [](const auto &a, const auto &b) { return a.second.second > b.second.second; });
  if (!names.empty()) {
    out += ". Busiest:";
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) {
      const auto &[name, use] = names[i];
      out += (i == 0 ? " " : ", ") + name +
             (use.first > 1 ? " ×" + std::to_string(use.first) : std::string()) + " " +
             human_duration(use.second);
    }
  }
  if (w.exited_ns >= 0)
    out += ". It exited " + human_duration(1e-9 * static_cast<double>(w.exited_ns)) +
           " into the run: what it did until then is kept";
  return out;
}

} // namespace conlab
