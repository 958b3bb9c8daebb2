// conlab: the desktop lab. Opens the file named on the command line (an experiment or a results
// file), or else the article's experiment at a time scale that makes the first run short.
#include "ui/i18n/language.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDirIterator>
#include <QIcon>

#include <clocale>

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("ConcurrencyLab"));
  QApplication::setApplicationName(QStringLiteral("conlab"));
  QApplication::setApplicationVersion(QStringLiteral(CONLAB_VERSION));
  // Ties the windows to the installed desktop entry (Wayland's app id), so the shell shows its
  // name and icon.
  QGuiApplication::setDesktopFileName(QStringLiteral("org.conlab.ConcurrencyLab"));
  QIcon icon;
  for (QDirIterator sizes(QStringLiteral(":/icons/app")); sizes.hasNext();)
    icon.addFile(sizes.next());
  QApplication::setWindowIcon(icon);
  // The system's language unless the preferences chose one (QSettings needs the names above).
  conlab::ui::install_translations(conlab::ui::ui_locale(conlab::ui::language_setting()));
  QApplication::setApplicationDisplayName(conlab::ui::display_name());
  // Numbers in experiment and results files are written and read in the "C" locale.
  std::setlocale(LC_NUMERIC, "C");

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Run concurrency experiments and read why they behave so."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("file"),
                               QApplication::translate("main", "an experiment or results file"));
  parser.process(app);

  conlab::ui::MainWindow window;
  const QStringList files = parser.positionalArguments();
  if (files.isEmpty() || !window.open_file(files.first()))
    window.open_first_experiment();
  window.show();
  return app.exec();
}
