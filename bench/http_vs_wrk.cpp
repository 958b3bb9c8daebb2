// HTTP speed targets (issue 4), measured in one run on loopback with the same connections and
// threads for every contestant:
//   1. the lab's generator vs wrk, both against the same nginx  (target ≥ 0.9 × wrk)
//   2. the embedded server on a no-op endpoint vs nginx, both measured by wrk  (≥ 0.8 × nginx)
// nginx runs one worker process and the embedded server one loop thread, so the servers also
// get the same threads.
//
// Usage: bench_http_vs_wrk [--connections C] [--threads T] [--seconds S]
// Needs nginx and wrk (scripts/setup-deps installs both). Build in Release for real numbers.
#include "core/engine/cpu_work.h"
#include "core/http/load_generator.h"
#include "core/http/server.h"
#include "tests/core/http/nginx_process.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace {

using namespace conlab;

// Runs wrk and returns its Requests/sec (0 when it failed, after saying why).
double wrk_rate(const std::string &url, int connections, int threads, int seconds) {
  const std::string command = "wrk -t" + std::to_string(threads) + " -c" +
                              std::to_string(connections) + " -d" + std::to_string(seconds) +
                              "s " + url + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE *)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) {
    std::cerr << "cannot run wrk\n";
    return 0;
  }
  std::string output;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()))
    output += buffer.data();
  const std::size_t at = output.find("Requests/sec:");
  if (at == std::string::npos) {
    std::cerr << "wrk said:\n" << output;
    return 0;
  }
  const double rate = std::strtod(output.c_str() + at + 13, nullptr);
  if (output.find("Non-2xx") != std::string::npos || output.find("Socket errors") != std::string::npos)
    std::cerr << "note: wrk reported errors against " << url << ":\n" << output;
  return rate;
}

double generator_rate(const std::string &url, int connections, int threads, int seconds) {
  http::GeneratorOptions o;
  std::string error;
  o.request.url = *http::parse_url(url, error);
  o.load.kind = LoadKind::closed;
  o.load.tasks = 4'000'000'000; // a cap it never reaches: the duration ends the run, as with wrk
  o.load.clients = connections;
  o.duration_s = seconds;
  o.threads = threads;
  const http::GeneratorResult r = http::run_load(o, threads);
  if (r.repeat.http_errors && r.repeat.http_errors->total() > 0)
    std::cerr << "note: generator errors: " << http::describe_errors(*r.repeat.http_errors)
              << " (" << r.first_error << ")\n";
  return r.repeat.summary.throughput_per_s;
}

bool verdict(const char *what, double ours, double theirs, double target) {
  const double ratio = theirs > 0 ? ours / theirs : 0;
  std::printf("%-44s %10.0f vs %10.0f req/s  ratio %.2f  (target ≥ %.1f) %s\n", what, ours,
              theirs, ratio, target, ratio >= target ? "PASS" : "FAIL");
  return ratio >= target;
}

} // namespace

int main(int argc, char **argv) {
  int connections = 50, threads = 2, seconds = 5; // the issue's `load URL -c 50 --duration 5`
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--connections")
      connections = value;
    else if (flag == "--threads")
      threads = value;
    else if (flag == "--seconds")
      seconds = value;
  }
  if (std::system("wrk --version > /dev/null 2>&1") == -1 ||
      std::system("command -v wrk > /dev/null") != 0) {
    std::cerr << "wrk is not installed (apt-get install wrk)\n";
    return 2;
  }
  http::raise_open_file_limit();
  test::NginxProcess nginx(1);
  if (!nginx.ok()) {
    std::cerr << "nginx: " << nginx.error() << '\n';
    return 2;
  }
  std::printf("loopback, %d connections, %d client threads, %d s each; nginx 1 worker, "
              "embedded server 1 loop thread\n",
              connections, threads, seconds);
  const std::string nginx_url = nginx.url("/hello");
  const double wrk_nginx = wrk_rate(nginx_url, connections, threads, seconds);
  const double ours_nginx = generator_rate(nginx_url, connections, threads, seconds);

  Experiment e;
  e.name = "bench";
  e.load.tasks = 1;
  Variant noop;
  noop.label = "/noop";
  noop.model = "event_loop";
  noop.steps.push_back(Step{StepKind::io, Duration{.ms = 0}});
  e.variants.push_back(noop);
  const CpuWork cpu(CpuWork::calibrate(3, 10));
  http::EmbeddedServer server(e, cpu, 2);
  server.start();
  const double wrk_embedded =
      wrk_rate(server.base_url() + "/noop", connections, threads, seconds);
  server.stop();

  bool ok = verdict("generator vs wrk, against nginx", ours_nginx, wrk_nginx, 0.9);
  ok = verdict("embedded server vs nginx, measured by wrk", wrk_embedded, wrk_nginx, 0.8) && ok;
  return ok ? 0 : 1;
}
