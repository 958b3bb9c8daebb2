#include "ui/report/report_html.h"

#include "ui/charts/chart_style.h"
#include "ui/charts/offscreen_chart.h"
#include "ui/report/report_svg_inline.h"
#include "ui/report/report_words.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QXmlStreamWriter>

#include <stdexcept>

namespace conlab::ui {
namespace {

// No '<', '>' or '&' in here: the writer would escape them, and a browser reads <style> raw.
constexpr const char *kStyle = R"(
:root { color-scheme: light; }
html { background: #ffffff; color: #1a1a1a; }
body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;
  font-size: 15px; line-height: 1.45; }
main { max-width: 900px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 26px; margin: 0 0 6px; }
.subtitle { color: #555555; margin: 0 0 12px; }
nav ol { margin: 0; padding-left: 22px; columns: 2; font-size: 14px; }
nav a { color: #0b5394; }
h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #dddddd;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 16px; margin: 0 0 4px; break-after: avoid; page-break-after: avoid; }
p { margin: 8px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 10px 0 4px; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px;
  border-bottom: 1px solid #e4e4e4; }
thead th { background: #f3f3f3; border-bottom: 2px solid #bbbbbb; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 10em; font-weight: bold; background: none; }
.table-note { color: #555555; font-size: 13px; margin: 4px 0 12px; }
figure { margin: 18px 0 26px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid #eeeeee; }
figcaption { color: #444444; font-size: 13px; margin-top: 6px; }
.note { margin: 14px 0; padding: 2px 0 2px 12px; border-left: 5px solid #888888;
  break-inside: avoid; page-break-inside: avoid; }
.note .detail { color: #555555; font-size: 13px; margin: 2px 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
}
)";

class HtmlWriter {
public:
  explicit HtmlWriter(QByteArray *bytes) : m_xml(bytes) {}

  void write(const ReportDocument &doc) {
    m_xml.writeDTD(QStringLiteral("<!DOCTYPE html>"));
    m_xml.writeStartElement(QStringLiteral("html"));
    // A plain attribute: the writer's namespace handling is not needed for a single namespace.
    m_xml.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.w3.org/1999/xhtml"));
    m_xml.writeAttribute(QStringLiteral("lang"), QStringLiteral("en"));
    m_xml.writeStartElement(QStringLiteral("head"));
    m_xml.writeEmptyElement(QStringLiteral("meta"));
    m_xml.writeAttribute(QStringLiteral("charset"), QStringLiteral("utf-8"));
    m_xml.writeEmptyElement(QStringLiteral("meta"));
    m_xml.writeAttribute(QStringLiteral("name"), QStringLiteral("viewport"));
    m_xml.writeAttribute(QStringLiteral("content"),
                         QStringLiteral("width=device-width, initial-scale=1"));
    text_element("title", doc.title);
    text_element("style", QString::fromLatin1(kStyle));
    m_xml.writeEndElement(); // head
    m_xml.writeStartElement(QStringLiteral("body"));
    m_xml.writeStartElement(QStringLiteral("main"));
    text_element("h1", doc.title);
    text_element("p", doc.subtitle, "subtitle");
    write_contents(doc);
    for (const ReportSection &section : doc.sections)
      write_section(section);
    m_xml.writeEndElement(); // main
    m_xml.writeEndElement(); // body
    m_xml.writeEndElement(); // html
    m_xml.writeEndDocument();
  }

private:
  // Every element gets content, even empty text: `<td/>` is XML's empty element but an HTML
  // parser reads it as an unclosed <td>.
  void text_element(const char *name, const QString &text, const char *css_class = nullptr) {
    m_xml.writeStartElement(QLatin1String(name));
    if (css_class)
      m_xml.writeAttribute(QStringLiteral("class"), QLatin1String(css_class));
    m_xml.writeCharacters(qstrcmp(name, "style") == 0 ? text : glue_units(text));
    m_xml.writeEndElement();
  }

  void write_contents(const ReportDocument &doc) {
    m_xml.writeStartElement(QStringLiteral("nav"));
    m_xml.writeStartElement(QStringLiteral("ol"));
    for (const ReportSection &section : doc.sections) {
      m_xml.writeStartElement(QStringLiteral("li"));
      m_xml.writeStartElement(QStringLiteral("a"));
      m_xml.writeAttribute(QStringLiteral("href"), QLatin1Char('#') + section.id);
      m_xml.writeCharacters(section.heading);
      m_xml.writeEndElement();
      m_xml.writeEndElement();
    }
    m_xml.writeEndElement();
    m_xml.writeEndElement();
  }

  void write_section(const ReportSection &section) {
    m_xml.writeStartElement(QStringLiteral("section"));
    m_xml.writeAttribute(QStringLiteral("id"), section.id);
    text_element("h2", section.heading);
    for (const ReportBlock &block : section.blocks)
      std::visit([this](const auto &b) { write_block(b); }, block);
    m_xml.writeEndElement();
  }

  void write_block(const ReportParagraph &p) { text_element("p", p.text); }

  void write_block(const ReportTable &t) {
    m_xml.writeStartElement(QStringLiteral("table"));
    if (t.header.isEmpty())
      m_xml.writeAttribute(QStringLiteral("class"), QStringLiteral("facts"));
    const auto cell_class = [&](int column) {
      return t.number_columns.contains(column) ? "num" : nullptr;
    };
    if (!t.header.isEmpty()) {
      m_xml.writeStartElement(QStringLiteral("thead"));
      m_xml.writeStartElement(QStringLiteral("tr"));
      for (int c = 0; c < t.header.size(); ++c)
        text_element("th", t.header[c], cell_class(c));
      m_xml.writeEndElement();
      m_xml.writeEndElement();
    }
    m_xml.writeStartElement(QStringLiteral("tbody"));
    for (const QStringList &row : t.rows) {
      m_xml.writeStartElement(QStringLiteral("tr"));
      for (int c = 0; c < row.size(); ++c) {
        if (t.header.isEmpty() && c == 0) {
          m_xml.writeStartElement(QStringLiteral("th"));
          m_xml.writeAttribute(QStringLiteral("scope"), QStringLiteral("row"));
          m_xml.writeCharacters(row[c]);
          m_xml.writeEndElement();
        } else {
          text_element("td", row[c], cell_class(c));
        }
      }
      m_xml.writeEndElement();
    }
    m_xml.writeEndElement(); // tbody
    m_xml.writeEndElement(); // table
    if (!t.note.isEmpty())
      text_element("p", t.note, "table-note");
  }

  void write_block(const ReportChart &c) {
    const QSize size(kHtmlChartWidth, qRound(kHtmlChartWidth * c.aspect));
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    OffscreenChart chart(c.make(), size);
    if (!chart.write_svg(&buffer, size, 96, c.title))
      throw std::runtime_error(
          QCoreApplication::translate("conlab::ui", "the chart '%1' could not be rendered as SVG")
              .arg(c.title)
              .toStdString());
    m_xml.writeStartElement(QStringLiteral("figure"));
    m_xml.writeAttribute(QStringLiteral("id"), QStringLiteral("chart-") + c.name);
    // No heading of its own: the chart's title, drawn in it, says what it shows.
    const QString error = inline_svg(
        m_xml, svg, QStringLiteral("chart-%1-").arg(c.name),
        {{QStringLiteral("role"), QStringLiteral("img")}, {QStringLiteral("aria-label"), c.title}});
    if (!error.isEmpty())
      throw std::runtime_error(QCoreApplication::translate("conlab::ui", "the chart '%1': %2")
                                   .arg(c.title, error)
                                   .toStdString());
    text_element("figcaption", c.caption);
    m_xml.writeEndElement();
  }

  void write_block(const ReportNote &n) {
    m_xml.writeStartElement(QStringLiteral("div"));
    m_xml.writeAttribute(QStringLiteral("class"), QStringLiteral("note"));
    m_xml.writeAttribute(
        QStringLiteral("style"),
        QStringLiteral("border-left-color: %1").arg(variant_colour(n.colour).name()));
    text_element("h3", n.heading);
    text_element("p", n.detail, "detail");
    text_element("p", n.text);
    m_xml.writeEndElement();
  }

  QXmlStreamWriter m_xml;
};

} // namespace

QByteArray report_html(const ReportDocument &document) {
  QByteArray bytes;
  HtmlWriter(&bytes).write(document);
  return bytes;
}

} // namespace conlab::ui
