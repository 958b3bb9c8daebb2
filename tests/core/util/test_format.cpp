// Numbers as people read them: three significant digits, units chosen after rounding.
#include "core/util/format.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

struct DurationCase {
  double seconds;
  const char *text;
};

class HumanDuration : public ::testing::TestWithParam<DurationCase> {};

TEST_P(HumanDuration, ThreeSignificantDigits) {
  EXPECT_EQ(human_duration(GetParam().seconds), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Values, HumanDuration,
    ::testing::Values(DurationCase{1.0, "1.00 s"}, DurationCase{0.0523, "52.3 ms"},
                      DurationCase{0.00081, "810 µs"}, DurationCase{17.004, "17.0 s"},
                      DurationCase{100.2, "100 s"}, DurationCase{0.0009997, "1.00 ms"},
                      DurationCase{1.2e-7, "120 ns"}, DurationCase{0, "0 s"},
                      DurationCase{-1, "—"}));

TEST(HumanSpan, MinutesAndHours) {
  EXPECT_EQ(human_span(3.25), "3.2 s");
  EXPECT_EQ(human_span(45), "45 s");
  EXPECT_EQ(human_span(125), "2 min 05 s");
  EXPECT_EQ(human_span(3720), "1 h 02 min");
}

TEST(HumanNumbers, RatesSharesScales) {
  EXPECT_EQ(human_rate(99.74), "99.7");
  EXPECT_EQ(human_rate(5.882), "5.88");
  EXPECT_EQ(human_rate(12345.6), "12346");
  EXPECT_EQ(human_rate(999'999.4), "999999");
  EXPECT_EQ(human_rate(9e6), "9.00 M");
  EXPECT_EQ(human_rate(12.34e6), "12.3 M");
  EXPECT_EQ(human_percent(0.372), "37%");
  EXPECT_EQ(human_percent(0.042), "4.2%");
  EXPECT_EQ(human_scale(0.05), "0.05");
}

TEST(HumanNumbers, CountsAndSignedPercentages) {
  EXPECT_EQ(human_count(6), "6");
  EXPECT_EQ(human_count(16.666), "16.7");
  EXPECT_EQ(human_count(1'234'567), "1.23 M");
  EXPECT_EQ(human_percent(-0.05), "-5.0%");
  EXPECT_EQ(human_signed_percent(0.05), "+5.0%");
  EXPECT_EQ(human_signed_percent(-0.05), "-5.0%");
  EXPECT_EQ(human_signed_percent(0), "0%");
  EXPECT_EQ(human_percent(0), "0%");
}

TEST(HumanBytes, BinaryUnitsWithThreeDigits) {
  EXPECT_EQ(human_bytes(0), "0 B");
  EXPECT_EQ(human_bytes(512), "512 B");
  EXPECT_EQ(human_bytes(1536), "1.50 KiB");
  EXPECT_EQ(human_bytes(13107200), "12.5 MiB");
  EXPECT_EQ(human_bytes(3.0 * (1ull << 30)), "3.00 GiB");
  EXPECT_EQ(human_bytes(-1), "—");
}

} // namespace
} // namespace conlab
