// Watching a process whose threads and CPU are known by construction: a Python child with a
// main thread that burns CPU before the watch (which must not count), three sleeping threads,
// and one started during the watch that spins for 0.3 s of CPU; one that exits mid-watch; the
// PIDs that cannot be watched; and a watch through a results file and back.
#include "core/results/watch_json.h"
#include "core/watch/process_watch.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir_test.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

using namespace conlab;
using namespace std::chrono_literals;

namespace {

constexpr const char *kPython = "/usr/bin/python3";

// Blocks SIGUSR1 so that sigwait takes it; each SIGUSR1 from the test moves it one stage on.
constexpr const char *kThreads = R"(
import signal, threading, time
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
t0 = time.thread_time()
while time.thread_time() - t0 < 0.2:
    pass
stop = threading.Event()
for _ in range(3):
    threading.Thread(target=stop.wait, daemon=True).start()
print("ready", flush=True)
signal.sigwait({signal.SIGUSR1})
def spin():
    t0 = time.thread_time()
    while time.thread_time() - t0 < 0.3:
        pass
    print("spun %.6f" % (time.thread_time() - t0), flush=True)
s = threading.Thread(target=spin)
s.start()
s.join()
print("done", flush=True)
signal.sigwait({signal.SIGUSR1})
)";

constexpr const char *kExits = R"(
import signal
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
print("ready", flush=True)
signal.sigwait({signal.SIGUSR1})
)";

double spun_seconds(const std::string &out) {
  const std::size_t at = out.find("spun ");
  return at == std::string::npos ? -1 : std::strtod(out.c_str() + at + 5, nullptr);
}

class ProcessWatchTest : public test::TempDirTest {};

} // namespace

TEST_F(ProcessWatchTest, CountsTheThreadsAndTheCpuOfTheWatchOnly) {
  test::ChildProcess child(kPython, {"-c", kThreads}, path(""));
  const pid_t pid = child.pid(); // wait() forgets it
  ASSERT_TRUE(child.wait_for_stdout("ready", 20s)) << child.output();
  ASSERT_EQ(watch_problem(pid), "");
  const RunClock clock;
  ProcessWatcher watcher(pid, clock, 2ms);
  child.send(SIGUSR1);
  ASSERT_TRUE(child.wait_for_stdout("done", 30s)) << child.output();
  const ProcessWatch w = watcher.stop();
  child.send(SIGUSR1);
  const std::string out = child.output();
  EXPECT_EQ(child.wait(10s).exit_code, 0);

  EXPECT_EQ(w.pid, pid);
  EXPECT_EQ(w.first_threads, 4u) << "main and three sleepers";
  EXPECT_EQ(w.peak_threads, 5u) << "and the spinner";
  EXPECT_EQ(w.threads.size(), 5u);
  EXPECT_EQ(w.exited_ns, -1);
  ASSERT_GE(w.points.size(), 3u);
  for (std::size_t i = 1; i < w.points.size(); ++i) {
    EXPECT_GE(w.points[i].at_ns, w.points[i - 1].at_ns);
    EXPECT_GE(w.points[i].cpu_s, w.points[i - 1].cpu_s) << "totals never fall";
  }
  EXPECT_GT(w.peak_rss_bytes, 1 << 20);

  // The kernel's count for the spinner is the one Python read: the same accounting.
  const double spun = spun_seconds(out);
  ASSERT_GT(spun, 0.29) << out;
  ASSERT_FALSE(w.threads.empty());
  const WatchedThread &busiest = w.threads.front(); // busiest first
  EXPECT_NE(busiest.tid, pid);
  EXPECT_NEAR(busiest.cpu_s, spun, 0.1 * spun);
  EXPECT_GT(busiest.first_seen_ns, w.points.front().at_ns) << "started during the watch";
  // The main thread burned 0.2 s before the watch began: none of it counts.
  const auto main_thread = std::find_if(w.threads.begin(), w.threads.end(),
                                        [&](const WatchedThread &t) { return t.tid == pid; });
  ASSERT_NE(main_thread, w.threads.end());
  EXPECT_LT(main_thread->cpu_s, 0.1);
  EXPECT_GE(w.cpu_s(), busiest.cpu_s);
  EXPECT_LT(w.cpu_s(), spun + 0.15);
  EXPECT_GE(w.runqueue_wait_s(), 0);

  const std::string text = describe_watch(w);
  EXPECT_NE(text.find("5 threads at the peak (4 at the start)"), std::string::npos) << text;
}

