// The explanation of a variant's result in the language the desktop lab shows: the same facts as
// the core's English explanation (explanation_facts), worded with tr(). Without a translation it
// reads exactly as the CLI's.
#pragma once

#include "core/analysis/cost_comparison.h"
#include "core/analysis/explanation_facts.h"
#include "core/results/results.h"

#include <QCoreApplication>
#include <QString>

namespace conlab::ui {

class ExplanationText {
  Q_DECLARE_TR_FUNCTIONS(conlab::ui::ExplanationText)
public:
  static QString words(const ExplanationFacts &facts);
  // The variant's explanation, recomputed from its experiment, summary and prediction; the
  // stored English text when the variant is not in the results' experiment.
  static QString of(const RunResults &results, const VariantResult &variant);

private:
  static QString cause(const ExplanationFacts &facts);
  static QString pool_limit(const ExplanationFacts &facts);
  static QString processes(const ExplanationFacts &facts);
  static QString cause_words(Cause cause);
  static QString split(const ExplanationFacts &facts);
  static QString against_prediction(const PredictionCheck &check);
  static QString model_words(const ExplanationFacts &facts);
  static QString against_model(const ExplanationFacts &facts);
  static QString against_claim(const ClaimCheck &check, std::uint32_t tasks);
  static QString cost_comparison(const CostComparison &comparison);
  static QString cost_comparison(const RunResults &results, const VariantResult &variant);
};

} // namespace conlab::ui
