// `conlab-cli report` from the shell: errors that name the file, field or argument at fault, and
// a clear refusal (of `chart` too) in a conlab-cli built without the desktop lab's chart code,
// as in the sanitizer presets. Reports that are written are checked in tests/ui/test_report.cpp.
#include "tests/app/cli/cli_fixture.h"

namespace conlab::test {
namespace {

namespace fs = std::filesystem;

class CliReport : public CliDirTest {
protected:
  std::string at(const std::string &name) const { return (m_dir / name).string(); }
};

#if CONLAB_CLI_HAS_CHARTS

TEST_F(CliReport, NamesTheResultsFileItCannotRead) {
  const ProcessResult r = cli({"report", at("none.json"), "--out", at("r.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "error: cannot read " + at("none.json"))) << r.err;
  EXPECT_FALSE(fs::exists(at("r.html")));
}

TEST_F(CliReport, SaysWhereAResultsFileIsNotJson) {
  file("corrupt.json", "{\"schema\": \"conlab.results/1\", ");
  const ProcessResult r = cli({"report", at("corrupt.json"), "--out", at("r.pdf")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, at("corrupt.json") + ": invalid JSON at line 1")) << r.err;
  EXPECT_FALSE(fs::exists(at("r.pdf")));
}

TEST_F(CliReport, NamesTheFieldsAResultsFileLacks) {
  file("empty.json", R"({"schema": "conlab.results/1"})");
  const ProcessResult r = cli({"report", at("empty.json"), "--out", at("r.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "is not a valid results file")) << r.err;
  EXPECT_TRUE(contains(r.err, at("empty.json") + ": variants: is required")) << r.err;
}

TEST_F(CliReport, TakesTheFormatFromTheOutSuffixOnly) {
  const ProcessResult r = cli({"report", at("r.json"), "--out", at("r.docx")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--out must end in .html or .pdf")) << r.err;
  EXPECT_TRUE(contains(r.err, "r.docx")) << r.err;
}

TEST_F(CliReport, NamesWhatIsMissingOrUnknown) {
  ProcessResult r = cli({"report", at("r.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "report needs --out REPORT.html or --out REPORT.pdf")) << r.err;
  r = cli({"report", "--out", at("r.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "report needs a results file")) << r.err;
  r = cli({"report", at("r.json"), "--out", at("r.html"), "--landscape"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "unknown option '--landscape' for report")) << r.err;
  r = cli({"report", at("r.json"), "--out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--out needs a value")) << r.err;
}

TEST_F(CliReport, HelpListsTheOptions) {
  for (const std::vector<std::string> &args :
       {std::vector<std::string>{"help", "report"}, {"report", "--help"}}) {
    const ProcessResult r = cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Usage: conlab-cli report RESULTS.json")) << r.out;
    EXPECT_TRUE(contains(r.out, "--title")) << r.out;
  }
  const ProcessResult r = cli({"help", "chart"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Usage: conlab-cli chart")) << r.out;
}

#else

TEST_F(CliReport, SaysItWasBuiltWithoutTheChartCode) {
  for (const std::string command : {"report", "chart"}) {
    file("r.json", "{}");
    const ProcessResult r = cli({command, at("r.json"), "--out", at("r.html")});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_TRUE(contains(r.err, "error: " + command + " draws with the desktop lab's chart code"))
        << r.err;
    EXPECT_TRUE(contains(r.err, "-DCONLAB_BUILD_UI=ON")) << r.err;
    EXPECT_FALSE(fs::exists(at("r.html")));
  }
}

#endif

} // namespace
} // namespace conlab::test
