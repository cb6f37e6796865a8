// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Every call shape the README and the headers show, written as users write them: braced
// access_params temporaries inside the co_await expression (the shape g++ 12 -O2 miscompiled
// when access_params owned std::strings), both overloads, and the callback, use_future and
// deferred tokens. Built at -O0, -O2 and -O3 (and under ASan by scripts/test --sanitize);
// it also runs the README's example function, compiled from README.md as written.
#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/url/parse.hpp>

#include <slack/install/authorize_url.hpp>
#include <slack/install/installer.hpp>
#include <slack/install/lifecycle_events.hpp>
#include <slack/install/request_signature.hpp>
#include <slack/install/sign_in.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/store/memory_store.hpp>

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace web = slack::web;
using namespace std::chrono_literals;
using access_result = boost::system::result<web::access_response>;

// From README.md (readme_example_N.cpp, made by CMake from the README's C++ blocks).
asio::awaitable<void> install(web::oauth& oauth, std::string code, std::string secret);
asio::awaitable<void> install_app(web::client& client, std::string code, std::string secret);
asio::awaitable<void> remember(web::client& client, slack::store::installation_store& store, std::string bot_token);
asio::awaitable<void> slack_app(web::client& client, slack::store::installation_store& store, std::string code,
                                std::string secret);
web::client_options paced(asio::any_io_executor executor, web::client_options options);

namespace {

int failures = 0;

void check(bool ok, const std::string& what)
{
    std::cerr << (ok ? "ok   " : "FAIL ") << what << "\n";  // std::cout is captured for the README example
    failures += ok ? 0 : 1;
}

void check_result(const access_result& r, const std::string& what)
{
    check(r.has_value() && !r->access_token().empty(),
          what + (r.has_value() ? "" : ": " + r.error().to_string() + " " + r.error().message()));
}

struct app {
    std::string id, secret;
};

asio::awaitable<void> awaited_shapes(web::oauth& oauth, slack::mock::server& mock, app a)
{
    // The header's shape: braced temporary, no diagnostics.
    std::string code = mock.mint_code();
    auto r = co_await oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code});
    check_result(r, "co_await access({...})");

    slack::diagnostics diag;
    code = mock.mint_code();
    access_result with_diag = co_await oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code}, diag);
    check_result(with_diag, "co_await access({...}, diag)");
    check(diag.attempts == 1, "diag filled");

    // Literals and a redirect_uri, as in the README.
    code = mock.mint_code("https://example.com/slack/oauth");
    r = co_await oauth.access(
        {.client_id = a.id, .client_secret = a.secret, .code = code, .redirect_uri = "https://example.com/slack/oauth"},
        diag);
    check_result(r, "co_await access({... redirect_uri literal}, diag)");

    // Views of std::string temporaries made in the same expression (a request's parameter, say).
    r = co_await oauth.access({.client_id = std::string(a.id), .client_secret = a.secret, .code = mock.mint_code()});
    check_result(r, "co_await access({.code = a std::string temporary})");

    // deferred: made now, awaited later; what it views outlives its start.
    code = mock.mint_code();
    auto later = oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code}, asio::deferred);
    r = co_await std::move(later);
    check_result(r, "deferred, co_await later");
    code = mock.mint_code();
    r = co_await oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code}, diag, asio::deferred);
    check_result(r, "co_await access({...}, diag, deferred)");

    // An error result through the same shapes: never an exception.
    r = co_await oauth.access({.client_id = a.id, .client_secret = a.secret, .code = "mock-error-invalid_code-shapes"});
    check(r.has_error() && r.error() == slack::api_errc::invalid_code, "co_await access({...}) error result");
}

