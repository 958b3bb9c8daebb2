// The runner's side of HTTP mode: one repeat of a variant whose `target` says to measure it over
// HTTP — served by the embedded server for the run, or an external URL — under the experiment's
// load, giving the same RepeatResult as an in-process run.
#pragma once

#include "core/engine/cpu_work.h"
#include "core/engine/task_recorder.h"
#include "core/results/results.h"

#include <functional>
#include <stop_token>
#include <string>

namespace conlab::http {

// `note` receives a sentence on errors and the generator's self-check, for the explanation.
// Throws std::runtime_error when the embedded server cannot start.
RepeatResult run_target_repeat(const Experiment &experiment, std::size_t variant, int repeat,
                               const CpuWork &cpu, int cores, const std::stop_token &stop,
                               const std::function<void(const TaskRecorder &)> &on_progress,
                               std::string &note);

} // namespace conlab::http
