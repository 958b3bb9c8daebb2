// What HTTP mode reads from people: URLs, listen addresses, durations, headers, experiment
// targets, and the results file's errors block.
#include "core/experiment/spec_json.h"
#include "core/http/server_target.h"
#include "core/http/url.h"
#include "core/results/results_json.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace conlab {
namespace {

struct UrlCase {
  const char *text;
  const char *host; // nullptr: must be refused
  int port;
  const char *target;
  const char *error_part;
};

class UrlParse : public testing::TestWithParam<UrlCase> {};

TEST_P(UrlParse, AcceptsOrExplains) {
  const UrlCase &c = GetParam();
  std::string error;
  const auto url = http::parse_url(c.text, error);
  if (!c.host) {
    ASSERT_FALSE(url) << c.text;
    EXPECT_NE(error.find(c.error_part), std::string::npos) << error;
    return;
  }
  ASSERT_TRUE(url) << error;
  EXPECT_EQ(url->host, c.host);
  EXPECT_EQ(url->port, c.port);
  EXPECT_EQ(url->target, c.target);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UrlParse,
    testing::Values(UrlCase{"http://127.0.0.1:8000/a", "127.0.0.1", 8000, "/a", ""},
                    UrlCase{"http://localhost", "localhost", 80, "/", ""},
                    UrlCase{"HTTP://h:1/x?y=1#frag", "h", 1, "/x?y=1", ""},
                    UrlCase{"http://h?q", "h", 80, "/?q", ""},
                    UrlCase{"http://[::1]:9/p", "::1", 9, "/p", ""},
                    UrlCase{"https://example.com/", nullptr, 0, "", "https is not supported"},
                    UrlCase{"ftp://h/", nullptr, 0, "", "scheme 'ftp'"},
                    UrlCase{"127.0.0.1:8000/a", nullptr, 0, "", "no scheme"},
                    UrlCase{"http://:80/", nullptr, 0, "", "no host"},
                    UrlCase{"http://h:99999/", nullptr, 0, "", "out of range"},
                    UrlCase{"http://h:0/", nullptr, 0, "", "out of range"},
                    UrlCase{"http://h:x/", nullptr, 0, "", "not a number"},
                    UrlCase{"http://h:/", nullptr, 0, "", "without a port"},
                    UrlCase{"http://u@h/", nullptr, 0, "", "user information"},
                    UrlCase{"http://h/a b", nullptr, 0, "", "spaces"},
                    UrlCase{"", nullptr, 0, "", "empty"}));

TEST(HttpText, Durations) {
  std::string error;
  EXPECT_EQ(http::parse_duration_s("10", error), 10.0);
  EXPECT_EQ(http::parse_duration_s("10s", error), 10.0);
  EXPECT_EQ(http::parse_duration_s("500ms", error), 0.5);
  EXPECT_EQ(http::parse_duration_s("2m", error), 120.0);
  EXPECT_FALSE(http::parse_duration_s("0", error));
  EXPECT_NE(error.find("> 0"), std::string::npos);
  EXPECT_FALSE(http::parse_duration_s("10 parsecs", error));
  EXPECT_FALSE(http::parse_duration_s("", error));
}

TEST(HttpText, HeadersAndListen) {
  std::string error;
  const auto h = http::parse_header_line("X-Test:  v 1 ", error);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->name, "X-Test");
  EXPECT_EQ(h->value, "v 1");
  EXPECT_FALSE(http::parse_header_line("no colon", error));
  EXPECT_FALSE(http::parse_header_line("Bad Name: x", error));
  const auto l = http::parse_listen("0.0.0.0:9000", error);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->address, "0.0.0.0");
  EXPECT_EQ(l->port, 9000);
  EXPECT_EQ(http::parse_listen(":0", error)->address, "127.0.0.1");
  EXPECT_FALSE(http::parse_listen("h:70000", error));
}

TEST(HttpText, EndpointPaths) {
  EXPECT_EQ(http::endpoint_path("/a"), "/a");
  EXPECT_EQ(http::endpoint_path("/api/v1"), "/api/v1");
  EXPECT_EQ(http::endpoint_path("Thread pool (40)"), "/thread-pool-40");
  EXPECT_EQ(http::endpoint_path("/"), "/variant");
  EXPECT_EQ(http::endpoint_path("事件"), "/variant");
}

