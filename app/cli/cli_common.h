// What every conlab-cli command shares: exit codes, the error kinds that map onto them, and the
// way an experiment named on the command line (a preset or a file) is loaded.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include <boost/program_options.hpp>

#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace conlab::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,    // the run or its output failed (e.g. cannot write --out)
  kExitBadInput = 2,   // bad arguments or a bad experiment
  kExitCancelled = 130 // stopped by SIGINT/SIGTERM; what was measured is kept
};

// Something the person typed is wrong: reported as `error: <message>`, exit 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Something failed while doing what was asked: reported as `error: <message>`, exit 1.
class RuntimeFailure : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  boost::program_options::variables_map options;
  std::vector<std::string> positional;
};

// Parses a command's arguments: `options`, then at most `max_positional` other words. Throws
// UsageError naming the command and the argument at fault.
CommandLine parse_command_line(const std::string &command, const std::vector<std::string> &args,
                               const boost::program_options::options_description &options,
                               std::size_t max_positional);

// `arg` is a file if one exists by that name, else a preset name; throws UsageError when it is
// neither and SpecError when the experiment is malformed.
Experiment load_experiment_arg(const std::string &arg, int cores);

// An option's value when it was given.
template <typename T>
void take(const boost::program_options::variables_map &vm, const char *name, std::optional<T> &to) {
  if (vm.count(name))
    to = vm[name].as<T>();
}

// A duration option's seconds ("300ms", "10s", "15m"), when it was given. Throws UsageError
// naming the option when its value is not a duration.
std::optional<double> duration_option(const boost::program_options::variables_map &vm,
                                      const char *name);

// Throws RuntimeFailure when `path` (if not empty) could not be written: fails before a run
// rather than after it, since a long run whose results cannot be saved is lost.
void check_writable(const std::string &path);

// One `error: <path>: <message>` line per problem.
void print_field_errors(std::ostream &out, const std::vector<FieldError> &errors);

// The commands. `args` are the words after the command's name.
int presets_command(const std::vector<std::string> &args);
int validate_command(const std::vector<std::string> &args);
int models_command(const std::vector<std::string> &args);

} // namespace conlab::cli