// The new methods' shapes as their headers show them: braced temporaries, views of temporaries.
asio::awaitable<void> method_shapes(web::client& client, slack::mock::server& mock, app a)
{
    web::oauth oauth(client);
    auto v2 = co_await oauth.v2_access(
        {.client_id = a.id, .client_secret = a.secret, .code = mock.mint_code(slack::mock::code_options{})});
    check(v2.has_value() && !v2->access_token().empty(), "co_await v2_access({...})");
    const slack::mock::minted_tokens tokens = mock.mint_tokens();
    auto refreshed = co_await oauth.v2_refresh({.client_id = a.id,
                                                .client_secret = std::string(a.secret),
                                                .refresh_token = std::string(tokens.refresh_token)});
    check(refreshed.has_value() && !refreshed->refresh_token().empty(), "co_await v2_refresh({... temporaries})");
    auto who = co_await web::auth(client).test({.token = std::string(tokens.access_token)});
    check(who.has_value() && !who->team_id().empty(), "co_await auth(client).test({.token = temporary})");
    slack::diagnostics diag;
    auto revoked = co_await web::auth(client).revoke({.token = tokens.access_token, .test = true}, diag);
    check(revoked.has_value() && revoked->revoked() == false, "co_await auth.revoke({...}, diag)");
    const web::form_field fields[] = {{"foo", "bar"}};
    auto echoed = co_await client.call("api.test", {.form = fields}, "xoxb-shapes");
    check(echoed.has_value() && echoed->ok(), "co_await client.call(method, {.form}, token)");
    // Form fields braced in the call: the list lives to the end of the expression, and initiation
    // (at co_await, with deferred) copies it.
    auto braced = co_await client.call("api.test", {.form = {{"channel", "C1"}, {"text", "hi"}}}, "xoxb-shapes");
    check(braced.has_value() && braced->body().find(R"("args":{"channel":"C1","text":"hi"})") != std::string_view::npos,
          "co_await client.call(method, {.form = {{...}, {...}}}, token)");
    braced = co_await client.call("api.test", {.form = {{"channel", std::string("C2")}}}, {}, diag, asio::deferred);
    check(braced.has_value() && braced->body().find(R"("channel":"C2")") != std::string_view::npos,
          "co_await client.call(method, {.form = {{..., temporary}}}, {}, diag, deferred)");
    const std::vector<web::form_field> field_vector = {{"channel", "C3"}};
    braced = co_await client.call("api.test", {.form = field_vector});
    check(braced.has_value() && braced->body().find(R"("channel":"C3")") != std::string_view::npos,
          "co_await client.call(method, {.form = vector})");
    auto json =
        co_await client.call("api.test", {.json = R"({"a":"b"})", .idempotent = true}, {}, diag, asio::deferred);
    check(json.has_value() && json->body().find("\"a\"") != std::string_view::npos,
          "co_await client.call({.json}, diag, deferred)");

    // openid.hpp's and apps.hpp's header comments, as written there.
    web::openid openid(client);
    const std::string_view id = a.id, s = a.secret;
    const std::string c =
        mock.mint_code(slack::mock::code_options{.method = "openid.connect.token", .scope = "openid"});
    auto t = co_await openid.token({.client_id = id, .client_secret = s, .code = c});
    check(t.has_value() && !t->id_token().empty(), "co_await openid.token({...})");
    if (t) {
        auto who_signed_in = co_await openid.user_info({.token = t->access_token()});
        check(who_signed_in.has_value() && !who_signed_in->sub().empty(),
              "co_await openid.user_info({.token = t->access_token()})");
    }
    web::apps apps(client);
    const std::string t2 = mock.mint_tokens().access_token;
    auto removed = co_await apps.uninstall({.client_id = id, .client_secret = s, .token = t2});
    check(removed.has_value() && !mock.token_active(t2), "co_await apps.uninstall({...})");
}

// installation_store.hpp's list() comment, as written there, in a function that returns its error.
namespace store = slack::store;
asio::awaitable<boost::system::error_code> list_shape(store::installation_store& store, std::vector<std::string>& teams)
{
    auto show = [&](const store::installation& i) { teams.push_back(i.team_id); };
    store::installation_key after;  // empty: from the first
    for (;;) {
        auto page = co_await store.list(after, 100);
        if (!page)
            co_return page.error();
        for (const store::installation& i : page->installations)
            show(i);
        if (!page->next)
            break;
        after = std::move(*page->next);
    }
    co_return boost::system::error_code();
}

