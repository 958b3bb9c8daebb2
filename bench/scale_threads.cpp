// Scale: 10,000 threads at once on thread_per_task, each blocking 1 s (time.sleep(1) on a thread
// per request). Target: makespan ≤ 1.5 s: the threads' start is the whole of the overhead.
// Usage: bench_scale_threads [threads] [ms] [stack_kb]
#include "core/engine/runner.h"
#include "core/experiment/spec_json.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  const std::int64_t threads = argc > 1 ? std::atoll(argv[1]) : 10'000;
  const double ms = argc > 2 ? std::atof(argv[2]) : 1000;
  conlab::Experiment e;
  e.name = "scale-threads";
  e.load.tasks = threads;
  e.load.clients = threads;
  conlab::Variant v;
  v.label = "thread per task";
  v.model = "thread_per_task";
  if (argc > 3)
    v.stack_kb = std::atoi(argv[3]);
  conlab::Step s;
  s.kind = conlab::StepKind::blocking_io;
  s.duration.ms = ms;
  v.steps.push_back(s);
  e.variants.push_back(v);
  for (const conlab::FieldError &error : conlab::validate_experiment(e, 2)) {
    std::fprintf(stderr, "%s\n", error.to_string().c_str());
    return 2;
  }
  const conlab::CpuCalibration calibration{1, 0, 0}; // no cpu steps: skip calibrating
  conlab::RunOptions options;
  options.calibration = &calibration;
  const conlab::RunResults r = conlab::run_experiment(e, options);
  const conlab::Summary &sum = r.variants[0].summary;
  const double target = ms / 1000 * 1.5;
  std::printf("%lld threads blocking %.0f ms on thread_per_task\n", static_cast<long long>(threads),
              ms);
  std::printf("makespan   %.4f s   (target ≤ %.4f s)\n", sum.makespan_s, target);
  std::printf("peak threads %u, peak RSS %.1f MB, CPU time %.3f s, context switches %lld\n",
              sum.peak_threads, static_cast<double>(sum.peak_rss_bytes) / 1e6, sum.cpu_time_s,
              static_cast<long long>(sum.context_switches));
  const bool ok = sum.makespan_s <= target;
  std::printf("%s\n", ok ? "PASS" : "MISS");
  return ok ? 0 : 1;
}
