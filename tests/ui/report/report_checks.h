// What the report tests check a written report with: an HTML page walked as XML (its SVG titles,
// what it would fetch from elsewhere, its text) and a PDF layout's page-break rules.
#pragma once

#include "ui/report/report_pdf.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace conlab::ui::test {

inline QString collapse_whitespace(QString text) {
  // Unicode whitespace too: the report keeps numbers and units together with no-break spaces.
  static const QRegularExpression space(QStringLiteral("\\s+"),
                                        QRegularExpression::UseUnicodePropertiesOption);
  return text.replace(space, QStringLiteral(" ")).trimmed();
}

// Everything an HTML page could load from elsewhere, found by walking it as XML.
struct HtmlScan {
  QString error;          // XML error, empty when well-formed
  QStringList svg_titles; // the <title> of each <svg>, in order
  QStringList external;   // what would be fetched: attribute values, CSS, elements
  QString text;           // all text outside <style>, whitespace collapsed
};

inline HtmlScan scan_html(const QByteArray &html) {
  HtmlScan scan;
  QXmlStreamReader xml(html);
  QStringList stack;
  static const QStringList kLoaders = {QStringLiteral("script"), QStringLiteral("link"),
                                       QStringLiteral("img"),    QStringLiteral("iframe"),
                                       QStringLiteral("object"), QStringLiteral("embed"),
                                       QStringLiteral("image"),  QStringLiteral("base")};
  // Text in attributes and CSS; plain text may mention a URL (an HTTP target) without
  // anything fetching it.
  const auto check_text = [&](const QString &where, const QString &value) {
    for (const char *bad : {"http:", "https:", "file:", "@import"})
      if (value.contains(QLatin1String(bad)))
        scan.external << where + QStringLiteral(": ") + value.left(80);
    static const QRegularExpression url(QStringLiteral("url\\(\\s*['\"]?([^)'\"]*)"));
    for (const auto &m : url.globalMatch(value))
      if (!m.captured(1).startsWith(QLatin1Char('#')))
        scan.external << where + QStringLiteral(" url(") + m.captured(1);
  };
  while (!xml.atEnd()) {
    switch (xml.readNext()) {
    case QXmlStreamReader::StartElement: {
      const QString name = xml.name().toString();
      if (kLoaders.contains(name))
        scan.external << QStringLiteral("<%1>").arg(name);
      if (name == QLatin1String("title") && stack.value(stack.size() - 1) == QLatin1String("svg"))
        scan.svg_titles << QString(); // filled by the characters that follow
      stack << name;
      for (const QXmlStreamAttribute &a : xml.attributes()) {
        const QString attribute = a.qualifiedName().toString();
        const QString value = a.value().toString();
        if ((attribute.endsWith(QLatin1String("href")) || attribute == QLatin1String("src") ||
             attribute == QLatin1String("action") || attribute == QLatin1String("poster")) &&
            !value.startsWith(QLatin1Char('#')))
          scan.external << attribute + QStringLiteral("=") + value;
        check_text(attribute, value);
      }
      break;
    }
    case QXmlStreamReader::EndElement:
      stack.removeLast();
      break;
    case QXmlStreamReader::Characters:
      if (stack.value(stack.size() - 1) == QLatin1String("style")) {
        check_text(QStringLiteral("<style>"), xml.text().toString());
      } else {
        if (stack.value(stack.size() - 1) == QLatin1String("title") &&
            stack.value(stack.size() - 2) == QLatin1String("svg"))
          scan.svg_titles.last() += xml.text().toString();
        scan.text += xml.text().toString() + QLatin1Char(' ');
      }
      break;
    default:
      break;
    }
  }
  if (xml.hasError())
    scan.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
  scan.text = collapse_whitespace(scan.text);
  return scan;
}

// The invariants of a laid-out PDF: every box inside the content area (nothing but an
// over-tall box may overflow), headings never last on a page, a table's header above its rows
// on every page. Returns what is broken.
inline QStringList check_layout(const PdfLayout &layout) {
  QStringList broken;
  int last_header = -1, last_header_page = -1;
  for (std::size_t i = 0; i < layout.placements.size(); ++i) {
    const Placement &p = layout.placements[i];
    const PdfBox &box = layout.boxes[static_cast<std::size_t>(p.box)];
    const QRectF rect = layout.rect(p);
    const bool fits_a_page = box.geometry.height <= layout.content.height();
    if (fits_a_page &&
        (rect.top() < layout.content.top() - 0.5 || rect.bottom() > layout.content.bottom() + 0.5))
      broken << QStringLiteral("'%1' crosses the page edge on page %2").arg(box.label).arg(p.page);
    if (box.geometry.keep_with_next &&
        (i + 1 == layout.placements.size() || layout.placements[i + 1].page != p.page))
      broken << QStringLiteral("heading '%1' is last on page %2").arg(box.label).arg(p.page);
    if (box.kind == PdfBoxKind::table_header)
      last_header = p.box, last_header_page = p.page;
    if (box.kind == PdfBoxKind::table_row && box.geometry.repeat_header >= 0 &&
        (box.geometry.repeat_header != last_header || last_header_page != p.page))
      broken << QStringLiteral("row '%1' on page %2 has no header above it")
                    .arg(box.label)
                    .arg(p.page);
  }
  return broken;
}

} // namespace conlab::ui::test
