// Translates the fixed phrases inside a text that the core composed in English: each phrase is
// an English template with %1, %2, … where the core puts numbers or names. The template is both
// the tr() source a translator sees and, with each %N read as "some text", the pattern that
// finds the phrase in the core's text.
#pragma once

#include <QString>

#include <span>

namespace conlab::ui {

struct PhraseTable {
  const char *context;                  // the translation context of the templates
  std::span<const char *const> phrases; // QT_TRANSLATE_NOOP(context, …), longest first
  bool whole_text = false;              // a phrase must be the whole text, not a part of it

  QString translate(const QString &text) const;
};

} // namespace conlab::ui
