// Fidelity: each variant of a preset, measured against its prediction.
// Target: fastapi-article at time scale 0.05, measured/predicted makespan within 3%.
// Usage: bench_fidelity [preset] [time-scale] [repeats]
#include "core/engine/runner.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv); // qt_event_loop variants need one
  const char *name = argc > 1 ? argv[1] : "fastapi-article";
  const conlab::Preset *preset = conlab::find_preset(name);
  if (!preset) {
    std::fprintf(stderr, "no preset %s\n", name);
    return 2;
  }
  conlab::Experiment e = conlab::parse_experiment_text(preset->json, conlab::available_cores());
  e.time_scale = argc > 2 ? std::atof(argv[2]) : 0.05;
  e.repeats = argc > 3 ? std::atoi(argv[3]) : 1;
  const conlab::RunResults r = conlab::run_experiment(e);
  bool ok = true;
  std::printf("%-22s %12s %12s %8s\n", "variant", "measured", "predicted", "error");
  for (const auto &v : r.variants) {
    if (!v.prediction.makespan_s) {
      std::printf("%-22s %11.4fs %12s\n", v.label.c_str(), v.summary.makespan_s, "—");
      continue;
    }
    const double error = v.summary.makespan_s / *v.prediction.makespan_s - 1;
    ok = ok && std::abs(error) <= 0.03;
    std::printf("%-22s %11.4fs %11.4fs %+7.2f%%\n", v.label.c_str(), v.summary.makespan_s,
                *v.prediction.makespan_s, error * 100);
  }
  std::printf("%s (target: every variant within 3%%)\n", ok ? "PASS" : "MISS");
  return ok ? 0 : 1;
}
