// The comparison's own A/A and A/B test, on real runs of this machine. A pair is two sets of R
// repeats of an experiment, compared and put through the regression gate:
//   A/A: the same experiment twice; a regression is a false alarm.
//   A/B: a pool of 8 cut to 4 under 5 clients of blocking work (throughput −20 %, p99 about 2×);
//        a pass is a miss.
// Targets: A/A false alarms in at most 5 % of the pairs, at the default gate (p99, 5 %) and at a
// throughput gate of 5 %; every A/B pair caught by the throughput gate, since the slowdown is one
// of throughput. The p99 gate's catch rate is shown too: a p99 is a tail, and on a loaded machine
// one run of the baseline with a slow tail can widen its interval past a doubling.
// K threads compute beside the runs (--load, default one per core), so the machine is loaded the
// way a CI runner that builds something else is.
// Usage: bench_compare_aa [--pairs N] [--repeats R] [--tasks T] [--load K] [--time-scale S]
//                          [--preset NAME]   (A/A only, on a preset's variants)
//                          [--show-runs]     (every run's p99)
#include "core/compare/compare.h"
#include "core/compare/compare_metrics.h"
#include "core/compare/regression_gate.h"
#include "core/engine/cpu_work.h"
#include "core/engine/runner.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"

#include <QCoreApplication>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  int pairs = 20;
  int repeats = 5;
  int load = -1;   // -1: one thread per core
  int tasks = 400; // per run: p99 then rests on the 4 slowest, not on one hiccup
  double time_scale = 1;
  std::string preset; // empty: the blocking pool experiment
  bool show_runs = false;
};

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--show-runs") {
      o.show_runs = true;
      --i;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", argv[i]);
      std::exit(2);
    }
    const char *value = argv[i + 1];
    if (flag == "--pairs")
      o.pairs = std::atoi(value);
    else if (flag == "--repeats")
      o.repeats = std::atoi(value);
    else if (flag == "--tasks")
      o.tasks = std::atoi(value);
    else if (flag == "--load")
      o.load = std::atoi(value);
    else if (flag == "--time-scale")
      o.time_scale = std::atof(value);
    else if (flag == "--preset")
      o.preset = value;
    else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      std::exit(2);
    }
  }
  if (o.pairs < 1 || o.repeats < 2 || o.tasks < 1 || o.time_scale <= 0) {
    std::fprintf(stderr, "--pairs and --tasks must be ≥ 1, --repeats ≥ 2, --time-scale > 0\n");
    std::exit(2);
  }
  return o;
}

conlab::Experiment parse_or_exit(const std::string &json) {
  try {
    return conlab::parse_experiment_text(json, conlab::available_cores());
  } catch (const std::exception &e) {
    std::fprintf(stderr, "%s\n", e.what());
    std::exit(2);
  }
}

// 5 clients, tasks of one 10 ms blocking wait each, on a pool of `pool` threads.
conlab::Experiment blocking_pool(int pool, const Options &o) {
  conlab::Experiment e = parse_or_exit(R"({"name": "pool-8-to-4",
    "load": {"kind": "closed", "tasks": )" +
                                       std::to_string(o.tasks) + R"(, "clients": 5},
    "variants": [{"label": "pool", "model": "thread_pool", "pool_size": )" +
                                       std::to_string(pool) + R"(,
      "steps": [{"kind": "blocking_io", "ms": 10}]}]})");
  e.time_scale = o.time_scale;
  e.repeats = o.repeats;
  return e;
}

conlab::Experiment preset(const Options &o) {
  const conlab::Preset *p = conlab::find_preset(o.preset);
  if (!p) {
    std::fprintf(stderr, "no preset %s\n", o.preset.c_str());
    std::exit(2);
  }
  conlab::Experiment e = parse_or_exit(p->json);
  e.time_scale = o.time_scale;
  e.repeats = o.repeats;
  e.sweep.reset(); // one grid point: compare takes single runs
  return e;
}

