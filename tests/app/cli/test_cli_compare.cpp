// conlab-cli compare as a CI job uses it: exit 0 when nothing regressed and every variant had the
// runs to tell, 1 when the chosen metric got worse beyond the threshold and the run-to-run
// noise, 2 when the files or arguments are bad, 3 when one run a side leaves the noise unknown.
#include "core/results/results_json.h"
#include "tests/app/cli/cli_fixture.h"
#include "tests/support/results_builder.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace conlab::test {
namespace {

// 100 tasks from 50 to 150 ms, scaled by `factor`, in `repeats` runs whose scale moves by ±1%
// from one to the next (runs are never identical on a real machine).
VariantResult variant(const std::string &label, double factor, int repeats = 1) {
  std::vector<RepeatResult> out;
  for (int r = 0; r < repeats; ++r)
    out.push_back(
        repeat_of(scaled(spread(100, 0.05, 0.15, 1 + r), factor * (1 + 0.01 * (r % 3 - 1))), r));
  return variant_of(label, std::move(out));
}

class CompareCli : public CliDirTest {
protected:
  std::string save(const std::string &name, const RunResults &results) {
    const std::string saved = path(name).string();
    save_results(results, saved);
    return saved;
  }
  ProcessResult compare(std::vector<std::string> args) {
    args.insert(args.begin(), "compare");
    return cli(args);
  }
};

TEST_F(CompareCli, IdenticalRunsWithRepeatsPass) {
  const std::string a = save("base line.json", run_of({variant("/a", 1, 3), variant("/b", 1, 3)}));
  const ProcessResult r = compare({a, a});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.err, "");
  for (const char *part : {"A (baseline) ", "B (candidate) ", "/a  thread_pool P=4", "latency p99",
                           "3 → 3 complete runs", "Welch t, 3+3 runs [", "within noise",
                           "gate: latency p99 (lower is better), threshold 5.0%",
                           "/a  ok: unchanged", "result: pass: no regression (exit 0)"})
    EXPECT_TRUE(contains(r.out, part)) << part << " missing from:\n" << r.out;
}

TEST_F(CompareCli, OneRunEachGivesNoVerdictExit3) {
  const std::string a = save("a.json", run_of({variant("/a", 1)}));
  const std::string b = save("b.json", run_of({variant("/a", 1.3)}));
  const ProcessResult r = compare({a, b});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  for (const char *part : {"1 run each: noise unknown — run with --repeats 5", "worse?",
                           "/a  no verdict: +30% worse, but 1 run each",
                           "result: not enough evidence", "(exit 3)", "--accept-single-runs"})
    EXPECT_TRUE(contains(r.out, part)) << part << " missing from:\n" << r.out;
  EXPECT_EQ(compare({a, a}).exit_code, 3) << "not even identical single runs pass";
  const ProcessResult accepted = compare({a, b, "--accept-single-runs"});
  EXPECT_EQ(accepted.exit_code, 1) << accepted.out;
  EXPECT_TRUE(contains(accepted.out, "and the threshold alone decides")) << accepted.out;
  EXPECT_EQ(compare({b, a, "--accept-single-runs"}).exit_code, 0);
}

TEST_F(CompareCli, ARegressionBeyondThresholdAndNoiseExits1) {
  const std::string a = save("a.json", run_of({variant("/a", 1, 3), variant("/b", 1, 3)}));
  const std::string b = save("b.json", run_of({variant("/a", 1, 3), variant("/b", 1.3, 3)}));
  const ProcessResult r = compare({a, b});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "/b  regressed: +30% worse, beyond the noise (Welch t 95% CI over "
                              "3 + 3 runs"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "/a  ok: ")) << r.out;
  EXPECT_TRUE(contains(r.out, "result: regressed (exit 1)")) << r.out;

  EXPECT_EQ(compare({a, b, "--threshold", "40%"}).exit_code, 0) << "within a 40% threshold";
  EXPECT_EQ(compare({a, b, "--threshold", "29"}).exit_code, 1) << "a bare number is a percentage";
  EXPECT_EQ(compare({b, a}).exit_code, 0) << "B faster than A is no regression";
  EXPECT_EQ(compare({"--baseline", a, b}).exit_code, 1);
  EXPECT_EQ(compare({a, b, "--metric", "makespan"}).exit_code, 1);
}

TEST_F(CompareCli, SeveralFilesASide) {
  std::vector<std::string> args;
  for (int r = 0; r < 3; ++r)
    args.push_back(save("a" + std::to_string(r) + ".json",
                        run_of({variant_of("/a", {variant("/a", 1, 3).repeats[r]})})));
  args.push_back("--");
  for (int r = 0; r < 3; ++r)
    args.push_back(save("b" + std::to_string(r) + ".json",
                        run_of({variant_of("/a", {variant("/a", 1.2, 3).repeats[r]})})));
  const ProcessResult r = compare(args);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "3 repeats in 3 files")) << r.out;
  EXPECT_TRUE(contains(r.out, "Welch t 95% CI over 3 + 3 runs")) << r.out;
  // The same with --baseline given for each of A's files.
  const ProcessResult with_option = compare({"--baseline", args[0], "--baseline", args[1],
                                             "--baseline", args[2], args[4], args[5], args[6]});
  EXPECT_EQ(with_option.exit_code, 1) << with_option.out << with_option.err;
}

