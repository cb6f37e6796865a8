// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.access end to end: the client against the mock Slack server over TLS on 127.0.0.1.
#include "integration/mock_fixture.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace slack::test;
namespace web = slack::web;
using slack::api_errc;
using slack::client_errc;

BOOST_FIXTURE_TEST_SUITE(oauth_access, mock_fixture)

BOOST_AUTO_TEST_CASE(success_maps_every_documented_field)
{
    slack::diagnostics diag;
    const std::string code = server.mint_code();
    access_result r = access(params(code), diag);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->access_token() == "xoxp-XXXXXXXX-XXXXXXXX-XXXXX");
    BOOST_TEST(r->scope() == "incoming-webhook,commands,bot");
    BOOST_TEST((r->scopes() == std::vector<std::string_view>{"incoming-webhook", "commands", "bot"}));
    BOOST_TEST(r->team_name() == "Team Installing Your Hook");
    BOOST_TEST(r->team_id() == "TXXXXXXXXX");
    BOOST_TEST(r->user_id() == "UXXXXXXXXX");
    BOOST_TEST(r->enterprise_id().value() == "EXXXXXXXXX");
    BOOST_REQUIRE(r->webhook().has_value());
    BOOST_TEST(r->webhook()->url == "https://hooks.slack.com/TXXXXX/BXXXXX/XXXXXXXXXX");
    BOOST_TEST(r->webhook()->channel == "#channel-it-will-post-to");
    BOOST_TEST(r->webhook()->channel_id == "C05002EAE");
    BOOST_TEST(r->webhook()->configuration_url == "https://teamname.slack.com/services/BXXXXX");
    BOOST_REQUIRE(r->bot().has_value());
    BOOST_TEST(r->bot()->bot_user_id == "UTTTTTTTTTTR");
    BOOST_TEST(r->bot()->bot_access_token == "xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT");
    BOOST_TEST(r->raw().contains("is_future_field"));  // unknown fields are kept, not rejected

    // The fields are views into text the response owns: a move keeps them, a copy has its own.
    const std::string_view token = r->access_token();
    web::access_response moved = std::move(*r);
    BOOST_TEST(static_cast<const void*>(moved.access_token().data()) == static_cast<const void*>(token.data()));
    const web::access_response copy = moved;
    BOOST_TEST(copy.access_token() == token);
    BOOST_TEST(copy.webhook()->channel_id == "C05002EAE");
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(diag.http_status == 200u);
    BOOST_TEST(server.exchanges(code) == 1u);
}

BOOST_AUTO_TEST_CASE(a_chunked_body_is_read_whole)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-chunked-1"), diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(r->access_token() == "xoxp-XXXXXXXX-XXXXXXXX-XXXXX");
    BOOST_TEST(r->bot()->bot_access_token == "xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT");
}

BOOST_AUTO_TEST_CASE(success_with_null_and_absent_optionals)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-payload-minimal"), diag);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->access_token() == "xoxp-XXXXXXXX-XXXXXXXX-XXXXX");
    BOOST_TEST(!r->enterprise_id().has_value());  // null
    BOOST_TEST(!r->webhook().has_value());        // absent
    BOOST_TEST(!r->bot().has_value());
    BOOST_TEST(r->user_id().empty());
    BOOST_TEST((r->scopes() == std::vector<std::string_view>{"groups:write"}));
}

BOOST_AUTO_TEST_CASE(success_with_workspace_app_fields_kept_raw)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-payload-workspace"), diag);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(r->access_token() == "xoxa-access-token-string");
    BOOST_TEST(r->team_id() == "T061EG9R6");
    BOOST_TEST(r->raw().at("token_type").as_string() == "app");
    BOOST_TEST(r->raw().at("scopes").as_object().at("channel").as_array().size() == 3u);
}

BOOST_AUTO_TEST_CASE(escaped_strings_are_unescaped_and_dotted_keys_stay_top_level)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-payload-escaped"), diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(r->access_token() == "xoxp-1-2");
    BOOST_TEST(r->team_name() == "Caf\xc3\xa9 \"T\"");
    BOOST_TEST((r->scopes() == std::vector<std::string_view>{"bot", "commands"}));
    BOOST_REQUIRE(r->webhook().has_value());
    BOOST_TEST(r->webhook()->url == "https://hooks.slack.com/T1/B1/X");  // not the "incoming_webhook.url" key
    BOOST_TEST(!r->bot().has_value());                                   // "bot.bot_access_token" is not a bot
    BOOST_TEST(r->raw().contains("bot.bot_access_token"));
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_keeps_its_last_value_and_copies_stay_valid_when_moved)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-payload-repeated"), diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(!r->bot().has_value());  // "bot": {...}, then "bot": null
    BOOST_TEST(r->team_id().empty());   // "T1", then null
    BOOST_TEST(r->team_name() == "N");  // 7 (wrong type), then "N"
    // The token had an escape, so it lives in the response's own short text: a copy's views
    // must survive a move too (no small-string storage).
    web::access_response copy = *r;
    const std::string_view token = copy.access_token();
    BOOST_TEST(token == "x1");
    web::access_response moved = std::move(copy);
    BOOST_TEST(static_cast<const void*>(moved.access_token().data()) == static_cast<const void*>(token.data()));
    BOOST_TEST(token == "x1");
}

