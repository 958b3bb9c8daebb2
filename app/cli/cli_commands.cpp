// The commands that do not run anything: presets, validate, models.
#include "app/cli/cli_common.h"
#include "app/cli/cli_format.h"
#include "core/engine/model_registry.h"
#include "core/experiment/presets.h"
#include "core/http/url.h"
#include "core/results/environment.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"
#include "core/util/format.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <utility>

namespace conlab::cli {
namespace {

namespace po = boost::program_options;

// Parses a command that takes at most one positional argument. Returns false when --help was
// asked for, after printing `usage` and the options.
bool parse_simple(const std::string &command, const std::vector<std::string> &args,
                  const char *usage, std::string *value) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  const CommandLine line = parse_command_line(command, args, options, value ? 1 : 0);
  if (line.options.count("help")) {
    std::cout << usage << "\n\n" << options;
    return false;
  }
  if (value && !line.positional.empty())
    *value = line.positional.front();
  return true;
}

// "name  text", the text wrapped to the terminal and indented under itself.
void print_entry(const std::string &name, std::size_t name_width, const std::string &text) {
  const std::size_t width = terminal_width(STDOUT_FILENO);
  const std::size_t indent = name_width + 2;
  std::cout << pad(name, indent, Align::left);
  for (const std::string &line : wrap(text, width, indent, indent))
    std::cout << line << '\n';
}

std::string plural(std::int64_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

CommandLine parse_command_line(const std::string &command, const std::vector<std::string> &args,
                               const po::options_description &options, std::size_t max_positional) {
  constexpr const char *kPositional = "conlab-positional";
  po::options_description all;
  all.add(options);
  all.add_options()(kPositional, po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add(kPositional, -1);
  CommandLine line;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(),
              line.options);
    po::notify(line.options);
  } catch (const po::error &e) {
    throw UsageError(command + ": " + e.what() + " (conlab-cli " + command +
                     " --help lists the options)");
  }
  if (line.options.count(kPositional))
    line.positional = line.options[kPositional].as<std::vector<std::string>>();
  if (line.positional.size() > max_positional)
    throw UsageError(command + ": unexpected argument '" + line.positional[max_positional] + "'");
  return line;
}

Experiment load_experiment_arg(const std::string &arg, int cores) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(arg, ec))
    return load_experiment_file(arg, cores);
  if (const Preset *preset = find_preset(arg))
    return parse_experiment_text(preset->json, cores);
  if (fs::exists(arg, ec))
    throw UsageError(arg + ": not a regular file");
  if (arg.ends_with(".json") || arg.find('/') != std::string::npos)
    throw UsageError(arg + ": no such file");
  throw UsageError("no preset or file named '" + arg + "' (conlab-cli presets lists the presets)");
}

std::optional<double> duration_option(const po::variables_map &vm, const char *name) {
  if (!vm.count(name))
    return std::nullopt;
  std::string error;
  const auto seconds = http::parse_duration_s(vm[name].as<std::string>(), error);
  if (!seconds)
    throw UsageError(std::string("--") + name + ": " + error);
  return seconds;
}

void print_field_errors(std::ostream &out, const std::vector<FieldError> &errors) {
  for (const FieldError &error : errors)
    out << "error: " << error.to_string() << '\n';
}

int presets_command(const std::vector<std::string> &args) {
  if (!parse_simple("presets", args,
                    "Usage: conlab-cli presets\n\nLists the built-in experiments; run one "
                    "with conlab-cli run <name>.",
                    nullptr))
    return kExitOk;
  std::size_t name_width = 0;
  for (const Preset &preset : presets())
    name_width = std::max(name_width, display_width(preset.name));
  for (const Preset &preset : presets())
    print_entry(preset.name, name_width, preset.description);
  return kExitOk;
}

int validate_command(const std::vector<std::string> &args) {
  std::string file;
  if (!parse_simple("validate", args,
                    "Usage: conlab-cli validate FILE\n\nChecks an experiment file without "
                    "running it: exit 0 when it is valid, 2 with every problem otherwise.",
                    &file))
    return kExitOk;
  if (file.empty())
    throw UsageError("validate: name the experiment file to check");
  const int cores = available_cores();
  const Experiment experiment = load_experiment_arg(file, cores);
  if (const auto errors = validate_experiment(experiment, cores); !errors.empty()) {
    print_field_errors(std::cerr, errors);
    return kExitBadInput;
  }
  const Load &load = experiment.load;
  std::cout << "ok: " << experiment.name << ", "
            << plural(std::ssize(experiment.variants), "variant") << ", " << to_string(load.kind)
            << " load of " << plural(load.tasks, "task");
  if (load.kind == LoadKind::closed)
    std::cout << " from " << plural(load.clients, "client");
  else
    std::cout << " at " << human_rate(load.rate_per_s) << "/s (" << to_string(load.arrivals)
              << ")";
  std::cout << ", " << plural(experiment.repeats, "repeat") << ", time scale "
            << human_scale(experiment.time_scale) << '\n';
  if (experiment.sweep) {
    std::string axes;
    for (const SweepAxis &axis : experiment.sweep->axes)
      axes += (axes.empty() ? "" : " × ") + axis_label(axis) + " (" +
              plural(std::ssize(axis_values(axis)), "value") + ")";
    const SweepPlan plan = plan_sweep(experiment, cores);
    std::cout << "sweep: " << axes << ", " << plural(std::ssize(plan.order), "run") << " of "
              << plural(std::ssize(experiment.variants), "variant") << ", estimated "
              << human_span(plan.estimated_s) << '\n';
  }
  return kExitOk;
}

int models_command(const std::vector<std::string> &args) {
  if (!parse_simple("models", args,
                    "Usage: conlab-cli models\n\nLists the models: how tasks are scheduled "
                    "onto threads, and the Python code each one mirrors.",
                    nullptr))
    return kExitOk;
  std::size_t name_width = 0;
  for (const ModelInfo *model : model_registry())
    name_width = std::max(name_width, display_width(model->name));
  bool first = true;
  for (const ModelInfo *model : model_registry()) {
    if (!std::exchange(first, false))
      std::cout << '\n';
    print_entry(std::string(model->name), name_width, std::string(model->summary));
    print_entry("", name_width, "Python: " + std::string(model->python_analogue));
  }
  return kExitOk;
}

} // namespace conlab::cli