TEST_F(CompareCli, MachinesOfDifferentKindsAreRefusedUnlessAllowed) {
  RunResults fast = run_of({variant("/a", 1, 3)});
  fast.environment.cores = 16;
  const std::string a = save("a.json", run_of({variant("/a", 1, 3)}));
  const std::string b = save("b.json", fast);
  const ProcessResult r = compare({a, b});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "different kinds of machine: cores 2 and 16")) << r.err;
  const ProcessResult allowed = compare({a, b, "--allow-mixed"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.out << allowed.err;
  EXPECT_TRUE(contains(allowed.out, "note: A and B ran on different kinds of machine"))
      << allowed.out;
}

TEST_F(CompareCli, StdinJsonAndPathsWithSpaces) {
  const std::string a = save("base line.json", run_of({variant("/a", 1)}));
  const std::string b = save("new run.json", run_of({variant("/a", 1.5)}));
  // '-' reads the candidate from stdin; --json - prints the comparison instead of the tables.
  const ProcessResult r = run_process(
      "/bin/sh", {"-c", std::string("\"$0\" compare \"$1\" - --json - < \"$2\""), CONLAB_CLI, a, b},
      m_dir);
  ASSERT_EQ(r.exit_code, 3) << r.out << r.err;
  const boost::json::value json = boost::json::parse(r.out);
  EXPECT_EQ(json.at("schema").as_string(), "conlab.compare/2");
  EXPECT_EQ(json.at("baseline").at("name").as_string(), a);
  EXPECT_EQ(json.at("candidate").at("name").as_string(), "stdin");
  EXPECT_EQ(json.at("gate").at("result").as_string(), "not_enough_evidence");

  const ProcessResult written = compare({a, b, "--json", "compare out.json"});
  EXPECT_EQ(written.exit_code, 3);
  EXPECT_TRUE(contains(written.out, "comparison written to compare out.json")) << written.out;
  const boost::json::value file = boost::json::parse(read_file(m_dir / "compare out.json"));
  EXPECT_EQ(file.at("variants").at(0).at("label").as_string(), "/a");
}

TEST_F(CompareCli, ZeroSamplesAndUnmatchedVariantsAreReportedNotFatal) {
  const std::string a =
      save("a.json", run_of({variant("/a", 1), variant("/gone", 1), variant("/empty", 1)}));
  const std::string b = save("b.json", run_of({variant("/a", 1), variant("/new", 1),
                                               variant_of("/empty", {empty_repeat(100)})}));
  const ProcessResult r = compare({a, b});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "not compared: only in A: /gone; only in B: /new")) << r.out;
  EXPECT_TRUE(contains(r.out, "/empty  not judged: not measured in B")) << r.out;
  EXPECT_TRUE(contains(r.out, "100 → 0 tasks finished")) << r.out;
}

struct BadCompare {
  const char *what;
  std::vector<std::string> args; // "{a}", "{cut}", "{newer}", "{other}": files the test writes
  const char *named;             // what the message must name
};

class CompareRefuses : public CompareCli, public ::testing::WithParamInterface<BadCompare> {};

