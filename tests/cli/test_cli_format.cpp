// The human forms the CLI prints: durations in three significant digits, UTF-8 display widths,
// word wrapping, and a table that stays aligned with µ, — and ⌈⌉ in its cells.
#include "cli_format.h"
#include "cli_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace conlab::cli {
namespace {

struct DurationCase {
  double seconds;
  const char *text;
};

class FormatDuration : public ::testing::TestWithParam<DurationCase> {};

TEST_P(FormatDuration, ThreeSignificantDigits) {
  EXPECT_EQ(format_duration(GetParam().seconds), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Values, FormatDuration,
    ::testing::Values(DurationCase{1.0, "1.00 s"}, DurationCase{0.0523, "52.3 ms"},
                      DurationCase{0.00081, "810 µs"}, DurationCase{17.004, "17.0 s"},
                      DurationCase{100.2, "100 s"}, DurationCase{0.0009997, "1.00 ms"},
                      DurationCase{1.2e-7, "120 ns"}, DurationCase{0, "0 s"},
                      DurationCase{-1, "—"}));

TEST(FormatSpan, MinutesAndHours) {
  EXPECT_EQ(format_span(3.25), "3.2 s");
  EXPECT_EQ(format_span(45), "45 s");
  EXPECT_EQ(format_span(125), "2 min 05 s");
  EXPECT_EQ(format_span(3720), "1 h 02 min");
}

TEST(FormatNumbers, RatesSharesScales) {
  EXPECT_EQ(format_rate(99.74), "99.7");
  EXPECT_EQ(format_rate(5.882), "5.88");
  EXPECT_EQ(format_rate(12345.6), "12346");
  EXPECT_EQ(format_share(0.372), "37%");
  EXPECT_EQ(format_share(0.042), "4.2%");
  EXPECT_EQ(format_scale(0.05), "0.05");
}

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(display_width("810 µs"), 6u);
  EXPECT_EQ(display_width("⌈100/6⌉ × 1 s"), 13u);
  EXPECT_EQ(display_width("—"), 1u);
  EXPECT_EQ(display_width("并发"), 4u);
  EXPECT_EQ(display_width("e\u0301"), 1u); // e + combining acute
  EXPECT_EQ(truncate_to_width("µµµµ", 2), "µµ");
  EXPECT_EQ(truncate_to_width("并发", 3), "并");
}

TEST(Wrap, BreaksBetweenWordsAndIndents) {
  const auto lines = wrap("the loop was blocked for 99% of the run", 16, 4, 4);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "the loop was");
  EXPECT_EQ(lines[1], "    blocked for");
  EXPECT_EQ(lines[2], "    99% of the");
  EXPECT_EQ(lines[3], "    run");
  EXPECT_EQ(wrap("unbreakable-word", 5).size(), 1u);
}

TEST(Table, AlignsCellsByDisplayWidth) {
  Table table;
  table.add_column("variant", Align::left);
  table.add_column("p99", Align::right);
  table.add_row({"/a", "810 µs"});
  table.add_row({"/b", "52.3 ms"});
  table.add_row({"/c", "—"});
  std::ostringstream out;
  table.print(out);
  EXPECT_EQ(out.str(), "variant      p99\n"
                       "───────  ───────\n"
                       "/a        810 µs\n"
                       "/b       52.3 ms\n"
                       "/c             —\n");
}

} // namespace
} // namespace conlab::cli
