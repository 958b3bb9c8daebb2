// Small experiments the ui tests share: the article's variants at a tiny size, and a run of it.
#pragma once

#include "core/engine/runner.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"

namespace conlab::ui::test {

// The fastapi-article preset with N = C = `tasks` at `time_scale`: all four models, fast.
inline Experiment tiny_article(std::int64_t tasks = 8, double time_scale = 0.01) {
  Experiment e = parse_experiment_text(find_preset("fastapi-article")->json, available_cores());
  e.load.tasks = tasks;
  e.load.clients = tasks;
  e.time_scale = time_scale;
  return e;
}

// Many short io tasks on an event loop and a pool: a long stream of progress and samples.
inline Experiment many_tasks(std::int64_t tasks) {
  Experiment e = tiny_article(tasks, 0.001);
  e.name = "many-tasks";
  e.load.clients = 1000;
  e.variants = {e.variants[2], e.variants[3]}; // /c io on a loop, /d blocking on 40 threads
  return e;
}

} // namespace conlab::ui::test