BOOST_AUTO_TEST_CASE(a_string_that_is_not_utf8_passes_through)
{
    // Not a reason to fail a call whose code Slack has spent by now.
    slack::diagnostics diag;
    access_result r = access(params("mock-payload-latin1"), diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(r->team_name() == "Caf\xe9");
    BOOST_TEST(r->raw().at("team_id").as_string() == "T1");
}

// The 39 errors of the seed (SlackKit's Slack.Web.Oauth.access).
const char* const seed_errors[] = {"token_revoked",
                                   "invalid_arg_name",
                                   "two_factor_setup_required",
                                   "invalid_form_data",
                                   "invalid_post_type",
                                   "fatal_error",
                                   "deprecated_endpoint",
                                   "invalid_client_id",
                                   "oauth_authorization_url_mismatch",
                                   "ratelimited",
                                   "ekm_access_denied",
                                   "service_unavailable",
                                   "team_access_not_granted",
                                   "missing_resource",
                                   "user_email_unverified",
                                   "bad_client_secret",
                                   "invalid_arguments",
                                   "invalid_array_arg",
                                   "request_timeout",
                                   "account_inactive",
                                   "bad_redirect_uri",
                                   "not_authed",
                                   "internal_error",
                                   "enterprise_is_restricted",
                                   "no_permission",
                                   "access_denied",
                                   "team_added_to_org",
                                   "missing_scope",
                                   "missing_post_type",
                                   "accesslimited",
                                   "invalid_token",
                                   "token_expired",
                                   "invalid_code",
                                   "invalid_charset",
                                   "method_deprecated",
                                   "not_allowed_token_type",
                                   "org_login_required",
                                   "invalid_auth",
                                   "code_already_used"};

BOOST_AUTO_TEST_CASE(each_seed_error_reaches_the_caller_as_its_enumerator)
{
    options.retry = slack::retry_policy::none();  // ratelimited etc. arrive as they are
    web::client client(ioc.get_executor(), tls, options);
    BOOST_TEST(std::size(seed_errors) == 39u);
    for (const char* name : seed_errors) {
        BOOST_TEST_CONTEXT("error " << name)
        {
            slack::diagnostics diag;
            access_result r = access(client, params(std::string("mock-error-") + name), diag);
            BOOST_REQUIRE(r.has_error());
            boost::system::error_code slack_error = r.error();
            if (slack_error == slack::condition::outcome_unknown) {
                // fatal_error, internal_error: Slack says part of the exchange may have happened, so
                // the caller is told the outcome is unknown; Slack's error is kept in diagnostics.
                BOOST_TEST((r.error() == client_errc::outcome_unknown));
                slack_error = diag.underlying;
            }
            BOOST_TEST((slack_error.category() == slack::api_category()));
            BOOST_TEST(slack_error.value() != static_cast<int>(api_errc::unknown_error));
            BOOST_TEST((slack_error == slack::from_string(name)));
            BOOST_TEST(slack::to_string(static_cast<api_errc>(slack_error.value())) == name);
            BOOST_TEST(diag.error == name);
            BOOST_TEST(slack_error.message() != name);  // seed errors have a description of their own
        }
    }
    BOOST_TEST(server.connections_accepted() == 1u);  // keep-alive across all of them
}

BOOST_AUTO_TEST_CASE(an_unknown_error_string_keeps_its_raw_text)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-error-quantum_flux_misaligned"), diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == api_errc::unknown_error));
    BOOST_TEST(diag.error == "quantum_flux_misaligned");
}