TEST_F(ProcessWatchTest, AProcessThatExitsKeepsWhatWasWatched) {
  test::ChildProcess child(kPython, {"-c", kExits}, path(""));
  ASSERT_TRUE(child.wait_for_stdout("ready", 20s)) << child.output();
  const RunClock clock;
  ProcessWatcher watcher(child.pid(), clock, 2ms);
  child.send(SIGUSR1);
  EXPECT_EQ(child.wait(10s).exit_code, 0); // reaped: /proc has it no more
  const ProcessWatch w = watcher.stop();
  EXPECT_GE(w.exited_ns, 0);
  ASSERT_FALSE(w.points.empty());
  EXPECT_EQ(w.points.front().threads, 1u);
  EXPECT_NE(describe_watch(w).find("exited"), std::string::npos) << describe_watch(w);
}

TEST(ProcessWatch, RefusesWhatCannotBeWatched) {
  EXPECT_EQ(watch_problem(0), "must be a process ID (a positive number)");
  EXPECT_EQ(watch_problem(-3), "must be a process ID (a positive number)");
  EXPECT_NE(watch_problem(::getpid()).find("the lab itself"), std::string::npos);
  // A child that has ended and been reaped: its PID names no process.
  const pid_t gone = [] {
    const pid_t pid = ::fork();
    if (pid == 0)
      ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
  }();
  EXPECT_EQ(watch_problem(gone), "no process " + std::to_string(gone));
}

TEST(ProcessWatch, RoundTripsThroughAResultsFile) {
  ProcessWatch w;
  w.pid = 4242;
  w.name = "uvicorn";
  w.interval_s = 0.005;
  w.first_threads = 3;
  w.peak_threads = 44;
  w.peak_rss_bytes = 52 << 20;
  w.exited_ns = 1'500'000'000;
  w.points = {{0, 3, 0, 0, 50 << 20}, {5'000'000, 44, 0.004, 0.001, 52 << 20}};
  w.threads = {{4242, "uvicorn", 0.003, 0.001, 0, 5'000'000},
               {4250, "AnyIO worker", 0.001, 0, 5'000'000, 5'000'000}};
  json::Errors errors;
  const boost::json::value json = to_json(w);
  const std::optional<ProcessWatch> back = read_process_watch(&json, "server_watch", errors);
  ASSERT_TRUE(errors.empty()) << errors.front().path << ": " << errors.front().message;
  ASSERT_TRUE(back);
  EXPECT_EQ(back->pid, w.pid);
  EXPECT_EQ(back->name, w.name);
  EXPECT_EQ(back->peak_threads, 44u);
  EXPECT_EQ(back->exited_ns, w.exited_ns);
  ASSERT_EQ(back->points.size(), 2u);
  EXPECT_EQ(back->points[1].threads, 44u);
  EXPECT_DOUBLE_EQ(back->points[1].cpu_s, 0.004);
  ASSERT_EQ(back->threads.size(), 2u);
  EXPECT_EQ(back->threads[1].name, "AnyIO worker");

  boost::json::value broken = json;
  broken.as_object()["points"].as_object()["threads"] = boost::json::array{3};
  broken.as_object()["pid"] = -1;
  errors.clear();
  read_process_watch(&broken, "server_watch", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].path, "server_watch.pid");
  EXPECT_EQ(errors[1].path, "server_watch.points.threads");
}
