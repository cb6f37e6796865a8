// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Proxy URL parsing and NO_PROXY matching (curl's rules), without sockets.
#include "web/proxy.hpp"

#include "crypto/base64.hpp"
#include "printing.hpp"

#include <slack/client_errc.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace {

using boost::system::error_code;
using slack::client_errc;
using slack::web::detail::choose_proxy;
using slack::web::detail::no_proxy_matches;
using slack::web::detail::parse_proxy_url;

// Sets an environment variable for the test's duration.
struct scoped_env {
    scoped_env(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
    explicit scoped_env(const char* name) : name_(name) { ::unsetenv(name); }  // absent while it lives
    ~scoped_env() { ::unsetenv(name_); }
    const char* name_;
};

slack::web::detail::api_endpoint slack_endpoint()
{
    slack::web::detail::api_endpoint target;
    target.tls = true;
    target.host = "slack.com";
    target.port = "443";
    return target;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proxy)

BOOST_AUTO_TEST_CASE(parses_host_port_and_credentials)
{
    error_code ec;
    auto route = parse_proxy_url("http://al%40ice:p%3Ass@proxy.corp:3128/", ec);
    BOOST_TEST(!ec);
    BOOST_TEST(route.endpoint.host == "proxy.corp");
    BOOST_TEST(route.endpoint.port == "3128");
    BOOST_TEST(!route.endpoint.tls);
    BOOST_TEST(route.authorization == "Basic " + slack::crypto::base64("al@ice:p:ss"));  // percent-decoded

    route = parse_proxy_url("proxy.corp:8080", ec);  // no scheme: http, as in many HTTPS_PROXY values
    BOOST_TEST(!ec);
    BOOST_TEST(route.endpoint.port == "8080");
    BOOST_TEST(route.authorization.empty());

    route = parse_proxy_url("http://[::1]", ec);  // no port: curl's 1080
    BOOST_TEST(!ec);
    BOOST_TEST(route.endpoint.host == "::1");
    BOOST_TEST(route.endpoint.port == "1080");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_urls_and_other_schemes)
{
    for (const char* bad : {"http://", "http://proxy:99999", "http://proxy:0", "http://proxy:3128/path",
                            "http://proxy:3128/?q", "http://a%3Ab:c@proxy:1", "http://pro xy:1", "::"}) {
        error_code ec;
        parse_proxy_url(bad, ec);
        BOOST_TEST(ec == client_errc::invalid_proxy_url, bad << ": " << ec.message());
    }
    for (const char* other : {"https://proxy:443", "socks5://proxy:1080", "socks5h://u:p@proxy:1080"}) {
        error_code ec;
        parse_proxy_url(other, ec);
        BOOST_TEST(ec == client_errc::unsupported_proxy_scheme, other << ": " << ec.message());
    }
}

BOOST_AUTO_TEST_CASE(no_proxy_follows_curls_rules)
{
    BOOST_TEST(no_proxy_matches("*", "slack.com", "443"));
    BOOST_TEST(no_proxy_matches("slack.com", "slack.com", "443"));
    BOOST_TEST(no_proxy_matches("slack.com", "API.Slack.com", "443"));   // subdomain, any case
    BOOST_TEST(no_proxy_matches(".slack.com", "api.slack.com", "443"));  // leading dot
    BOOST_TEST(no_proxy_matches(".slack.com", "slack.com", "443"));
    BOOST_TEST(!no_proxy_matches("slack.com", "notslack.com", "443"));  // a label boundary only
    BOOST_TEST(!no_proxy_matches("lack.com", "slack.com", "443"));
    BOOST_TEST(no_proxy_matches("example.org, slack.com ,x", "slack.com", "443"));  // list, spaces
    BOOST_TEST(no_proxy_matches("slack.com:443", "slack.com", "443"));
    BOOST_TEST(!no_proxy_matches("slack.com:8443", "slack.com", "443"));  // another port
    BOOST_TEST(no_proxy_matches("127.0.0.1", "127.0.0.1", "5000"));
    BOOST_TEST(!no_proxy_matches("0.0.1", "127.0.0.1", "5000"));  // addresses: exact, never a suffix
    BOOST_TEST(!no_proxy_matches("127.0.0.1:80", "127.0.0.1", "5000"));
    BOOST_TEST(no_proxy_matches("::1", "::1", "443"));
    BOOST_TEST(no_proxy_matches("[::1]:443", "0:0::1", "443"));
    BOOST_TEST(!no_proxy_matches("", "slack.com", "443"));
    BOOST_TEST(!no_proxy_matches(",,", "slack.com", "443"));
    BOOST_TEST(!no_proxy_matches("*.slack.com", "api.slack.com", "443"));  // not a pattern: curl takes it literally
}

BOOST_AUTO_TEST_CASE(environment_is_read_only_when_asked)
{
    // The machine's own lower-case settings would win over these: none while the test runs.
    const scoped_env no_lower_proxy("https_proxy"), no_lower_exclusions("no_proxy");
    const scoped_env proxy_variable("HTTPS_PROXY", "http://u:secret@proxy.corp:3128");
    const scoped_env exclusions("NO_PROXY", "internal.corp");
    slack::web::client_options options;
    error_code ec;
    const char* problem = nullptr;
    BOOST_TEST(!choose_proxy(options, slack_endpoint(), ec, problem).has_value());  // not opted in
    options.proxy_from_environment = true;
    auto route = choose_proxy(options, slack_endpoint(), ec, problem);
    BOOST_TEST_REQUIRE(route.has_value());
    BOOST_TEST(route->endpoint.host == "proxy.corp");
    BOOST_TEST(!route->authorization.empty());

    const scoped_env bypass("no_proxy", ".slack.com");  // lower case first, as curl
    BOOST_TEST(!choose_proxy(options, slack_endpoint(), ec, problem).has_value());
    options.no_proxy = "internal.corp";  // the option replaces the environment's list
    BOOST_TEST(choose_proxy(options, slack_endpoint(), ec, problem).has_value());
}

BOOST_AUTO_TEST_CASE(a_bad_url_is_named_without_quoting_it)
{
    slack::web::client_options options;
    options.proxy = "socks5://user:hunter2@proxy:1080";
    error_code ec;
    const char* problem = nullptr;
    BOOST_TEST(!choose_proxy(options, slack_endpoint(), ec, problem).has_value());
    BOOST_TEST(ec == client_errc::unsupported_proxy_scheme);
    BOOST_TEST_REQUIRE(problem != nullptr);
    BOOST_TEST(std::string(problem).find("hunter2") == std::string::npos);
    BOOST_TEST(ec.message().find("hunter2") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
