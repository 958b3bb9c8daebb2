#include "core/http/http_target.h"

#include "core/analysis/prediction.h"
#include "core/http/load_generator.h"
#include "core/http/server.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace conlab::http {

RepeatResult run_target_repeat(const Experiment &e, std::size_t index, int repeat,
                               const CpuWork &cpu, int cores, const std::stop_token &stop,
                               const std::function<void(const TaskRecorder &)> &on_progress,
                               std::string &note) {
  const Variant &v = e.variants.at(index);
  std::unique_ptr<EmbeddedServer> server;
  std::string url_text;
  if (v.target->embedded) {
    ServerOptions options;
    options.only_variant = static_cast<int>(index); // same index: same drawn durations
    options.max_connections = std::max<std::size_t>(
        options.max_connections, static_cast<std::size_t>(e.load.clients) + 16);
    server = std::make_unique<EmbeddedServer>(e, cpu, cores, options);
    server->start();
    url_text = server->endpoints().front().url;
  } else {
    url_text = v.target->url;
  }
  std::string error;
  const std::optional<Url> url = parse_url(url_text, error);
  if (!url)
    throw std::runtime_error(v.label + ": " + error);

  GeneratorOptions options;
  options.request.url = *url;
  options.load = e.load;
  options.seed = e.seed;
  options.stop = stop;
  options.on_progress = on_progress;
  options.watch_pid = static_cast<std::int32_t>(v.target->watch.value_or(0)); // validated
  // A request may legitimately wait as long as the whole batch (/a serves one at a time), so
  // the timeout follows the prediction: twice the predicted makespan, and never under a minute.
  const Prediction p = predict(v, e.load, e.time_scale, cores);
  options.timeout_s = std::max(kDefaultTimeoutS, 2 * p.makespan_s.value_or(0));
  if (e.load.kind == LoadKind::open)
    options.max_connections = std::max<std::int64_t>(options.max_connections, 1024);
  GeneratorResult result = run_load(options, cores);
  if (server)
    server->stop();
  result.repeat.repeat = repeat;
  note = describe_http_run(result);
  if (server)
    note += " Served by the embedded server at " + url_text + ".";
  return std::move(result.repeat);
}

} // namespace conlab::http
