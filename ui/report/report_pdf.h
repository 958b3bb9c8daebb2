// The report as an A4 PDF: text, tables and charts as vector graphics, a chart never cut in two,
// table rows never split (the header repeated on the next page), headings kept with what follows,
// page numbers in the footer. Light colours whatever the desktop's theme.
#pragma once

#include "ui/report/report_document.h"
#include "ui/report/report_pdf_boxes.h"

#include <QByteArray>
#include <QRectF>

#include <vector>

class QPdfWriter;

namespace conlab::ui {

// Where every box of the report goes, in the writer's device units.
struct PdfLayout {
  QRectF page;    // the whole A4 sheet
  QRectF content; // inside the margins; footers go below it
  std::vector<PdfBox> boxes;
  std::vector<Placement> placements;
  int pages = 0;

  QRectF rect(const Placement &placement) const; // on its page
};

// Sets `writer` up for the report (A4, resolution, no printer margins) and lays `document` out.
PdfLayout layout_report_pdf(const ReportDocument &document, QPdfWriter &writer);

// The PDF file's bytes. Needs a QGuiApplication (fonts, charts). Throws std::runtime_error when
// the PDF writer cannot start.
QByteArray report_pdf(const ReportDocument &document);

} // namespace conlab::ui