TEST_P(CompareRefuses, WithExit2) {
  const RunResults run = run_of({variant("/a", 1)});
  const std::string a = save("a.json", run);
  std::string text = read_file(a);
  write_file(m_dir / "cut.json", text.substr(0, 777));
  const std::string schema = "\"conlab.results/1\"";
  text.replace(text.find(schema), schema.size(), "\"conlab.results/7\"");
  write_file(m_dir / "newer.json", text);
  save("other.json", run_of({variant("/z", 1)}));
  save("sweep.json", pool_sweep({1, 2}, 3));
  RunResults clients = pool_sweep({1, 2}, 3);
  clients.experiment.sweep->axes[0].parameter = SweepParameter::clients;
  save("clients.json", clients);
  std::vector<std::string> args;
  for (const std::string &arg : GetParam().args)
    args.push_back(
        arg.starts_with("{") ? (m_dir / (arg.substr(1, arg.size() - 2) + ".json")).string() : arg);
  const ProcessResult r = compare(args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(r.err.starts_with("error: ")) << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().named)) << "expected " << GetParam().named << " in\n"
                                                 << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, CompareRefuses,
    ::testing::Values(
        BadCompare{"truncated",
                   {"{a}", "{cut}"},
                   "cut.json: invalid JSON at line 1, column 778 "
                   "(byte 777): incomplete JSON"},
        BadCompare{"newer_schema",
                   {"{newer}", "{a}"},
                   "schema: conlab.results/7 is newer than this lab understands "
                   "(conlab.results/1)"},
        BadCompare{"missing_file", {"{a}", "no such.json"}, "cannot read no such.json"},
        BadCompare{"unknown_metric", {"{a}", "{a}", "--metric", "p98"}, "--metric p98"},
        BadCompare{"unjudgeable_metric", {"{a}", "{a}", "--metric", "cpu"}, "--metric cpu"},
        BadCompare{"bad_threshold", {"{a}", "{a}", "--threshold", "five"}, "--threshold five"},
        BadCompare{"negative_threshold", {"{a}", "{a}", "--threshold", "-5%"}, "--threshold -5%"},
        BadCompare{"one_file", {"{a}"}, "name two results files"},
        BadCompare{"three_files", {"{a}", "{a}", "{a}"}, "put '--' between"},
        BadCompare{"empty_side", {"{a}", "--"}, "after it"},
        BadCompare{"baseline_and_separator", {"--baseline", "{a}", "{a}", "--", "{a}"}, "not both"},
        BadCompare{"sweep_with_run", {"{a}", "{sweep}"}, "a.json is a single run and "},
        BadCompare{"sweeps_of_other_parameters", {"{sweep}", "{clients}"}, "sweeps P, "},
        BadCompare{"several_sweeps_a_side",
                   {"{sweep}", "{sweep}", "--", "{sweep}"},
                   "a sweep compares with one sweep"},
        BadCompare{"both_stdin", {"-", "-"}, "stdin"},
        BadCompare{"no_common_variant", {"{a}", "{other}"}, "(A has /a; B has /z)"},
        BadCompare{"unwritable_json", {"{a}", "{a}", "--json", "/no/such/dir/c.json"}, "--json"},
        BadCompare{"unknown_option", {"{a}", "{a}", "--colour"}, "--colour"}),
    [](const ::testing::TestParamInfo<BadCompare> &param) { return param.param.what; });

TEST_F(CompareCli, SweepsComparePointByPoint) {
  const std::string a = save("a.json", pool_sweep({1, 2, 4, 8}, 5));
  const ProcessResult same = compare({a, a});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  for (const char *part : {"a sweep", "latency p99 (lower is better) at each point", "P = 8",
                           "Welch t, 5+5 runs [", "Welch's t 98.75% interval", "(Bonferroni)",
                           "changed: latency p99: within the noise at all 4 points",
                           "every point and variant: ok", "result: pass: no regression (exit 0)"})
    EXPECT_TRUE(contains(same.out, part)) << part << " missing from:\n" << same.out;

  const std::string b =
      save("b.json", pool_sweep({1, 2, 4, 8}, 5, [](double p) { return p == 4 ? 1.5 : 1.0; }));
  const ProcessResult slower = compare({a, b, "--json", "c.json"});
  EXPECT_EQ(slower.exit_code, 1) << slower.out << slower.err;
  for (const char *part :
       {"changed: latency p99: worse beyond the noise at P = 4; within",
        "  P = 4 · pool: regressed: +50% worse, beyond the noise (Welch t 98.75%",
        "result: regressed (exit 1)"})
    EXPECT_TRUE(contains(slower.out, part)) << part << " missing from:\n" << slower.out;
  const boost::json::value json = boost::json::parse(read_file(path("c.json")));
  EXPECT_EQ(json.at("schema").as_string(), "conlab.sweep-compare/1");
  EXPECT_EQ(json.at("points").as_array().size(), 4u);

  EXPECT_EQ(compare({a, b, "--metric", "throughput"}).exit_code, 1) << "throughput fell at P = 4";
  EXPECT_EQ(compare({b, a}).exit_code, 0) << "faster at P = 4 is no regression";
  const std::string once = save("once.json", pool_sweep({1, 2, 4, 8}, 1));
  const ProcessResult single = compare({once, once});
  EXPECT_EQ(single.exit_code, 3) << single.out;
  EXPECT_TRUE(contains(single.out, "and 1 more without a verdict")) << single.out;
}

TEST_F(CompareCli, HelpListsEveryMetricAndTheExitCodes) {
  const ProcessResult r = compare({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char *part : {"Usage: conlab-cli compare", "Exit codes:", "--metric", "--threshold",
                           "--baseline", "--json", "makespan", "throughput  higher", "p99",
                           "queue-wait", "loop-lag", "Welch", "--accept-single-runs",
                           "--allow-mixed", "  3  not enough evidence", "A1.json A2.json ... --"})
    EXPECT_TRUE(contains(r.out, part)) << part << " missing from:\n" << r.out;
}

} // namespace
} // namespace conlab::test
