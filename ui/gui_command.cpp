#include "ui/gui_command.h"

#include "core/capacity/capacity_results.h"
#include "core/experiment/spec_json.h"
#include "core/results/results_json.h"
#include "core/util/json_fields.h"

#include <clocale>
#include <cstdlib>
#include <iostream>

namespace conlab::ui {
namespace {

// Qt Charts warns for every empty bar slot on a log axis (see summary_chart.cpp); a person
// running the CLI needs none of that.
QtMessageHandler g_previous_handler = nullptr;
void quiet_handler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
  if (message.startsWith(QLatin1String("Logarithms of zero")))
    return;
  if (g_previous_handler)
    g_previous_handler(type, context, message);
}

} // namespace

std::unique_ptr<QApplication> make_headless_application(int &argc, char **argv) {
  if (QCoreApplication::instance())
    return nullptr;
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  g_previous_handler = qInstallMessageHandler(quiet_handler);
  auto app = std::make_unique<QApplication>(argc, argv);
  std::setlocale(LC_NUMERIC, "C");
  return app;
}

namespace {

// Prints what went wrong reading `path`, naming the file once (most messages name it already:
// "cannot read x.json: ...").
void say_what_is_wrong(const std::string &path, const std::exception &e) {
  const auto say = [&](const std::string &what) {
    const bool named = what.starts_with(path) || what.find(" " + path + ":") != std::string::npos;
    std::cerr << "error: " << (named ? "" : path + ": ") << what << '\n';
  };
  if (const auto *spec = dynamic_cast<const SpecError *>(&e))
    for (const FieldError &f : spec->errors())
      say(f.to_string());
  else
    say(e.what());
}

} // namespace

std::optional<boost::json::value> read_document_for_command(const std::string &path) {
  try {
    return json::read_json_file(path);
  } catch (const std::exception &e) {
    say_what_is_wrong(path, e);
  }
  return std::nullopt;
}

std::optional<RunResults> results_for_command(const boost::json::value &document,
                                              const std::string &path) {
  try {
    return results_from_document(document, path);
  } catch (const std::exception &e) {
    say_what_is_wrong(path, e);
  }
  return std::nullopt;
}

std::optional<RunResults> load_results_for_command(const std::string &path) {
  const std::optional<boost::json::value> document = read_document_for_command(path);
  return document ? results_for_command(*document, path) : std::nullopt;
}

std::optional<ChartData> chart_data_for_command(const std::string &path) {
  const std::optional<boost::json::value> document = read_document_for_command(path);
  if (!document)
    return std::nullopt;
  if (is_capacity_document(*document)) {
    try {
      return build_chart_data(capacity_from_json(*document));
    } catch (const std::exception &e) {
      say_what_is_wrong(path, e);
      return std::nullopt;
    }
  }
  const std::optional<RunResults> results = results_for_command(*document, path);
  if (!results)
    return std::nullopt;
  return build_chart_data(*results);
}

} // namespace conlab::ui