BOOST_AUTO_TEST_CASE(slack_rules_on_credentials_codes_and_redirects)
{
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;

    auto wrong_id = params(server.mint_code());
    wrong_id.client_id = "999.999";
    BOOST_TEST((access(client, wrong_id, diag).error() == api_errc::invalid_client_id));

    auto wrong_secret = params(server.mint_code());
    wrong_secret.client_secret = "not-the-secret";
    BOOST_TEST((access(client, wrong_secret, diag).error() == api_errc::bad_client_secret));

    BOOST_TEST((access(client, params("4724469134.never-minted"), diag).error() == api_errc::invalid_code));

    auto redirect = params(server.mint_code("https://example.com/callback"));
    redirect.redirect_uri = "https://example.com/elsewhere";
    BOOST_TEST((access(client, redirect, diag).error() == api_errc::bad_redirect_uri));

    auto once = params(server.mint_code());
    BOOST_TEST(access(client, once, diag).has_value());
    access_result twice = access(client, once, diag);
    BOOST_TEST((twice.error() == api_errc::code_already_used));
    BOOST_TEST((twice.error() == slack::condition::invalid_request));
}

BOOST_AUTO_TEST_CASE(codes_expire)
{
    slack::mock::server_options short_lived;
    short_lived.code_lifetime = std::chrono::seconds(0);
    mock_fixture fx(short_lived);
    const std::string code = fx.server.mint_code();
    asio::steady_timer pause(fx.ioc, 20ms);
    bool paused = false;
    pause.async_wait([&](auto) { paused = true; });
    fx.run_until([&] { return paused; }, 2s);
    slack::diagnostics diag;
    BOOST_TEST((fx.access(fx.params(code), diag).error() == api_errc::invalid_code));
}

