// The machine and build a run happened on, recorded with every result so numbers can be compared
// honestly later.
#pragma once

#include <string>

namespace conlab {

struct Environment {
  int cores = 1;
  std::string cpu_model;
  std::string os;
  std::string kernel;
  std::string compiler;
  std::string build_type;
  std::string boost_version;
  std::string qt_version;
  std::string qcoro_version;
  std::string lab_version;
  std::string hostname;
  std::string started_at; // ISO 8601, UTC
};

Environment current_environment();
std::string host_name(); // this machine's, or "" when it has none
int available_cores(); // cores this process may run on (affinity mask)

} // namespace conlab
