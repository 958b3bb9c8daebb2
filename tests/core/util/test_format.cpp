// Numbers as people read them: three significant digits, units chosen after rounding.
#include "core/util/format.h"
#include "core/util/shard.h"

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

namespace conlab {
namespace {

std::optional<std::int64_t> utc(const std::string &text, std::string *why = nullptr) {
  std::string error;
  const auto at = parse_utc_time(text, error);
  if (why)
    *why = error;
  return at;
}

constexpr std::int64_t kNoon = 1'796'644'800'000'000'000; // 2026-12-07T12:00:00Z

TEST(UtcTime, IsoTimesWithTheirZoneAndSecondsSince1970) {
  EXPECT_EQ(utc("2026-12-07T12:00:00Z"), kNoon);
  EXPECT_EQ(utc("2026-12-07T13:00:00+01:00"), kNoon);
  EXPECT_EQ(utc("2026-12-07T06:30:00-05:30"), kNoon);
  EXPECT_EQ(utc("2026-12-07T12:00:00.25Z"), kNoon + 250'000'000);
  EXPECT_EQ(utc("@1796644800"), kNoon);
  EXPECT_EQ(utc("@1796644800.5"), kNoon + 500'000'000);
  EXPECT_EQ(utc_time(kNoon + 250'000'000), "2026-12-07T12:00:00.250Z");
  EXPECT_EQ(utc(utc_time(kNoon + 7'000'000)), kNoon + 7'000'000);
}

TEST(UtcTime, ATimeWithoutItsZoneOrThatDoesNotExistIsRefused) {
  std::string why;
  EXPECT_FALSE(utc("2026-12-07T12:00:00", &why));
  EXPECT_NE(why.find("has no zone"), std::string::npos) << why;
  EXPECT_FALSE(utc("2026-02-30T12:00:00Z", &why));
  EXPECT_NE(why.find("not a date and time that exists"), std::string::npos) << why;
  EXPECT_FALSE(utc("2026-12-07T24:00:00Z", &why));
  EXPECT_FALSE(utc("2026-12-07 12:00:00Z", &why));
  EXPECT_NE(why.find("ISO 8601"), std::string::npos) << why;
  EXPECT_FALSE(utc("2026-12-07T12:00:00+1", &why));
  EXPECT_FALSE(utc("@", &why));
  EXPECT_FALSE(utc("@-5", &why));
  EXPECT_FALSE(utc("tomorrow", &why));
}

TEST(Shard, SharesAddUpToTheWhole) {
  for (const std::int64_t whole : {1, 7, 10, 1000, 1001})
    for (std::size_t n = 1; n <= 8; ++n) {
      std::int64_t sum = 0, lo = whole, hi = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t share = share_of(whole, Shard{i, n});
        sum += share;
        lo = std::min(lo, share);
        hi = std::max(hi, share);
      }
      EXPECT_EQ(sum, whole) << whole << " over " << n;
      EXPECT_LE(hi - lo, 1) << whole << " over " << n;
    }
  EXPECT_EQ(parse_shard("2/4"), (Shard{2, 4}));
  EXPECT_THROW(parse_shard("4/4"), std::invalid_argument);
  EXPECT_THROW(parse_shard("0/0"), std::invalid_argument);
}

} // namespace
} // namespace conlab