BOOST_AUTO_TEST_CASE(basic_auth_by_default_and_no_secret_in_the_body)
{
    slack::diagnostics diag;
    const std::string code = server.mint_code();
    BOOST_REQUIRE(access(params(code), diag).has_value());
    const auto recorded = server.requests();
    BOOST_REQUIRE(recorded.size() == 1u);
    BOOST_TEST(recorded[0].method == "POST");
    BOOST_TEST(recorded[0].target == "/api/oauth.access");
    BOOST_TEST(recorded[0].content_type == "application/x-www-form-urlencoded");
    BOOST_TEST(recorded[0].authorization.rfind("Basic ", 0) == 0u);
    BOOST_TEST(recorded[0].body.find(server.options().client_secret) == std::string::npos);
    BOOST_TEST(recorded[0].body.find("client_secret") == std::string::npos);
    BOOST_TEST(recorded[0].body.find("client_id") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(credentials_and_body_length_can_change_on_a_kept_alive_connection)
{
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    auto wrong = params(server.mint_code());
    wrong.client_secret = "not-the-secret";
    BOOST_TEST((access(client, wrong, diag).error() == slack::api_errc::bad_client_secret));
    auto longer = params(server.mint_code("https://example.com/slack/callback"));
    longer.redirect_uri = "https://example.com/slack/callback";  // a longer body: another Content-Length
    access_result r = access(client, longer, diag);
    BOOST_TEST(r.has_value(), describe(r));
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    const auto recorded = server.requests();
    BOOST_REQUIRE(recorded.size() == 4u);
    BOOST_TEST(recorded[0].authorization == recorded[3].authorization);
    BOOST_TEST(recorded[1].authorization != recorded[0].authorization);
    for (const auto& r : recorded)
        BOOST_TEST(r.connection == 1u);  // one kept-alive connection throughout
}

BOOST_AUTO_TEST_CASE(form_credentials_when_asked)
{
    options.credentials = web::credentials_in::form;
    slack::diagnostics diag;
    BOOST_REQUIRE(access(params(server.mint_code()), diag).has_value());
    const auto recorded = server.requests();
    BOOST_REQUIRE(recorded.size() == 1u);
    BOOST_TEST(recorded[0].authorization.empty());
    BOOST_TEST(recorded[0].body.find("client_id=") != std::string::npos);
    BOOST_TEST(recorded[0].body.find("client_secret=") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(form_encoding_survives_the_round_trip)
{
    // Credentials and redirect URI full of characters that form encoding must escape.
    slack::mock::server_options tricky;
    tricky.client_id = "12+34 56";
    tricky.client_secret = "s3cr&t=50%+ü";
    for (auto credentials : {web::credentials_in::basic_auth, web::credentials_in::form}) {
        mock_fixture fx(tricky);
        fx.options.credentials = credentials;
        const std::string redirect = "https://example.com/cb?a=1&b=2+3 %41 é✓";
        auto p = fx.params(fx.server.mint_code(redirect));
        p.redirect_uri = redirect;
        p.single_channel = true;
        slack::diagnostics diag;
        access_result r = fx.access(p, diag);
        BOOST_TEST(r.has_value(), "credentials mode " << int(credentials) << ": " << r.error().message());
        const auto recorded = fx.server.requests();
        BOOST_REQUIRE(recorded.size() == 1u);
        BOOST_TEST(recorded[0].code == p.code);
        BOOST_TEST(recorded[0].body.find("single_channel=true") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(warnings_are_surfaced)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-warning-superfluous_charset"), diag);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(diag.warning == "superfluous_charset");
    BOOST_TEST(diag.warnings.at(0) == "superfluous_charset");
    BOOST_TEST(diag.messages.size() == 1u);
    BOOST_TEST(r->warnings().size() == 2u);  // the top-level warning and response_metadata's
}

BOOST_AUTO_TEST_CASE(missing_scope_reports_needed_and_provided)
{
    slack::diagnostics diag;
    access_result r = access(params("mock-error-missing_scope"), diag);
    BOOST_TEST((r.error() == api_errc::missing_scope));
    BOOST_TEST(diag.needed == "channels:read");
    BOOST_TEST(diag.provided == "identify,bot");
}

// A 2xx means Slack processed the request (spent the code): a body that cannot be used says so
// through outcome_unknown, the precise problem in diagnostics::underlying. Never retried.
BOOST_AUTO_TEST_CASE(unusable_success_bodies_say_the_code_is_spent)
{
    options.retry = slack::retry_policy::standard();
    web::client client(ioc.get_executor(), tls, options);
    const std::pair<const char*, client_errc> cases[] = {
        {"mock-malformed", client_errc::invalid_json},           {"mock-html", client_errc::invalid_json},
        {"mock-wrongtype", client_errc::unexpected_shape},       {"mock-notobject", client_errc::unexpected_shape},
        {"mock-oversized-2000000", client_errc::body_too_large},
    };
    for (const auto& [code, precise] : cases) {
        BOOST_TEST_CONTEXT(code)
        {
            slack::diagnostics diag;
            access_result r = access(client, params(code), diag);
            BOOST_REQUIRE(r.has_error());
            BOOST_TEST((r.error() == slack::condition::outcome_unknown));
            BOOST_TEST((diag.underlying == precise));
            BOOST_TEST(diag.attempts == 1u);
            BOOST_TEST(server.exchanges(code) == 1u);
            BOOST_TEST(!diag.client_message.empty());
        }
    }
    slack::diagnostics diag;
    BOOST_TEST((access(client, params("mock-wrongtype"), diag).error() == client_errc::outcome_unknown));
    BOOST_TEST(diag.client_message ==
               "oauth.access answered ok with a field of an unexpected type: access_token; the code is spent");
}

BOOST_AUTO_TEST_CASE(an_error_status_without_a_slack_body_is_http_status)
{
    options.retry = slack::retry_policy::none();
    slack::diagnostics diag;
    BOOST_TEST((access(params("mock-status-503-9"), diag).error() == client_errc::http_status));
    BOOST_TEST(diag.http_status == 503u);
}

BOOST_AUTO_TEST_CASE(body_limit_is_configurable)
{
    options.max_body_bytes = 100;
    slack::diagnostics diag;
    BOOST_TEST((access(params(server.mint_code()), diag).error() == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::body_too_large));
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_is_refused_before_sending)
{
    slack::mock::server_options elsewhere;
    elsewhere.certificate_hosts = {"wrong.example"};
    mock_fixture fx(elsewhere);
    slack::diagnostics diag;
    access_result r = fx.access(fx.params(fx.server.mint_code()), diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error().category() == boost::asio::error::get_ssl_category()));
    BOOST_TEST(diag.attempts == 1u);  // a certificate that fails verification is not retried
    BOOST_TEST(fx.server.requests().empty());
}

BOOST_AUTO_TEST_CASE(an_untrusted_certificate_is_refused)
{
    options.retry = slack::retry_policy::none();
    asio::ssl::context system_only = web::make_tls_context();  // does not trust the mock's CA
    web::client client(ioc.get_executor(), std::move(system_only), options);
    slack::diagnostics diag;
    access_result r = access(client, params(server.mint_code()), diag);
    BOOST_TEST((r.error().category() == boost::asio::error::get_ssl_category()));
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(system_cas_come_from_the_bundle_file_or_ssl_cert_file)
{
    // The default bundle is loaded into memory. (That the hashed directory is not searched on
    // each handshake is not visible through OpenSSL's API; it was checked with strace.)
    asio::ssl::context system = web::make_tls_context();
    BOOST_TEST(sk_X509_OBJECT_num(X509_STORE_get0_objects(SSL_CTX_get_cert_store(system.native_handle()))) > 0);

    // $SSL_CERT_FILE replaces it, as with OpenSSL's own defaults: here, with the mock's CA only.
    const std::string ca_file =
        (std::filesystem::temp_directory_path() / ("slack-asio-test-ca-" + std::to_string(::getpid()) + ".pem"))
            .string();
    std::ofstream(ca_file) << server.ca_certificate_pem();
    ::setenv("SSL_CERT_FILE", ca_file.c_str(), 1);
    asio::ssl::context from_env = web::make_tls_context();
    ::unsetenv("SSL_CERT_FILE");
    std::filesystem::remove(ca_file);
    BOOST_TEST(sk_X509_OBJECT_num(X509_STORE_get0_objects(SSL_CTX_get_cert_store(from_env.native_handle()))) == 1);
    web::client client(ioc.get_executor(), std::move(from_env), options);
    slack::diagnostics diag;
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
}

BOOST_AUTO_TEST_CASE(plain_http_is_refused_unless_allowed)
{
    options.api_url = "http://127.0.0.1:9/api/";
    slack::diagnostics diag;
    BOOST_TEST((access(params("x"), diag).error() == client_errc::insecure_url));
    BOOST_TEST(diag.attempts == 0u);

    slack::mock::server_options plain;
    plain.tls = false;
    mock_fixture fx(plain);
    fx.options.allow_insecure_http = true;
    BOOST_TEST(fx.options.api_url.rfind("http://", 0) == 0u);
    BOOST_TEST(fx.access(fx.params(fx.server.mint_code()), diag).has_value());
}

BOOST_AUTO_TEST_CASE(bad_input_gets_a_clear_error)
{
    slack::diagnostics diag;
    auto no_code = params("");
    BOOST_TEST((access(no_code, diag).error() == client_errc::invalid_argument));
    BOOST_TEST(diag.client_message == "code is empty");
    BOOST_TEST(server.requests().empty());

    options.api_url = "not a url";
    BOOST_TEST((access(params("x"), diag).error() == client_errc::invalid_url));
    options.api_url = "ftp://127.0.0.1/api/";
    BOOST_TEST((access(params("x"), diag).error() == client_errc::invalid_url));
}

BOOST_AUTO_TEST_CASE(nothing_secret_in_diagnostics_or_messages)
{
    const std::string code = server.mint_code();
    auto p = params(code);
    p.client_secret = "wrong-secret-value-42";
    slack::diagnostics diag;
    access_result r = access(p, diag);
    BOOST_REQUIRE(r.has_error());
    const std::string everything = r.error().message() + diag.error + diag.warning + diag.needed + diag.provided +
                                   diag.client_message + diag.underlying.message();
    BOOST_TEST(everything.find(p.client_secret) == std::string::npos);
    BOOST_TEST(everything.find(code) == std::string::npos);
}

asio::awaitable<access_result> exchange_in_coroutine(web::client& client, slack::test::owned_params p)
{
    web::oauth oauth(client);
    // The default token: co_await straight from an asio::awaitable, no exception for API errors.
    access_result r = co_await oauth.access(std::move(p));
    co_return r;
}

BOOST_AUTO_TEST_CASE(default_token_works_in_a_coroutine)
{
    web::client client(ioc.get_executor(), tls, options);
    std::optional<access_result> ok, failed;
    asio::co_spawn(ioc, exchange_in_coroutine(client, params(server.mint_code())),
                   [&](std::exception_ptr, access_result r) { ok.emplace(std::move(r)); });
    asio::co_spawn(ioc, exchange_in_coroutine(client, params("mock-error-invalid_code")),
                   [&](std::exception_ptr, access_result r) { failed.emplace(std::move(r)); });
    run_until([&] { return ok && failed; });
    BOOST_TEST(ok->has_value());
    BOOST_TEST((failed->error() == api_errc::invalid_code));
}

BOOST_AUTO_TEST_CASE(deferred_operations_can_be_composed_and_started_later)
{
    web::client client(ioc.get_executor(), tls, options);
    const auto p = params(server.mint_code());  // what a deferred call views must outlive its start
    auto operation = web::oauth(client).access(p, asio::deferred);
    BOOST_TEST(server.requests().empty());  // nothing happens until it is started
    std::optional<access_result> out;
    std::move(operation)([&](access_result r) { out.emplace(std::move(r)); });
    run_until([&] { return out.has_value(); });
    BOOST_TEST(out->has_value());
}

BOOST_AUTO_TEST_SUITE_END()
