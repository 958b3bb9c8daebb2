#include "core/analysis/folded_samples.h"

#include <algorithm>

namespace conlab {

void FoldedSamples::add(const TaskSample &t) {
  if (!t.submitted() && !t.started())
    return; // never reached: the run stopped before it
  ++tasks;
  if (t.submitted())
    first_submit_ns = std::min(first_submit_ns, t.submit_ns);
  if (t.failed)
    last_failure_ns = std::max(last_failure_ns, t.end_ns);
  if (!t.finished() || t.failed)
    return;
  ++completed;
  last_end_ns = std::max(last_end_ns, t.end_ns);
  workers = std::max(workers, t.worker + 1);
  response.add(t.response_ns());
  queue_wait.add(t.queue_wait_ns());
  service.add(t.service_ns());
}

void FoldedSamples::add(std::span<const TaskSample> samples) {
  for (const TaskSample &t : samples)
    add(t);
}

FoldedSamples &FoldedSamples::operator+=(const FoldedSamples &o) {
  tasks += o.tasks;
  completed += o.completed;
  first_submit_ns = std::min(first_submit_ns, o.first_submit_ns);
  last_end_ns = std::max(last_end_ns, o.last_end_ns);
  last_failure_ns = std::max(last_failure_ns, o.last_failure_ns);
  workers = std::max(workers, o.workers);
  response += o.response;
  queue_wait += o.queue_wait;
  service += o.service;
  return *this;
}

} // namespace conlab