std::string experiment_with_target(const std::string &target) {
  return R"({"schema":"conlab.experiment/1","name":"t","load":{"kind":"closed","tasks":2},
    "variants":[{"label":"/a","model":"event_loop","steps":[{"kind":"io","ms":1}],
    "target":)" + target + "}]}";
}

TEST(HttpSpec, TargetsRoundTrip) {
  for (const char *target : {R"("embedded")", R"({"url":"http://127.0.0.1:8000/a"})"}) {
    const Experiment e = parse_experiment_text(experiment_with_target(target), 2);
    ASSERT_TRUE(e.variants[0].target);
    const Experiment back = parse_experiment_text(to_json_text(e), 2);
    ASSERT_TRUE(back.variants[0].target);
    EXPECT_EQ(back.variants[0].target->embedded, e.variants[0].target->embedded);
    EXPECT_EQ(back.variants[0].target->url, e.variants[0].target->url);
  }
}

TEST(HttpSpec, BadTargetsNameTheirField) {
  const auto first_error = [](const std::string &target) {
    try {
      parse_experiment_text(experiment_with_target(target), 2);
    } catch (const SpecError &e) {
      return e.errors().front();
    }
    return FieldError{"", "accepted"};
  };
  EXPECT_EQ(first_error(R"("elsewhere")").path, "variants[0].target");
  const FieldError https = first_error(R"({"url":"https://h/"})");
  EXPECT_EQ(https.path, "variants[0].target.url");
  EXPECT_NE(https.message.find("https is not supported"), std::string::npos);
  EXPECT_EQ(first_error(R"({"ur":"http://h/"})").path, "variants[0].target.url");
}

TEST(HttpResults, ErrorsBlockRoundTrips) {
  RunResults r;
  r.experiment = parse_experiment_text(experiment_with_target(R"("embedded")"), 2);
  VariantResult v;
  v.label = "/a";
  v.model = "event_loop";
  RepeatResult repeat;
  repeat.http_errors = HttpErrors{.refused = 1, .reset = 2, .timeout = 3, .other = 4,
                                  .status = {{404, 5}, {503, 6}}};
  v.repeats.push_back(repeat);
  v.repeats.push_back(RepeatResult{}); // in-process repeats have none
  r.variants.push_back(v);
  const RunResults back = results_from_json(to_json(r));
  ASSERT_TRUE(back.variants[0].repeats[0].http_errors);
  const HttpErrors &e = *back.variants[0].repeats[0].http_errors;
  EXPECT_EQ(e.refused, 1u);
  EXPECT_EQ(e.reset, 2u);
  EXPECT_EQ(e.timeout, 3u);
  EXPECT_EQ(e.other, 4u);
  EXPECT_EQ(e.status.at(404), 5u);
  EXPECT_EQ(e.status.at(503), 6u);
  EXPECT_EQ(e.total(), 21u);
  EXPECT_FALSE(back.variants[0].repeats[1].http_errors);
}

// --target: each variant to the base URL + its label, a base path kept as a prefix, the time
// scale set to 1 and reported; labels that are not paths named by their field.
TEST(HttpServerTarget, AimsEveryVariantAtItsLabel) {
  Experiment e;
  e.time_scale = 0.05;
  e.variants.resize(2);
  e.variants[0].label = "/a";
  e.variants[1].label = "/b?x=1";
  double scaled_from = 0;
  const std::vector<FieldError> errors =
      http::aim_at_server(e, "http://127.0.0.1:8000/api/", scaled_from);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "variants[1].label") << "a query is not a path";
  EXPECT_FALSE(e.variants[1].target);
  EXPECT_EQ(e.variants[0].target->url, "http://127.0.0.1:8000/api/a");
  EXPECT_EQ(e.time_scale, 1);
  EXPECT_EQ(scaled_from, 0.05);
  e.variants[1].label = "/b";
  EXPECT_TRUE(http::aim_at_server(e, "http://127.0.0.1:8000", scaled_from).empty());
  EXPECT_EQ(e.variants[1].target->url, "http://127.0.0.1:8000/b");
  EXPECT_EQ(scaled_from, 1) << "already at full scale";
  EXPECT_EQ(http::aim_at_server(e, "https://x", scaled_from).at(0).path, "--target");
}

} // namespace
} // namespace conlab
