#include "core/results/environment.h"

#include <QtGlobal>
#include <boost/version.hpp>

#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <string>
#include <thread>

namespace conlab {
namespace {

// The value after "key" and a separator (':' or '=') on the first line that starts with key.
std::string first_value(const char *path, const std::string &key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0)
      continue;
    const auto sep = line.find_first_of(":=", key.size());
    if (sep == std::string::npos)
      continue;
    std::string v = line.substr(sep + 1);
    v.erase(0, v.find_first_not_of(" \t\""));
    v.erase(v.find_last_not_of(" \t\"") + 1);
    return v;
  }
  return "unknown";
}

std::string compiler() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("g++ ") + __VERSION__;
#else
  return "unknown";
#endif
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

} // namespace

int available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0)
    return CPU_COUNT(&set);
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? static_cast<int>(n) : 1;
}

std::string host_name() {
  char host[256] = {};
  return gethostname(host, sizeof host - 1) == 0 ? std::string(host) : std::string();
}

Environment current_environment() {
  Environment e;
  e.cores = available_cores();
  e.cpu_model = first_value("/proc/cpuinfo", "model name");
  e.os = first_value("/etc/os-release", "PRETTY_NAME");
  utsname u{};
  if (uname(&u) == 0)
    e.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  e.compiler = compiler();
  e.build_type = CONLAB_BUILD_TYPE;
  if (std::string(CONLAB_SANITIZE).size() > 0)
    e.build_type += " + sanitize=" CONLAB_SANITIZE;
  e.boost_version = std::to_string(BOOST_VERSION / 100000) + "." +
                    std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                    std::to_string(BOOST_VERSION % 100);
  e.qt_version = qVersion();
  e.qcoro_version = CONLAB_QCORO_VERSION;
  e.lab_version = CONLAB_VERSION;
  e.hostname = host_name();
  e.started_at = utc_now();
  return e;
}

} // namespace conlab
