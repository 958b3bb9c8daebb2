// The explanation of each variant's result in words, coloured like the variant in the charts,
// with its prediction formula.
#pragma once

#include "results.h"

#include <QTextBrowser>

namespace conlab::ui {

class ExplanationView : public QTextBrowser {
  Q_OBJECT
public:
  explicit ExplanationView(QWidget *parent = nullptr);
  void set_results(const RunResults *results); // nullptr: a hint instead
};

} // namespace conlab::ui
