#include "ui/i18n/phrase_table.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace conlab::ui {
namespace {

// "S: all %1 tasks wait at once = " → "S: all (.+?) tasks wait at once = ". A %N at the very end
// of a phrase that may be part of a longer text takes the next word only.
QRegularExpression pattern_of(const QString &phrase, bool whole_text) {
  static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
  QString pattern;
  qsizetype from = 0;
  for (auto it = placeholder.globalMatch(phrase); it.hasNext();) {
    const auto m = it.next();
    pattern += QRegularExpression::escape(phrase.mid(from, m.capturedStart() - from));
    const bool last = m.capturedEnd() == phrase.size();
    pattern += last ? (whole_text ? QStringLiteral("(.+)") : QStringLiteral("(\\S+)"))
                    : QStringLiteral("(.+?)");
    from = m.capturedEnd();
  }
  pattern += QRegularExpression::escape(phrase.mid(from));
  if (whole_text)
    pattern = QStringLiteral("^") + pattern + QStringLiteral("$");
  return QRegularExpression(pattern);
}

// Which capture fills each placeholder: "⌈%3/%2⌉" captures %3 first.
QList<int> placeholder_numbers(const QString &phrase) {
  static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
  QList<int> out;
  for (auto it = placeholder.globalMatch(phrase); it.hasNext();)
    out << it.next().captured(1).toInt();
  return out;
}

} // namespace

QString PhraseTable::translate(const QString &text) const {
  QString out = text;
  for (const char *phrase : phrases) {
    const QString english = QString::fromUtf8(phrase);
    const QString translated = QCoreApplication::translate(context, phrase);
    if (translated == english)
      continue; // no translation installed: the core's words stand
    const QRegularExpression pattern = pattern_of(english, whole_text);
    const QList<int> numbers = placeholder_numbers(english);
    QString result;
    qsizetype from = 0;
    for (auto it = pattern.globalMatch(out); it.hasNext();) {
      const auto m = it.next();
      QString words = translated;
      // Every %N gets the text its first occurrence captured, highest number first so that
      // %1 never eats the "1" of %10.
      for (int n = 9; n >= 1; --n) {
        const auto at = numbers.indexOf(n);
        if (at >= 0)
          words.replace(QStringLiteral("%") + QString::number(n),
                        m.captured(static_cast<int>(at) + 1));
      }
      result += out.mid(from, m.capturedStart() - from) + words;
      from = m.capturedEnd();
    }
    out = result + out.mid(from);
  }
  return out;
}

} // namespace conlab::ui
