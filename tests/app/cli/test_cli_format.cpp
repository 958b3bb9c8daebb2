// What the CLI prints: UTF-8 display widths, word wrapping, and a table that stays aligned with
// µ, — and ⌈⌉ in its cells.
#include "app/cli/cli_format.h"
#include "app/cli/cli_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace conlab::cli {
namespace {

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
