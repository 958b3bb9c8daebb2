#include "ui/charts/colour_scale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab::ui {
namespace {

// Qt has no colour maps; viridis sampled at nine points and interpolated is indistinguishable
// from the full table at the sizes a heatmap cell has.
constexpr std::array<QRgb, 9> kViridis = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E,
                                          0x1F9E89, 0x35B779, 0x6DCD59, 0xFDE725};

} // namespace

double luminance(const QColor &c) {
  return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

QColor heat_colour(double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (kViridis.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(t), kViridis.size() - 2);
  const double f = t - static_cast<double>(i);
  const QColor a(kViridis[i]), b(kViridis[i + 1]);
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

QLinearGradient heat_gradient(QPointF from, QPointF to) {
  QLinearGradient gradient(from, to);
  for (std::size_t k = 0; k < kViridis.size(); ++k)
    gradient.setColorAt(static_cast<double>(k) / (kViridis.size() - 1), QColor(kViridis[k]));
  return gradient;
}

} // namespace conlab::ui
