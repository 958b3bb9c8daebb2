// `conlab-cli chart`: renders a results file's charts to PNG, SVG or PDF without a display.
// Header free of Qt so the CLI's other commands stay free of Gui.
#pragma once

#include <string>
#include <vector>

namespace conlab::ui {

// `args` are the words after `chart`; argc/argv are the process's, for the QApplication this
// creates (offscreen when there is no display). Exit codes: 0 written, 1 could not write,
// 2 bad arguments or unreadable results.
int chart_command(int argc, char **argv, const std::vector<std::string> &args);

// The option summary printed by `conlab-cli chart --help`.
const char *chart_usage();

} // namespace conlab::ui
