// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Calls through a real HTTP proxy (tinyproxy, started by scripts/proxy on 127.0.0.1 for each
// test): the CONNECT tunnel, Basic proxy credentials, refusals, NO_PROXY, a proxy that dies
// mid-call, and the pool keeping a tunnel. TLS stays end to end with the mock.
#include "integration/mock_fixture.hpp"

#include <boost/url/parse.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace web = slack::web;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using namespace std::chrono_literals;

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A tinyproxy of its own in a scratch directory, stopped and removed with the object.
class tinyproxy {
public:
    explicit tinyproxy(const std::string& options = "")
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "slack-proxy-XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
        const std::string command = script() + " start " + dir_.string() + " " + options + " >/dev/null";
        BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
        url_ = read_text(dir_ / "url");
        while (!url_.empty() && url_.back() == '\n')
            url_.pop_back();
    }
    ~tinyproxy()
    {
        const std::string command = script() + " stop " + dir_.string();
        [[maybe_unused]] const int status = std::system(command.c_str());
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    tinyproxy(const tinyproxy&) = delete;
    tinyproxy& operator=(const tinyproxy&) = delete;

    /// e.g. "http://127.0.0.1:23456".
    const std::string& url() const { return url_; }
    /// The URL with credentials: "http://user:password@127.0.0.1:23456".
    std::string url_with(const std::string& credentials) const
    {
        return "http://" + credentials + "@" + url_.substr(7);
    }
    /// How many CONNECT requests its log shows.
    std::size_t connects() const
    {
        const std::string log = read_text(dir_ / "log");
        std::size_t count = 0;
        for (auto at = log.find("): CONNECT "); at != std::string::npos; at = log.find("): CONNECT ", at + 1))
            ++count;
        return count;
    }
    /// Stops it and waits until it is gone: its port then refuses connections.
    void stop()
    {
        const std::string command = script() + " stop " + dir_.string();
        BOOST_REQUIRE(std::system(command.c_str()) == 0);
    }
    /// Kills it at once, as a crash would (its tunnels close with it).
    void kill_now()
    {
        const pid_t pid = std::stoi(read_text(dir_ / "pid"));
        ::kill(pid, SIGKILL);
    }

private:
    static std::string script() { return std::string(SLACK_SOURCE_DIR) + "/scripts/proxy"; }
    std::filesystem::path dir_;
    std::string url_;
};

std::string port_of(const std::string& url) { return std::string(boost::urls::parse_uri(url)->port()); }

struct proxy_fixture : slack::test::mock_fixture {
    proxy_fixture() { options.retry = slack::retry_policy::none(); }

    access_result call(slack::diagnostics& diag, std::string code = "")
    {
        web::client client(ioc.get_executor(), tls, options);
        return access(client, params(code.empty() ? server.mint_code() : std::move(code)), diag);
    }
};

// The proxy's credentials: they must appear in nothing the caller sees.
constexpr std::string_view proxy_password = "pr0xy-s3cret";

void check_no_secret(const slack::diagnostics& diag, const access_result& r)
{
    BOOST_TEST(diag.client_message.find(proxy_password) == std::string::npos, diag.client_message);
    if (!r.has_value())
        BOOST_TEST(r.error().message().find(proxy_password) == std::string::npos);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(proxy, proxy_fixture)

BOOST_AUTO_TEST_CASE(a_call_goes_through_the_tunnel)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r) << " " << diag.client_message);
    BOOST_TEST(server.requests().size() == 1u);
    BOOST_TEST(proxy.connects() == 1u);
}

BOOST_AUTO_TEST_CASE(credentials_the_proxy_requires_are_sent)
{
    tinyproxy proxy("--auth alice:" + std::string(proxy_password));
    options.proxy = proxy.url_with("alice:" + std::string(proxy_password));
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r) << " " << diag.client_message);
    BOOST_TEST(server.requests().size() == 1u);
    BOOST_TEST(proxy.connects() == 1u);
}

