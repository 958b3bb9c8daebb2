#include "ui/report/report_svg_inline.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontInfo>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <optional>

namespace conlab::ui {
namespace {

// An element read but not yet written: a group is written only once it turns out to hold
// something (QSvgGenerator writes an empty <g> per state change, a third of its output).
struct Element {
  QString name;
  QList<std::pair<QString, QString>> attributes;
};

// QSvgGenerator names the family it was asked for ("Sans Serif"), which no browser knows: it
// would fall back to a serif face with other widths than the ones the chart was laid out with.
QString css_font_family(const QString &qt_family) {
  static QHash<QString, QString> cache;
  auto found = cache.constFind(qt_family);
  if (found != cache.constEnd())
    return *found;
  const QFontInfo info{QFont(qt_family)};
  const QString css = QStringLiteral("'%1', %2")
                          .arg(info.family(), info.fixedPitch() ? QStringLiteral("monospace")
                                                                : QStringLiteral("sans-serif"));
  cache.insert(qt_family, css);
  return css;
}

QString attribute_value(const QString &name, QString value, const QString &prefix) {
  if (name == QLatin1String("id"))
    return prefix + value;
  if ((name == QLatin1String("href") || name == QLatin1String("xlink:href")) &&
      value.startsWith(QLatin1Char('#')))
    return QLatin1Char('#') + prefix + value.mid(1);
  if (name == QLatin1String("font-family"))
    return css_font_family(value);
  return value.replace(QLatin1String("url(#"), QLatin1String("url(#") + prefix);
}

Element read_element(const QXmlStreamReader &in, const QString &prefix) {
  Element e{in.qualifiedName().toString(), {}};
  for (const QXmlStreamNamespaceDeclaration &ns : in.namespaceDeclarations())
    e.attributes.append({ns.prefix().isEmpty() ? QStringLiteral("xmlns")
                                               : QStringLiteral("xmlns:") + ns.prefix().toString(),
                         ns.namespaceUri().toString()});
  for (const QXmlStreamAttribute &a : in.attributes()) {
    const QString name = a.qualifiedName().toString();
    e.attributes.append({name, attribute_value(name, a.value().toString(), prefix)});
  }
  return e;
}

void write_start(QXmlStreamWriter &out, const Element &e) {
  // Qualified names as they are: the writer's own namespace handling would invent prefixes
  // ("n1:svg") that an HTML parser does not understand.
  out.writeStartElement(e.name);
  for (const auto &[name, value] : e.attributes)
    out.writeAttribute(name, value);
}

} // namespace

QString inline_svg(QXmlStreamWriter &out, const QByteArray &svg, const QString &id_prefix,
                   const QList<std::pair<QString, QString>> &extra) {
  {
    QXmlStreamReader check(svg);
    while (!check.atEnd())
      check.readNext();
    if (check.hasError())
      return QCoreApplication::translate("conlab::ui",
                                         "the chart's SVG is malformed at line %1: %2")
          .arg(check.lineNumber())
          .arg(check.errorString());
  }
  QXmlStreamReader in(svg);
  bool root = true;
  std::optional<Element> pending_group;
  const auto flush = [&] {
    if (pending_group)
      write_start(out, *pending_group);
    pending_group.reset();
  };
  while (!in.atEnd()) {
    switch (in.readNext()) {
    case QXmlStreamReader::StartElement: {
      flush();
      Element e = read_element(in, id_prefix);
      if (root)
        e.attributes += extra;
      if (!root && e.name == QLatin1String("g"))
        pending_group = std::move(e);
      else
        write_start(out, e);
      root = false;
      break;
    }
    case QXmlStreamReader::EndElement:
      if (pending_group)
        pending_group.reset(); // an empty group: neither its start nor its end is written
      else
        out.writeEndElement();
      break;
    case QXmlStreamReader::Characters:
      if (in.isWhitespace())
        break;
      flush();
      out.writeCharacters(in.text().toString());
      break;
    default: // the XML declaration, DTD, comments, processing instructions
      break;
    }
  }
  return {};
}

} // namespace conlab::ui
