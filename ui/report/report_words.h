// The experiment of a report in plain words: what each task does, how threads are provided, how
// the load arrives, where it ran. Text only; the report lays it out.
#pragma once

#include "core/results/results.h"

#include <QString>

#include <vector>

namespace conlab::ui {

// "one blocking I/O call of 1 s", "one non-blocking wait of 100 ms, then one computation worth
// 5 ms of one core", "... of 0.5 s to 1.5 s (uniform)".
QString describe_task(const std::vector<Step> &steps);

// "one event loop; an executor of 6 threads (Python's default executor: min(32, cores + 4))",
// "a pool of 40 threads (AnyIO's default thread limiter)", "4 event loops, one thread each".
// `variant` has the resolved sizes, `spec` how they were asked for.
QString describe_threads(const VariantResult &variant, const Variant &spec);

// "closed: 100 tasks from 100 clients, each sending its next task when its previous one ends
// (all 100 at once)" or "open: 500 tasks arriving at 50 per second (Poisson), whatever happens".
QString describe_load(const Load &load);

// "Every duration above ran 0.05 times as long (1 s took 50 ms); measured and predicted times
// are at that scale." Empty at time scale 1.
QString describe_time_scale(double time_scale);

// "28.4 M iterations per ms, the fastest of 5 trials (took 110 ms)"; "not calibrated" when the
// run had no cpu steps to calibrate for.
QString describe_calibration(const CpuCalibration &calibration);

// The text with a no-break space between each number and its unit ("20.0 ms", "6 threads"), so
// that wrapping never leaves a unit alone at the start of a line.
QString glue_units(const QString &text);

// The text without what XML cannot carry (control characters, lone surrogates): labels and
// names come from user files and end up in HTML, SVG and PDF.
QString printable(const QString &text);
QString printable(const std::string &text);

} // namespace conlab::ui
