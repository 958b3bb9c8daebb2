// The PDF report's blocks cut into boxes that are never split across pages: the title, each
// heading, each paragraph, each table row (and header), each chart with its title and caption,
// each explanation. Each box is measured for one paint device and paints itself into a rect.
#pragma once

#include "ui/report/report_document.h"
#include "ui/report/report_pagination.h"

#include <QRectF>
#include <QString>

#include <functional>
#include <vector>

class QPainter;
class QPaintDevice;

namespace conlab::ui {

enum class PdfBoxKind { title, heading, paragraph, table_header, table_row, chart, note };

struct PdfBox {
  PdfBoxKind kind = PdfBoxKind::paragraph;
  QString label;    // a chart's name, a heading's text: what tests and failures name
  PageBox geometry; // height and spacing in device units
  std::function<void(QPainter &, const QRectF &)> paint; // the rect is width × height
};

// Boxes for `document`, `width` device units wide, measured with the fonts of `device` (the PDF
// writer itself, so that what is measured is what is drawn).
std::vector<PdfBox> report_pdf_boxes(const ReportDocument &document, double width,
                                     QPaintDevice *device);

} // namespace conlab::ui