// Threads that compute until destroyed: the noisy neighbour.
class BackgroundLoad {
public:
  explicit BackgroundLoad(int threads) {
    for (int i = 0; i < threads; ++i)
      threads_.emplace_back([this] {
        volatile double x = 1;
        while (!stop_.load(std::memory_order_relaxed))
          for (int k = 0; k < 10000; ++k)
            x = x * 1.0000001 + 1e-9;
      });
  }
  ~BackgroundLoad() {
    stop_ = true;
    for (std::thread &t : threads_)
      t.join();
  }

private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

const char *result_name(const conlab::GateReport &r) {
  switch (r.result()) {
  case conlab::GateResult::pass:
    return "pass";
  case conlab::GateResult::regressed:
    return "REGRESSED";
  case conlab::GateResult::not_enough_evidence:
    break;
  }
  return "no-evidence";
}

// The worst variant's relative worsening of the metric (positive: worse), for the log.
double worst(const conlab::Comparison &c, conlab::Metric metric) {
  double w = -1e9;
  for (const auto &v : c.variants)
    if (const auto *m = v.find(metric); m && m->worsening())
      w = std::max(w, *m->worsening());
  return w;
}

// Every run's p99 of both sides, to see the noise the interval is made from.
void print_runs(const conlab::Comparison &c, const char *what) {
  for (const auto &v : c.variants)
    if (const auto *m = v.find(conlab::Metric::latency_p99)) {
      std::printf("         %s p99 runs, ms:", what);
      for (const auto *side : {&m->baseline_runs, &m->candidate_runs}) {
        for (double x : side->values)
          std::printf(" %.1f", 1e3 * x);
        std::printf(side == &m->baseline_runs ? "  |" : "\n");
      }
    }
}

struct Tally {
  int p99 = 0, throughput = 0; // pairs the gate called regressed
  void add(const conlab::GateReport &by_p99, const conlab::GateReport &by_throughput) {
    p99 += by_p99.regressed();
    throughput += by_throughput.regressed();
  }
};

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv); // qt_event_loop variants in presets need one
  const Options o = parse(argc, argv);
  const int load = o.load >= 0 ? o.load : conlab::available_cores();
  const conlab::CpuCalibration calibration = conlab::CpuWork::calibrate();
  const conlab::RunOptions run_options{.calibration = &calibration};
  const bool ab = o.preset.empty();
  const conlab::Experiment a_experiment = ab ? blocking_pool(8, o) : preset(o);
  const conlab::Experiment b_experiment = ab ? blocking_pool(4, o) : a_experiment;
  const conlab::RegressionGate p99_gate{};
  const conlab::RegressionGate throughput_gate{.metric = conlab::Metric::throughput};
  const auto judge = [&](const conlab::Comparison &c, Tally &tally, const char *what) {
    const conlab::GateReport by_p99 = conlab::apply_gate(c, p99_gate);
    const conlab::GateReport by_throughput = conlab::apply_gate(c, throughput_gate);
    tally.add(by_p99, by_throughput);
    std::printf("  %s p99 %-9s (%+6.1f%%), throughput %-9s (%+6.1f%%)", what, result_name(by_p99),
                100 * worst(c, conlab::Metric::latency_p99), result_name(by_throughput),
                100 * worst(c, conlab::Metric::throughput));
  };

  std::printf("%d pairs of %d repeats a side, %s at time scale %g, %d background threads on %d "
              "cores; (+x%%) is the worst variant's change for the worse\n",
              o.pairs, o.repeats,
              ab ? ("pool 8 vs pool 4, " + std::to_string(o.tasks) + " tasks").c_str()
                 : o.preset.c_str(),
              o.time_scale, load, conlab::available_cores());
  BackgroundLoad background(load);
  Tally aa_tally, ab_tally;
  for (int pair = 0; pair < o.pairs; ++pair) {
    const conlab::RunResults a1 = conlab::run_experiment(a_experiment, run_options);
    const conlab::RunResults a2 = conlab::run_experiment(a_experiment, run_options);
    const conlab::Comparison aa = conlab::compare_runs(a1, a2);
    std::printf("pair %2d", pair + 1);
    judge(aa, aa_tally, "A/A");
    std::optional<conlab::Comparison> c;
    if (ab) {
      c = conlab::compare_runs(a1, conlab::run_experiment(b_experiment, run_options));
      judge(*c, ab_tally, "  A/B");
    }
    std::printf("\n");
    if (o.show_runs) {
      print_runs(aa, "A/A");
      if (c)
        print_runs(*c, "A/B");
    }
    std::fflush(stdout);
  }
  const auto rate = [&](int n) { return 100.0 * n / o.pairs; };
  bool ok = aa_tally.p99 <= 0.05 * o.pairs && aa_tally.throughput <= 0.05 * o.pairs;
  std::printf("A/A false alarms: p99 gate (the default) %d of %d pairs = %.0f%%, throughput gate "
              "%d = %.0f%% (target ≤ 5%% each)\n",
              aa_tally.p99, o.pairs, rate(aa_tally.p99), aa_tally.throughput,
              rate(aa_tally.throughput));
  if (ab) {
    ok = ok && ab_tally.throughput == o.pairs;
    std::printf("A/B caught: throughput gate %d of %d = %.0f%% (target: every pair; the slowdown "
                "is −20%% of throughput), p99 gate %d = %.0f%%\n",
                ab_tally.throughput, o.pairs, rate(ab_tally.throughput), ab_tally.p99,
                rate(ab_tally.p99));
  }
  std::printf("%s\n", ok ? "PASS" : "MISS");
  return ok ? 0 : 1;
}
