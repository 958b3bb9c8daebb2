#include "app/cli/cli_progress.h"

#include "app/cli/cli_format.h"
#include "core/util/format.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace conlab::cli {
namespace {

constexpr auto kBarRedraw = std::chrono::milliseconds(100);
constexpr auto kLineInterval = std::chrono::seconds(1);

std::string percent(double fraction) {
  return std::to_string(std::lround(std::clamp(fraction, 0.0, 1.0) * 100)) + "%";
}

} // namespace

Progress::Progress(const Experiment &experiment, Style style, int fd)
    : m_experiment(experiment), m_style(style), m_fd(fd) {}

std::string Progress::describe(const RunProgress &progress) const {
  std::string text = progress.variant < m_experiment.variants.size()
                         ? m_experiment.variants[progress.variant].label
                         : "variant " + std::to_string(progress.variant + 1);
  if (m_experiment.repeats > 1)
    text += "  repeat " + std::to_string(progress.repeat + 1) + "/" +
            std::to_string(m_experiment.repeats);
  return text;
}

std::string Progress::bar_line(const RunProgress &progress) const {
  const std::string head = describe(progress);
  const std::string tail = "  " + std::to_string(progress.finished) + "/" +
                           std::to_string(progress.total) + " tasks  " +
                           percent(progress.fraction) +
                           (progress.eta_s >= 0 ? "  ETA " + human_span(progress.eta_s) : "");
  const std::size_t width = terminal_width(m_fd);
  // The bar takes what is left of the line, between 10 and 30 cells.
  const std::size_t used = display_width(head) + display_width(tail) + 4;
  const std::size_t cells = used + 10 < width ? std::min<std::size_t>(30, width - used - 1) : 0;
  std::string line = head;
  if (cells > 0) {
    const auto filled = static_cast<std::size_t>(std::clamp(progress.fraction, 0.0, 1.0) *
                                                 static_cast<double>(cells));
    line += "  [" + std::string(filled, '#') + std::string(cells - filled, '.') + "]";
  }
  line += tail;
  return truncate_to_width(line, width - 1);
}

void Progress::write_line(const std::string &text) { write_fd(m_fd, text + "\n"); }

void Progress::clear_bar() {
  if (m_bar_shown)
    write_fd(m_fd, "\r\033[2K");
  m_bar_shown = false;
}

void Progress::update(const RunProgress &reported) {
  if (m_style == Style::none)
    return;
  const RunProgress &progress = reported;
  std::lock_guard lock(m_mutex);
  const auto now = Clock::now();
  const std::pair<std::size_t, int> current{progress.variant, progress.repeat};
  const bool started = m_current != current;
  m_current = current;
  m_last = progress;
  if (m_style == Style::bar) {
    if (!started && now - m_last_draw < kBarRedraw)
      return;
    write_fd(m_fd, "\r\033[2K" + bar_line(progress));
    m_bar_shown = true;
    m_last_draw = now;
    return;
  }
  if (started) {
    const Variant *variant = progress.variant < m_experiment.variants.size()
                                 ? &m_experiment.variants[progress.variant]
                                 : nullptr;
    write_line("start " + describe(progress) + (variant ? " (" + variant->model + ")" : "") + ", " +
               std::to_string(progress.total) + " tasks");
    m_last_draw = now;
    return;
  }
  if (now - m_last_draw < kLineInterval)
    return;
  write_line("[" + percent(progress.fraction) + "] " + describe(progress) + ": " +
             std::to_string(progress.finished) + "/" + std::to_string(progress.total) +
             " tasks, elapsed " + human_span(progress.elapsed_s) +
             (progress.eta_s >= 0 ? ", ETA " + human_span(progress.eta_s) : ""));
  m_last_draw = now;
}

void Progress::repeat_done(std::size_t variant, const RepeatResult &repeat) {
  if (m_style == Style::none)
    return;
  std::lock_guard lock(m_mutex);
  clear_bar();
  RunProgress where;
  where.variant = variant;
  where.repeat = repeat.repeat;
  const Summary &s = repeat.summary;
  write_line("done  " + describe(where) + ": " + std::to_string(s.completed) + "/" +
             std::to_string(s.tasks) + " tasks, makespan " + human_duration(s.makespan_s) +
             (repeat.complete ? "" : " (incomplete)"));
  m_last_draw = Clock::now(); // the next update draws the bar again
}

void Progress::note(const std::string &text) {
  std::lock_guard lock(m_mutex);
  clear_bar();
  write_line(text);
  if (m_style == Style::bar && m_last) {
    write_fd(m_fd, bar_line(*m_last));
    m_bar_shown = true;
  }
}

void Progress::finish() {
  std::lock_guard lock(m_mutex);
  clear_bar();
}

} // namespace conlab::cli
