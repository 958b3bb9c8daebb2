// The thread timeline's rows, bars and steps, prepared from a run's first repeat off the GUI
// thread (part of build_chart_data): a row per thread, a bar per task, and each step a thread
// ran itself split into the states the kernel counted.
#pragma once

#include "ui/charts/chart_data.h"

#include <utility>
#include <vector>

namespace conlab::ui {

// Fills v's timeline (bars, steps, rows, units) from `repeat`, its rows starting at `first_row`.
void build_timeline(const RepeatResult &repeat, VariantChartData &v, double first_row);

// Gives every variant at least a share of the timeline's height that its label needs, beyond
// kTimelineMinUnits: beside a pool of 64 threads, a variant of 3 row units is too thin to be
// labelled. Moves the variants' rows, bars and steps to match; returns the row units of all.
double space_timeline(std::vector<VariantChartData> &variants);

// The states of a step from `start_s` to `end_s`: the waits for the GIL where they happened,
// and the rest of the step filled, in this order, with `on_cpu_s` on a core, `runnable_s`
// waiting for one and what is left blocked (each clipped to what the step has room for).
std::vector<StateStretch> lay_out_states(double start_s, double end_s, double on_cpu_s,
                                         double runnable_s,
                                         std::vector<std::pair<double, double>> gil_waits);

} // namespace conlab::ui