BOOST_AUTO_TEST_CASE(missing_or_wrong_credentials_are_a_407_error)
{
    tinyproxy proxy("--auth alice:" + std::string(proxy_password));
    for (const std::string& url : {proxy.url(), proxy.url_with("alice:wrong-" + std::string(proxy_password))}) {
        options.proxy = url;
        std::vector<web::call_event> events;
        options.on_event = [&](const web::call_event& e) { events.push_back(e); };
        slack::diagnostics diag;
        const access_result r = call(diag);
        const bool with_credentials = url != proxy.url();
        BOOST_TEST_INFO_SCOPE((with_credentials ? "wrong credentials" : "no credentials"));
        BOOST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() == client_errc::proxy_authentication_required, describe(r));
        // tinyproxy answers 407 without credentials, 401 with wrong ones.
        BOOST_TEST(diag.client_message.find(with_credentials ? "401" : "407") != std::string::npos,
                   diag.client_message);
        check_no_secret(diag, r);
        for (const auto& e : events)
            BOOST_TEST(e.error != client_errc::outcome_unknown);
    }
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_refused_tunnel_names_the_status)
{
    tinyproxy proxy("--connect-port 9");  // the mock's port is not allowed
    options.proxy = proxy.url();
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::proxy_refused, describe(r));
    BOOST_TEST(diag.client_message.find("403") != std::string::npos, diag.client_message);
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_proxy_that_cannot_reach_slack_is_a_transient_proxy_error)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    options.api_url = "https://127.0.0.1:9/api/";  // nothing listens there: tinyproxy answers 500
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::proxy_failed, describe(r));
    BOOST_TEST((r.error() == slack::condition::transient), describe(r));
    BOOST_TEST(diag.client_message.find("500") != std::string::npos, diag.client_message);
}

BOOST_AUTO_TEST_CASE(an_unusable_api_url_is_not_blamed_on_the_proxy)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    options.api_url = "http://127.0.0.1:9/api/";  // plain http without allow_insecure_http
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::insecure_url, describe(r));
    BOOST_TEST(diag.client_message.find("proxy") == std::string::npos, diag.client_message);
}

BOOST_AUTO_TEST_CASE(an_unreachable_proxy_is_a_proxy_error)
{
    tinyproxy proxy;
    const std::string url = proxy.url();
    proxy.stop();  // its port now refuses connections
    options.proxy = url;
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::proxy_failed, describe(r));
    BOOST_TEST(diag.underlying == boost::asio::error::connection_refused, diag.underlying.message());
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_no_proxy_match_goes_direct)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    options.no_proxy = "example.org, 127.0.0.1:" + port_of(server.api_url());
    slack::diagnostics diag;
    const access_result r = call(diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(proxy.connects() == 0u);
    BOOST_TEST(server.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_proxy_dying_mid_call_loses_the_answer)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    web::client client(ioc.get_executor(), tls, options);
    std::optional<access_result> out;
    slack::diagnostics diag;
    web::oauth(client).access(params("mock-delay-3000"), diag, [&](access_result r) { out.emplace(std::move(r)); });
    run_until([&] { return server.requests().size() == 1u; });  // the mock holds its answer
    proxy.kill_now();
    run_until([&] { return out.has_value(); });
    BOOST_TEST(proxy.connects() == 1u);
    BOOST_REQUIRE(!out->has_value());
    // The request reached Slack: its fate is unknown, as with any connection lost mid-call.
    BOOST_TEST(out->error() == client_errc::outcome_unknown, describe(*out));
    BOOST_TEST(slack::test::is_peer_close(diag.underlying), diag.underlying.message());
}

BOOST_AUTO_TEST_CASE(the_pool_reuses_a_tunnel)
{
    tinyproxy proxy;
    options.proxy = proxy.url();
    web::client client(ioc.get_executor(), tls, options);
    for (int i = 0; i < 3; ++i) {
        slack::diagnostics diag;
        const access_result r = access(client, params(server.mint_code()), diag);
        BOOST_REQUIRE_MESSAGE(r.has_value(), "call " << i << ": " << describe(r));
    }
    const web::pool_stats s = client.stats();
    BOOST_TEST(s.connections_opened == 1u);
    BOOST_TEST(s.connections_reused == 2u);
    BOOST_TEST(proxy.connects() == 1u);
    BOOST_TEST(server.connections_accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(a_malformed_proxy_url_fails_the_first_call)
{
    options.proxy = "ftp://alice:" + std::string(proxy_password) + "@proxy:21";
    slack::diagnostics diag;
    access_result r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::unsupported_proxy_scheme, describe(r));
    check_no_secret(diag, r);
    options.proxy = "http://proxy:99999";
    r = call(diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error() == client_errc::invalid_proxy_url, describe(r));
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
