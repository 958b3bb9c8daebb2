// Everything a run produced: the spec it ran, where, the calibration, and per variant the raw
// samples, telemetry, summary, prediction and explanation. Values only; they cross threads.
#pragma once

#include "cpu_work.h"
#include "environment.h"
#include "loop_lag.h"
#include "prediction.h"
#include "spec.h"
#include "summary.h"
#include "task_sample.h"
#include "telemetry.h"

#include <string>
#include <vector>

namespace conlab {

enum class RunStatus { completed, cancelled, failed };
const char *to_string(RunStatus status);

struct RepeatResult {
  int repeat = 0;
  std::vector<TaskSample> samples;
  std::vector<TelemetryPoint> telemetry;
  std::vector<LoopLagTrace> loop_lag;
  ResourceUsage resources;
  Summary summary;
  bool complete = false; // every task finished
};

struct VariantResult {
  std::string label;
  std::string model;
  int pool_size = 0;  // resolved P (0 when the model has none)
  int loops = 0;      // resolved L (0 when the model has none)
  bool offload = false;
  std::string pool_description; // e.g. "6 (python_default_executor)"
  std::vector<RepeatResult> repeats;
  Summary summary; // pooled over repeats
  Prediction prediction;
  std::string explanation;
};

struct RunResults {
  static constexpr const char *kSchema = "conlab.results/1";
  Experiment experiment;
  Environment environment;
  CpuCalibration calibration;
  RunStatus status = RunStatus::completed;
  std::string error; // when failed
  double wall_time_s = 0;
  std::vector<VariantResult> variants;
};

} // namespace conlab
