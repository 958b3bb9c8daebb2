// `conlab-cli report`: one self-contained HTML or PDF report of a results file, without a
// display. Header free of Qt so the CLI's other commands stay free of Gui.
#pragma once

#include <string>
#include <vector>

namespace conlab::ui {

// `args` are the words after `report`; argc/argv are the process's, for the QApplication this
// creates (offscreen when there is no display). Exit codes: 0 written, 1 could not write,
// 2 bad arguments or unreadable results.
int report_command(int argc, char **argv, const std::vector<std::string> &args);

// The option summary printed by `conlab-cli report --help`.
const char *report_usage();

} // namespace conlab::ui
