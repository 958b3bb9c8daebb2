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

std::optional<RunResults> load_results_for_command(const std::string &path) {
  // Most messages name the file already ("cannot read x.json: ..."): name it once.
  const auto say = [&](const std::string &what) {
    const bool named = what.starts_with(path) || what.find(" " + path + ":") != std::string::npos;
    std::cerr << "error: " << (named ? "" : path + ": ") << what << '\n';
  };
  try {
    return load_results(path);
  } catch (const SpecError &e) {
    for (const FieldError &f : e.errors())
      say(f.to_string());
  } catch (const std::exception &e) {
    say(e.what());
  }
  return std::nullopt;
}

std::optional<ChartData> chart_data_for_command(const std::string &path) {
  try {
    const boost::json::value document = json::read_json_file(path);
    if (is_capacity_document(document))
      return build_chart_data(capacity_from_json(document));
  } catch (const std::exception &) {
    // Not readable as a capacity file: the results reader below says what is wrong.
  }
  const std::optional<RunResults> results = load_results_for_command(path);
  if (!results)
    return std::nullopt;
  return build_chart_data(*results);
}

} // namespace conlab::ui
