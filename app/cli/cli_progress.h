// Progress of a run on stderr: on a terminal one bar redrawn in place (variant, repeat, tasks,
// share of the whole run, ETA); otherwise plain lines, at most one a second plus one at each
// variant's start and end. Safe to call from the runner's thread and the signal thread.
#pragma once

#include "core/engine/runner.h"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace conlab::cli {

class Progress {
public:
  enum class Style { bar, lines, none };
  Progress(const Experiment &experiment, Style style, int fd = 2);
  ~Progress() { finish(); }
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  void update(const RunProgress &progress);
  void repeat_done(std::size_t variant, const RepeatResult &repeat);
  // A line that must stay (e.g. "stopping…"); shown whatever the style.
  void note(const std::string &text);
  // Clears the bar so the report starts on a clean line.
  void finish();

private:
  using Clock = std::chrono::steady_clock;
  std::string describe(const RunProgress &progress) const;
  std::string bar_line(const RunProgress &progress) const;
  void write_line(const std::string &text); // callers hold m_mutex
  void clear_bar();                         // callers hold m_mutex

  const Experiment &m_experiment;
  Style m_style;
  int m_fd;
  std::mutex m_mutex;
  bool m_bar_shown = false;
  std::optional<RunProgress> m_last;
  std::optional<std::pair<std::size_t, int>> m_current; // variant, repeat being run
  Clock::time_point m_last_draw{};
};

} // namespace conlab::cli