// Owning values named in statements of their own, then passed by name: what the refused
// temporaries' compile errors say to write (refused_shapes.cpp has the refused ones).
asio::awaitable<void> named_owning_shapes(store::installation_store& store, slack::install::token_provider& tokens)
{
    store::installation named{.team_id = "T2NAMED", .bot = store::token_grant{.token = "xoxb-named", .user_id = "U2"}};
    auto saved = co_await store.save(named);
    check(saved.has_value(), "co_await store.save(named)");
    saved = co_await store.save(named, asio::use_awaitable);
    check(saved.has_value(), "co_await store.save(named, use_awaitable)");
    const store::installation_key key{.team_id = "T2NAMED"};
    auto found = co_await store.find(key);
    check(found.has_value() && found->has_value() && (*found)->bot, "co_await store.find(named key)");
    const std::int64_t revision = found && *found && (*found)->bot ? (*found)->bot->revision : 0;
    found = co_await store.find({.team_id = "T2NAMED"});
    check(found.has_value() && found->has_value(), "co_await store.find({.team_id})");
    store::token_grant grant{.token = "xoxb-named-2", .user_id = "U2"};
    auto replaced = co_await store.replace_grant(key, store::grant_kind::bot, revision, grant);
    check(replaced.has_value() && *replaced, "co_await store.replace_grant(key, kind, revision, named grant)");
    auto token = co_await tokens.token(key);
    check(token.has_value() && *token == "xoxb-named-2", "co_await tokens.token(named key)");
    auto leased = co_await store.try_lease(key, store::grant_kind::bot, std::string("owner ") + "temporary", 1s);
    check(leased.has_value() && *leased, "co_await store.try_lease(key, kind, std::string temporary, duration)");
    auto released = co_await store.release_lease(key, store::grant_kind::bot, "owner temporary");
    check(released.has_value(), "co_await store.release_lease(key, kind, literal)");
    auto first_use = co_await store.consume_nonce("shapes nonce", std::chrono::system_clock::now() + 1h);
    check(first_use.has_value() && *first_use, "co_await store.consume_nonce(literal, expiry)");
    auto removed = co_await store.remove(key);
    check(removed.has_value() && *removed == 1, "co_await store.remove(named key)");
}

