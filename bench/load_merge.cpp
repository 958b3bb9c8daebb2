// conlab-cli merge on the largest parts a load's generators write: N parts (default 4) of a
// million requests each, every one with its sample kept (the default sample budget). Measures
// the merge as people run it, in a child process: its wall time and peak RSS, beside the
// estimate the merge refuses by (so that the refusal is never below the real need), and checks
// the merged p99 against that of every request: the merge, like one generator of the whole load,
// keeps a million samples and folds the rest into histograms, so they agree to 3 significant
// digits.
// Targets: 4 × 1,000,000 requests merged in ≤ 10 s; peak RSS ≤ the merge's own estimate.
// Usage: bench_load_merge [CONLAB_CLI] [parts] [requests per part]
#include "core/results/results_json.h"

#include "tests/support/load_part_builder.h"

#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using namespace conlab;

// Generator `index` of `parts` of a load at 10,000 requests a second: response times drawn around
// 2 ms, a different spread per generator, so that an average of their p99s would be wrong.
RunResults part(std::size_t index, std::size_t parts, std::uint32_t requests) {
  boost::random::mt19937 random(static_cast<std::uint32_t>(index + 1));
  boost::random::lognormal_distribution<double> latency_ms(std::log(2.0),
                                                           0.3 + 0.2 * static_cast<double>(index));
  std::vector<double> latencies(requests);
  for (double &l : latencies)
    l = latency_ms(random);
  const double gap_ms = 1e3 * static_cast<double>(parts) / 10'000;
  return test::load_part(index, parts, latencies, gap_ms,
                         test::kLoadPartZero + static_cast<std::int64_t>(index) * 1'000'000, 200,
                         10'000);
}

} // namespace

int main(int argc, char **argv) {
  const std::string cli = argc > 1 ? argv[1] : "build/release/bin/conlab-cli";
  const std::size_t parts = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 4;
  const auto requests = static_cast<std::uint32_t>(argc > 3 ? std::atol(argv[3]) : 1'000'000);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("conlab-bench-merge-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> args = {cli, "merge"};
  double total_bytes = 0, largest = 0;
  std::vector<double> every;
  for (std::size_t i = 0; i < parts; ++i) {
    const RunResults r = part(i, parts, requests);
    for (const TaskSample &t : r.variants[0].repeats[0].samples)
      every.push_back(static_cast<double>(t.response_ns()) * 1e-9);
    const std::string file = (dir / ("part-" + std::to_string(i) + ".json")).string();
    save_results(r, file);
    const auto bytes = static_cast<double>(std::filesystem::file_size(file));
    total_bytes += bytes;
    largest = std::max(largest, bytes);
    args.push_back(file);
  }
  const double expected_p99 = percentiles(every).p99;
  every = {};
  const std::string out = (dir / "load.json").string();
  for (const char *a : {"--out", out.c_str(), "--json", "--quiet"})
    args.emplace_back(a);

  const auto started = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    if (!freopen("/dev/null", "w", stdout))
      _exit(127);
    std::vector<char *> argv_child;
    for (std::string &a : args)
      argv_child.push_back(a.data());
    argv_child.push_back(nullptr);
    execv(cli.c_str(), argv_child.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::printf("conlab-cli merge failed (status %d)\n", status);
    return 1;
  }
  const RunResults merged = load_results(out);
  const double p99 = merged.variants.at(0).summary.latency_s.p99;
  const double rss_mb = static_cast<double>(usage.ru_maxrss) / 1024;
  const double estimate_mb = (3 * total_bytes + 4 * largest) / (1024.0 * 1024.0); // cli_merge
  const bool close = std::abs(p99 / expected_p99 - 1) < 1e-3;
  std::printf("%zu parts × %u requests, %.0f MiB of part files\n", parts, requests,
              total_bytes / (1024.0 * 1024.0));
  std::printf("merge wall  %.2f s   (target ≤ 10 s)\n", wall);
  std::printf("peak RSS    %.0f MiB   (the merge's estimate, which it refuses by: %.0f MiB)\n",
              rss_mb, estimate_mb);
  std::printf("merged p99  %.6f s   (every request's: %.6f s; %s)\n", p99, expected_p99,
              close ? "within 0.1%" : "DIFFERENT");
  std::filesystem::remove_all(dir);
  return close ? 0 : 1;
}
