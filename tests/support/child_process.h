// Runs conlab-cli as a child process for the tests: stdin from /dev/null, stdout and stderr
// captured in files, signals deliverable, exit status and wall time reported.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace conlab::test {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  int term_signal = 0; // the signal that killed it, if any
  bool timed_out = false;
  std::string out;
  std::string err;
  std::chrono::duration<double> elapsed{}; // from start (or from the last signal sent) to exit
};

class ChildProcess {
public:
  // Starts `program args...` in `dir`, capturing its output in files there.
  ChildProcess(const std::string &program, const std::vector<std::string> &args,
               const std::filesystem::path &dir);
  ~ChildProcess(); // kills a child still running
  ChildProcess(const ChildProcess &) = delete;
  ChildProcess &operator=(const ChildProcess &) = delete;

  void send(int signal);
  pid_t pid() const { return m_pid; }
  // Waits until the child's stderr contains `text`; false if it did not within `timeout`.
  bool wait_for_stderr(const std::string &text, std::chrono::milliseconds timeout) const;
  bool wait_for_stdout(const std::string &text, std::chrono::milliseconds timeout) const;
  std::string output() const; // its stdout so far
  // Waits at most `timeout`; a child still running then is killed and reported timed out.
  ProcessResult wait(std::chrono::milliseconds timeout);

private:
  pid_t m_pid = -1;
  std::filesystem::path m_out, m_err;
  std::chrono::steady_clock::time_point m_since;
};

// Runs to completion (at most `timeout`).
ProcessResult run_process(const std::string &program, const std::vector<std::string> &args,
                          const std::filesystem::path &dir,
                          std::chrono::milliseconds timeout = std::chrono::seconds(120));

std::string read_file(const std::filesystem::path &path);
void write_file(const std::filesystem::path &path, const std::string &text);

} // namespace conlab::test