// The install headers' comments, as written there: authorize_url.hpp, installer.hpp,
// token_provider.hpp, lifecycle_events.hpp (sign_in.hpp's: sign_in_shapes below).
asio::awaitable<void> install_shapes(web::client& client, slack::mock::server& mock, app a)
{
    namespace install = slack::install;
    const auto executor = co_await asio::this_coro::executor;
    slack::store::memory_store store(executor);
    const install::state_signer signer("a state secret of thirty-two bytes or more");
    const install::issued_state issued = signer.issue();
    const std::string id = a.id, secret = a.secret, callback = "https://app.example/slack/oauth";
    std::string url = slack::install::authorize_url(
        {.client_id = id, .scope = "chat:write,commands", .redirect_uri = callback, .state = issued.state});
    check(url.find("state=") != std::string::npos, "authorize_url({...})");

    const std::string callback_url = callback;
    slack::install::installer installs(
        client, store, signer,
        {.client_id = id, .client_secret = secret, .scope = "chat:write", .redirect_uri = callback_url});
    auto start = installs.begin();  // redirect to start.location, send start.set_cookie
    const auto location = boost::urls::parse_uri(start.location).value();
    const std::string code =
        mock.mint_code(slack::mock::code_options{.method = "oauth.v2.access",
                                                 .redirect_uri = callback_url,
                                                 .code_challenge = (*location.params().find("code_challenge")).value,
                                                 .scope = "chat:write",
                                                 .user_scope = {}});
    const std::string query = "code=" + code + "&state=" + std::string((*location.params().find("state")).value);
    const std::string cookies = start.set_cookie.substr(0, start.set_cookie.find(';'));
    auto done = co_await installs.complete({.query = query, .cookie_header = cookies});
    check(done.has_value() && done->bot.has_value(), "co_await installs.complete({.query, .cookie_header})");
    for (int n = 1; n <= 150; ++n) {  // more than the snippet's page
        slack::store::installation more;
        more.team_id = "T" + std::to_string(1000 + n);
        auto save = store.save(more);
        co_await std::move(save);
    }
    std::vector<std::string> teams;
    const boost::system::error_code listed = co_await list_shape(store, teams);
    check(!listed && teams.size() == 151 && teams.front() == "T0MOCKTEAM" && teams.back() == "T1150",
          "store.list(after, 100), page by page");

    slack::install::token_provider tokens(client, store, {.client_id = id, .client_secret = secret});
    auto token = co_await tokens.token({.team_id = "T0MOCKTEAM"});  // result<std::string>
    check(token.has_value() && done && *token == done->bot->token, "co_await tokens.token({.team_id})");
    co_await named_owning_shapes(store, tokens);

    const std::string signing_secret = "shapes signing secret";
    slack::install::lifecycle_events events(executor, store, signing_secret);
    const std::string body = R"({"type":"event_callback","team_id":"T0MOCKTEAM","event":{"type":"app_uninstalled"}})";
    const std::string ts = std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    const std::string sig = install::sign_request(signing_secret, ts, body);
    auto outcome = co_await events.handle({.timestamp = ts, .signature = sig, .body = body});
    check(outcome.has_value() && outcome->removed == 1, "co_await events.handle({.timestamp, .signature, .body})");
}

// sign_in.hpp's comment, as written there; the code minted as the mock's OpenID page would.
asio::awaitable<void> sign_in_shapes(web::client& client, slack::mock::server& mock, app a)
{
    const auto executor = co_await asio::this_coro::executor;
    slack::store::memory_store store(executor);
    const slack::install::state_signer signer("a state secret of thirty-two bytes or more");
    const std::string id = a.id, secret = a.secret, callback_url = "https://app.example/slack/sign_in";

    slack::install::sign_in sign_ins(client, store, signer,
                                     {.client_id = id, .client_secret = secret, .redirect_uri = callback_url});
    auto start = sign_ins.begin();  // redirect to start.location, send start.set_cookie
    const auto location = boost::urls::parse_uri(start.location).value();
    auto param = [&](std::string_view name) { return std::string((*location.params().find(name)).value); };
    const std::string challenge = param("code_challenge"), nonce = param("nonce");
    const std::string code = mock.mint_code(slack::mock::code_options{.method = "openid.connect.token",
                                                                      .redirect_uri = callback_url,
                                                                      .code_challenge = challenge,
                                                                      .scope = "openid",
                                                                      .user_scope = {},
                                                                      .nonce = nonce});
    const std::string query = "code=" + code + "&state=" + param("state");
    const std::string cookies = start.set_cookie.substr(0, start.set_cookie.find(';'));
    auto user = co_await sign_ins.complete({.query = query, .cookie_header = cookies});
    // user: result<signed_in_user>; user->claims.user_id, user->claims.email
    check(user.has_value() && !user->claims.user_id.empty() && !user->claims.email.empty(),
          "co_await sign_ins.complete({.query, .cookie_header})" +
              (user ? std::string() : ": " + user.error().to_string() + " " + user.error().message()));
}

}  // namespace

