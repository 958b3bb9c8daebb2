// A report written to a file: the format from the file's suffix, the bytes written atomically.
// What `conlab-cli report` and File → Export report… both call.
#pragma once

#include "ui/report/report_document.h"

#include <QString>

#include <optional>

namespace conlab::ui {

enum class ReportFormat { html, pdf };

// .html/.htm → html, .pdf → pdf (any case); nullopt for anything else.
std::optional<ReportFormat> report_format_for(const QString &path);

// Builds the report of `results`, renders it in the format `path` names and writes it
// atomically (a half-written report never replaces a good one). Returns an empty string, or
// what went wrong in words, naming the path. Needs a QGuiApplication, on its thread.
QString write_report(const RunResults &results, const ReportOptions &options, const QString &path);
// The same for a report already built (a capacity search's).
QString write_report(const ReportDocument &document, const QString &path);

} // namespace conlab::ui
