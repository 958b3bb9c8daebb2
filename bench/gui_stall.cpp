// The GUI thread's worst stall while the desktop lab runs a 100,000-task experiment: a 10 ms
// timer on the GUI thread records the gaps between its ticks, from Run until the charts show.
// The same timer watches the live chart: the longest time its lines went without a new point
// while the run went on shows that it kept updating.
// Usage: bench_gui_stall [tasks]   (QT_QPA_PLATFORM=offscreen without a display)
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_panel.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/main_window.h"
#include "ui/run/live_chart.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

int main(int argc, char **argv) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const long long tasks = argc > 1 ? std::atoll(argv[1]) : 100'000;

  using namespace conlab;
  Experiment e = parse_experiment_text(find_preset("fastapi-article")->json, available_cores());
  e.name = "gui-stall";
  e.load.tasks = tasks;
  e.load.clients = 1000;
  e.time_scale = 0.001; // 1 ms io steps: a long stream of completions
  e.variants = {e.variants[2], e.variants[3]};

  ui::MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.editor()->set_experiment(e);

  QElapsedTimer clock;
  std::vector<qint64> gaps;
  qint64 last = 0, worst = 0, worst_at = 0;
  qint64 results_at = -1;
  int live_points = 0;
  qint64 live_changed = 0, live_worst = 0; // when the live lines last grew; the longest wait
  QTimer timer;
  timer.setInterval(10);
  QObject::connect(&timer, &QTimer::timeout, [&] {
    const qint64 now = clock.elapsed();
    gaps.push_back(now - last);
    if (now - last > worst)
      worst = now - last, worst_at = now;
    last = now;
    if (results_at >= 0)
      return;
    const int points = window.live()->points(0) + window.live()->points(1);
    if (points != live_points) {
      live_points = points;
      live_changed = now;
    }
    live_worst = std::max(live_worst, now - live_changed);
  });
  QObject::connect(&window, &ui::MainWindow::results_shown, [&] {
    results_at = clock.elapsed();
    QTimer::singleShot(300, &app, &QApplication::quit); // and the first paints of the charts
  });
  clock.start();
  timer.start();
  window.run();
  app.exec();

  std::sort(gaps.begin(), gaps.end());
  const auto pick = [&](double q) {
    return gaps.empty() ? 0
                        : gaps[static_cast<std::size_t>(q * static_cast<double>(gaps.size() - 1))];
  };
  std::printf("tasks per variant  %lld (2 variants)\n", tasks);
  std::printf("run + charts       %lld ms\n", results_at);
  std::printf("timer ticks        %zu (10 ms interval)\n", gaps.size());
  std::printf("gap p50 / p99      %lld ms / %lld ms\n", pick(0.5), pick(0.99));
  std::printf("worst GUI stall    %lld ms  (target < 50 ms), ending at %lld ms\n", worst, worst_at);
  std::printf("live chart         %d points; at most %lld ms without a new one\n", live_points,
              live_worst);
  // Which chart the stall is likely in: each one built again from the same data, on its own.
  if (const auto data = window.charts()->data()) {
    for (ui::ChartKind kind : ui::chart_kinds_for(*data)) {
      QElapsedTimer built;
      built.start();
      const std::unique_ptr<QChart> chart(ui::make_chart(kind, *data));
      std::printf("  build %-10s %4lld ms\n", qPrintable(ui::chart_name(kind)), built.elapsed());
    }
  }
  return 0;
}
