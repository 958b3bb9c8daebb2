// A Qt Linguist .ts file read with QXmlStreamReader: its messages with their context, source,
// translation and state, for the translation tests.
#pragma once

#include <QFile>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

namespace conlab::test {

struct TsMessage {
  QString context;
  QString source;
  QString translation;
  QString type; // "unfinished", "obsolete", "vanished", or empty when finished
};

struct TsFile {
  QString language;
  QList<TsMessage> messages;
  QString error; // empty when the file was read
};

inline TsFile read_ts(const QString &path) {
  TsFile out;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    out.error = path + QStringLiteral(": ") + file.errorString();
    return out;
  }
  QXmlStreamReader xml(&file);
  QString context;
  TsMessage message;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement)
      continue;
    const auto name = xml.name();
    if (name == QLatin1String("TS"))
      out.language = xml.attributes().value(QLatin1String("language")).toString();
    else if (name == QLatin1String("name"))
      context = xml.readElementText();
    else if (name == QLatin1String("message"))
      message = TsMessage{context, {}, {}, {}};
    else if (name == QLatin1String("source"))
      message.source = xml.readElementText();
    else if (name == QLatin1String("translation")) {
      message.type = xml.attributes().value(QLatin1String("type")).toString();
      message.translation = xml.readElementText();
      out.messages << message;
    }
  }
  if (xml.hasError())
    out.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return out;
}

} // namespace conlab::test