int main()
{
    asio::io_context ioc;
    slack::mock::server_options app_options;
    app_options.client_id = "2141029472.691202649728";  // the README's
    slack::mock::server mock(ioc.get_executor(), app_options);
    // The README's Slack app posts: the mock answers chat.postMessage for the installed bot's token.
    std::string posted_with;
    mock.handle("chat.postMessage", [&](const slack::mock::method_request& request) {
        posted_with = request.token;
        return slack::mock::method_answer::ok(
            {{"channel", request.arguments.at("channel")}, {"ts", "1700000000.000100"}});
    });
    mock.start();
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
    web::client client(ioc.get_executor(), tls, {.api_url = mock.api_url()});
    web::oauth oauth(client);
    const app a{mock.options().client_id, mock.options().client_secret};

    bool awaited = false;
    asio::co_spawn(ioc, awaited_shapes(oauth, mock, a), [&](std::exception_ptr e) {
        check(!e, "awaited shapes ended without an exception");
        awaited = true;
    });

    bool methods_done = false;
    asio::co_spawn(ioc, method_shapes(client, mock, a), [&](std::exception_ptr e) {
        check(!e, "method shapes ended without an exception");
        methods_done = true;
    });
    bool install_done = false;
    asio::co_spawn(ioc, install_shapes(client, mock, a), [&](std::exception_ptr e) {
        check(!e, "install shapes ended without an exception");
        install_done = true;
    });
    bool sign_in_done = false;
    asio::co_spawn(ioc, sign_in_shapes(client, mock, a), [&](std::exception_ptr e) {
        check(!e, "sign-in shapes ended without an exception");
        sign_in_done = true;
    });

    // Callbacks, with and without diagnostics: braced temporaries in the call expression.
    const std::string code1 = mock.mint_code(), code2 = mock.mint_code();
    slack::diagnostics diag;
    std::optional<access_result> by_callback, by_callback_no_diag;
    oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code1}, diag,
                 [&](access_result r) { by_callback.emplace(std::move(r)); });
    oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code2},
                 [&](access_result r) { by_callback_no_diag.emplace(std::move(r)); });

    // use_future, started on the thread that then runs the io_context.
    const std::string code3 = mock.mint_code();
    std::future<access_result> future =
        oauth.access({.client_id = a.id, .client_secret = a.secret, .code = code3}, asio::use_future);

    // The README's function, as written, with its output captured.
    std::ostringstream readme_output;
    std::streambuf* const console = std::cout.rdbuf();
    bool readme_done = false;
    asio::co_spawn(ioc, install(oauth, mock.mint_code("https://example.com/slack/oauth"), a.secret),
                   [&](std::exception_ptr) { readme_done = true; });
    bool readme_app_done = false;
    asio::co_spawn(ioc, install_app(client, mock.mint_code(slack::mock::code_options{}), a.secret),
                   [&](std::exception_ptr) { readme_app_done = true; });
    slack::store::memory_store readme_store(ioc.get_executor());
    bool readme_views_done = false;
    asio::co_spawn(ioc, remember(client, readme_store, mock.mint_tokens().access_token),
                   [&](std::exception_ptr) { readme_views_done = true; });

    slack::store::memory_store app_store(ioc.get_executor());
    bool readme_slack_app_done = false;
    asio::co_spawn(ioc, slack_app(client, app_store, mock.mint_code(slack::mock::code_options{}), a.secret),
                   [&](std::exception_ptr) { readme_slack_app_done = true; });

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!(awaited && methods_done && install_done && sign_in_done && by_callback && by_callback_no_diag &&
             readme_done && readme_app_done && readme_views_done && readme_slack_app_done &&
             future.wait_for(std::chrono::seconds(0)) == std::future_status::ready) &&
           std::chrono::steady_clock::now() < deadline) {
        std::cout.rdbuf(readme_output.rdbuf());  // only install() prints while the loop runs handlers
        ioc.run_one_until(deadline);
        std::cout.rdbuf(console);
    }
    check(std::chrono::steady_clock::now() < deadline, "every call completed before the deadline");
    check(awaited, "awaited shapes done");
    check(by_callback && by_callback->has_value(), "callback access({...}, diag, handler)");
    check(by_callback_no_diag && by_callback_no_diag->has_value(), "callback access({...}, handler)");
    const bool future_ready = future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    check(future_ready && future.get().has_value(), "use_future");
    check(readme_output.str().find("installed in ") != std::string::npos,
          "README example: " + readme_output.str().substr(0, readme_output.str().find('\n')));
    check(methods_done, "method shapes done");
    check(install_done, "install shapes done");
    check(sign_in_done, "sign-in shapes done");
    // The second README example printed each of its steps.
    const std::string printed = readme_output.str();
    check(printed.find("bot installed in Mock Team") != std::string::npos, "README app example: installed");
    check(printed.find("token of U") != std::string::npos, "README app example: auth.test");
    check(printed.find("api.test answered {\"ok\":true") != std::string::npos, "README app example: client.call");
    check(printed.find(R"(api.test echoed {"ok":true,"args":{"channel":"C1","text":"hi"}})") != std::string::npos,
          "README g++ 12 example: saved, token read back, braced form fields sent");
    check(printed.find("posted at 1700000000.000100") != std::string::npos && mock.token_active(posted_with),
          "README Slack app: installed, kept, token from the provider, chat.postMessage with it");

    // The README's function again, rate limited without Retry-After (and not retried): its
    // branch must not read the empty diag.retry_after (UB; _GLIBCXX_ASSERTIONS stops on it).
    web::client no_retry(ioc.get_executor(), tls, {.api_url = mock.api_url(), .retry = slack::retry_policy::none()});
    web::oauth no_retry_oauth(no_retry);
    std::ostringstream limited_output;
    bool limited_done = false;
    asio::co_spawn(ioc, install(no_retry_oauth, "mock-ratelimitbare-1", a.secret),
                   [&](std::exception_ptr) { limited_done = true; });
    const auto limited_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!limited_done && std::chrono::steady_clock::now() < limited_deadline) {
        std::cout.rdbuf(limited_output.rdbuf());
        ioc.run_one_until(limited_deadline);
        std::cout.rdbuf(console);
    }
    check(limited_output.str() == "rate limited, without Retry-After\n",
          "README example, rate limited without Retry-After: " + limited_output.str());

    // The README's paced options: a client made with them calls as any other, through the limiter.
    web::client paced_client(ioc.get_executor(), tls, paced(ioc.get_executor(), {.api_url = mock.api_url()}));
    std::optional<boost::system::result<web::auth_test_response>> paced_answer;
    web::auth(paced_client)
        .test({.token = mock.mint_tokens().access_token},
              [&](boost::system::result<web::auth_test_response> r) { paced_answer.emplace(r); });
    const auto paced_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!paced_answer && std::chrono::steady_clock::now() < paced_deadline)
        ioc.run_one_until(paced_deadline);
    check(paced_client.options().limiter && paced_answer && paced_answer->has_value(),
          "README paced options: auth.test through the limiter");
    // Its one conversations.history a minute: the second call of a workspace within the minute
    // is refused before anything is sent, the limiter's place being past the call's deadline.
    std::vector<boost::system::error_code> history;  // in the order they end: the refused one first
    for (int i = 0; i < 2; ++i)
        paced_client.call("conversations.history", {.form = {{"channel", "C1"}}, .rate_key = "T0PACED"}, "xoxb-paced",
                          [&](boost::system::result<web::api_response> r) {
                              history.push_back(r ? boost::system::error_code() : r.error());
                          });
    while (history.size() < 2 && std::chrono::steady_clock::now() < paced_deadline)
        ioc.run_one_until(paced_deadline);
    check(
        history.size() == 2 && history[0] == slack::api_errc::ratelimited && history[1] != slack::api_errc::ratelimited,
        "README paced options: conversations.history paced at one a minute");

    mock.stop();
    ioc.restart();
    ioc.run_for(std::chrono::milliseconds(500));
    std::cerr << (failures ? "call shapes: FAILED\n" : "call shapes: all passed\n");
    return failures ? 1 : 0;
}
