#include "ui/report/report_pdf.h"

#include "ui/charts/chart_style.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <stdexcept>

namespace conlab::ui {
namespace {

constexpr int kDpi = 300;
// Margins in points: room for the footer below the content.
constexpr double kSide = 50, kTop = 46, kBottom = 58, kFooterFromBottom = 30;

double pt(double points) { return points * kDpi / 72.0; }

void paint_footer(QPainter &p, const PdfLayout &layout, const QString &title, int page) {
  QFont font;
  font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Sans Serif")});
  font.setPointSizeF(7.5);
  p.setFont(font);
  p.setPen(QColor(0x77, 0x77, 0x77));
  const double baseline = layout.page.bottom() - pt(kFooterFromBottom);
  const QRectF band(layout.content.left(), baseline - pt(10), layout.content.width(), pt(12));
  p.drawText(band, Qt::AlignLeft | Qt::AlignBottom,
             p.fontMetrics().elidedText(title, Qt::ElideRight, qRound(band.width() * 0.75)));
  p.drawText(band, Qt::AlignRight | Qt::AlignBottom,
             tr_("page %1 of %2").arg(page + 1).arg(layout.pages));
  p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), pt(0.6)));
  p.drawLine(QPointF(band.left(), band.top() - pt(3)), QPointF(band.right(), band.top() - pt(3)));
}

} // namespace

QRectF PdfLayout::rect(const Placement &placement) const {
  const PdfBox &box = boxes[static_cast<std::size_t>(placement.box)];
  return QRectF(content.left(), content.top() + placement.y, content.width(), box.geometry.height);
}

PdfLayout layout_report_pdf(const ReportDocument &document, QPdfWriter &writer) {
  writer.setResolution(kDpi);
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                   QMarginsF(0, 0, 0, 0), QPageLayout::Point));
  PdfLayout layout;
  layout.page = QRectF(0, 0, writer.width(), writer.height());
  layout.content = layout.page.adjusted(pt(kSide), pt(kTop), -pt(kSide), -pt(kBottom));
  layout.boxes = report_pdf_boxes(document, layout.content.width(), &writer);
  std::vector<PageBox> geometry;
  for (const PdfBox &box : layout.boxes)
    geometry.push_back(box.geometry);
  layout.placements = paginate(geometry, layout.content.height());
  layout.pages = layout.placements.empty() ? 1 : layout.placements.back().page + 1;
  return layout;
}

QByteArray report_pdf(const ReportDocument &document) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QPdfWriter writer(&buffer);
  writer.setTitle(document.title);
  writer.setCreator(QStringLiteral("Concurrency Lab"));
  const PdfLayout layout = layout_report_pdf(document, writer);

  QPainter painter;
  if (!painter.begin(&writer))
    throw std::runtime_error(tr_("the PDF writer did not start").toStdString());
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  int page = 0;
  paint_footer(painter, layout, document.title, page);
  for (const Placement &placement : layout.placements) {
    while (placement.page > page) {
      writer.newPage();
      paint_footer(painter, layout, document.title, ++page);
    }
    const PdfBox &box = layout.boxes[static_cast<std::size_t>(placement.box)];
    painter.save();
    box.paint(painter, layout.rect(placement));
    painter.restore();
  }
  painter.end();
  return bytes;
}

} // namespace conlab::ui
