// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::mock::server: a Slack Web API stand-in over real TLS on 127.0.0.1, for tests,
/// benchmarks, the demo and your own tests. See docs/mock-server.md for its behaviour and
/// the magic codes that script failures.
#include <boost/asio/any_io_executor.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace slack::mock {

/// `mock-oversized-BYTES` pads to at most this many bytes.
inline constexpr std::size_t max_oversized_bytes = 16 * 1024 * 1024;

/// Slack's tiers as requests per minute per workspace (a tier's floor: Slack allows at least so many).
inline constexpr unsigned tier1_per_minute = 1;
inline constexpr unsigned tier2_per_minute = 20;   ///< Most methods.
inline constexpr unsigned tier3_per_minute = 50;   ///< Paginated lists, typically.
inline constexpr unsigned tier4_per_minute = 100;  ///< The OAuth exchanges, api.test.

/// How many requests to `method` one workspace may make per rate_limit_options::window.
struct method_limit {
    std::string method;  ///< e.g. "auth.test"
    unsigned limit = 0;  ///< Requests per window; 0: not limited (an opt-out of Slack's tier).
};

/// Rate-limit enforcement as Slack's tiers (docs/mock-server.md, "Rate-limit tiers"): off unless
/// `methods` names a method or `slack_tiers` is set. Requests are counted per workspace (the team
/// of the token, refresh token or minted code they carry; else that credential itself; with none,
/// the app: the empty workspace) and method, in a sliding window. One over the limit gets HTTP
/// 429, `Retry-After` (the seconds until a slot frees, rounded up, at least 1) and `ratelimited`,
/// and is not processed.
struct rate_limit_options {
    std::vector<method_limit> methods{};  ///< Limits of your own; they win over Slack's tiers.
    /// The methods the mock serves itself get Slack's tier per window (the table in
    /// docs/mock-server.md); methods you register with server::handle() only those in `methods`.
    bool slack_tiers = false;
    std::chrono::milliseconds window{60000};  ///< The counting period: Slack's minute, or shorter for quick tests.
    /// Methods also counted per `channel` argument (a form field or a JSON body's member).
    std::vector<std::string> per_channel{"chat.postMessage"};
};

/// What rate-limit enforcement did for one workspace and method (server::rate_counts).
struct rate_count {
    std::size_t served = 0;   ///< Requests let through to the method (whatever it then answered).
    std::size_t limited = 0;  ///< Requests answered 429 by the enforcement, not processed.
};

/// Every limit below bounds what the mock holds, whatever clients send it.
struct server_options {
    std::string client_id = "1111111111.2222222222";                          ///< The one app the mock knows.
    std::string client_secret = "mock-client-secret-0123456789";              ///< The app's secret (a test value).
    unsigned short port = 0;                                                  ///< 0: an ephemeral port.
    std::vector<std::string> certificate_hosts = {"localhost", "127.0.0.1"};  ///< SANs of its certificate.
    bool tls = true;                                ///< false: plain HTTP (insecure tests only).
    std::chrono::milliseconds idle_timeout{30000};  ///< Idle keep-alive connections are closed after this.
    std::chrono::seconds code_lifetime{600};     ///< Codes expire (and are forgotten) after this (Slack: 10 minutes).
    std::size_t max_recorded_requests = 100000;  ///< requests() keeps the latest this many (0: none).
    std::size_t max_recorded_bytes =
        4 * 1024 * 1024;  ///< ... and the latest this many bytes of them; also bounds exchanges()'s codes.
    std::size_t max_code_bytes =
        4 * 1024 * 1024;  ///< Live codes are remembered within this, the oldest forgotten first.
    std::size_t max_token_bytes = 4 * 1024 * 1024;  ///< Tokens are remembered within this, the oldest forgotten first.
    bool token_rotation = true;                     ///< The app has token rotation on.
    std::chrono::seconds access_token_lifetime{43200};  ///< expires_in of rotating access tokens.
    std::chrono::milliseconds refresh_grace{10000};  ///< A used refresh token still works this long (0: never again).
    /// A refresh of a minted token is answered this late, after the pair is rotated (a client
    /// killed meanwhile has spent its refresh token and lost the new pair).
    std::chrono::milliseconds refresh_delay{0};
    std::string team_id = "T0MOCKTEAM";   ///< The one workspace every installation is on.
    std::string team_name = "Mock Team";  ///< The workspace's name.
    std::string app_id = "A0MOCKAPP";     ///< The app every installation belongs to.
    /// The authorize pages answer as if the user declined: `error=access_denied` (per request:
    /// a scope or user_scope containing `mock-decline`).
    bool decline_authorize = false;
    /// The app's configured Redirect URL: where the authorize pages send a request that has no
    /// redirect_uri (Slack's fallback); empty: none, and such a request gets an error page.
    std::string redirect_url{};
    /// Rate-limit tiers enforced per workspace and method; by default none.
    rate_limit_options rate_limits{};
};

/// What a server holds, each part within its server_options bound (a single entry larger
/// than its whole bound is kept alone). Sizes count texts plus a fixed cost per entry.
struct memory_use {
    std::size_t recorded_requests = 0;   ///< requests().size(): at most max_recorded_requests.
    std::size_t recorded_bytes = 0;      ///< Their size: at most max_recorded_bytes.
    std::size_t counted_code_bytes = 0;  ///< The codes exchanges() counts: at most max_recorded_bytes.
    std::size_t live_codes = 0;          ///< Minted and magic codes not yet expired.
    std::size_t code_bytes = 0;          ///< Their size, redirect URIs included: at most max_code_bytes.
    std::size_t live_tokens = 0;         ///< Access and refresh tokens remembered (revoked and expired ones too).
    std::size_t token_bytes = 0;         ///< Their size: at most max_token_bytes.
};

/// What a minted code is for (server::mint_code). The views are copied.
struct code_options {
    std::string_view method =
        "oauth.v2.access";              ///< oauth.access, oauth.v2.access, oauth.v2.user.access or openid.connect.token
    std::string_view redirect_uri{};    ///< non-empty: the exchange must send the same
    std::string_view code_challenge{};  ///< PKCE S256 challenge; empty: none
    std::string_view scope = "commands,chat:write";  ///< Bot scopes granted, comma-separated.
    std::string_view user_scope{};                   ///< non-empty: the exchange also returns a user token
    std::string_view nonce{};  ///< openid.connect.token: the id_token's `nonce` claim; empty: none
};

/// Which token mint_tokens makes.
enum class token_kind {
    bot,   ///< xoxb- (xoxe.xoxb- when rotating)
    user,  ///< xoxp- (xoxe.xoxp- when rotating)
};

/// What server::mint_tokens installs. The view is copied.
struct token_options {
    token_kind kind = token_kind::bot;      ///< A bot token or a user token.
    bool rotating = true;                   ///< false: a legacy long-lived token (what oauth.v2.exchange migrates)
    std::string_view scope = "chat:write";  ///< Scopes granted, comma-separated.
    /// Installed by a PKCE public client: its refresh token refreshes with the client id alone.
    bool public_client = false;
    /// The workspace the installation is on (auth.test's team_id, its rate-limit counts); empty:
    /// server_options::team_id.
    std::string_view team_id{};
};

/// An installation's tokens, as minted.
struct minted_tokens {
    std::string access_token;   ///< xoxb-/xoxp-, or xoxe.xoxb-/xoxe.xoxp- when rotating.
    std::string refresh_token;  ///< empty when not rotating
};

/// One request as the mock received it.
struct recorded_request {
    std::string method{};         ///< "POST"
    std::string target{};         ///< "/api/oauth.access"
    std::string authorization{};  ///< Authorization header value, empty if none.
    std::string content_type{};   ///< Content-Type header value, empty if none.
    std::string body{};           ///< The body as received.
    std::size_t connection = 0;   ///< Which accepted connection (1-based) carried it.
    /// The single-use credential or token the request carried, decoded: the `code` of a code grant,
    /// the `refresh_token` of a refresh grant, the `token` of oauth.v2.exchange, or the bearer token.
    std::string code{};
    /// The HTTP status the mock answered with (429 for a rate limit, 200 for any Slack answer, ok
    /// or not); 0 when it closed the connection without answering (`mock-close`, a lost refresh
    /// answer). Decided when the request arrives: a delayed answer is recorded before it is sent.
    unsigned status = 0;
};

/// One request to a method registered with server::handle(), as its handler sees it. Views
/// into the request: valid during the handler's call only.
struct method_request {
    std::string_view method;  ///< The method's name, "chat.postMessage".
    std::string_view token;   ///< The bearer token (`Authorization: Bearer`, else a `token` field); empty: none.
    std::string_view
        content_type;       ///< Without parameters: "application/x-www-form-urlencoded", "application/json", or empty.
    std::string_view body;  ///< The body as received.
    /// The arguments: the query string's and the form's fields (strings; a field given twice, the
    /// last), then a JSON object body's members with their JSON types.
    const boost::json::object& arguments;
};

/// What a handler registered with server::handle() answers.
struct method_answer {
    unsigned status = 200;      ///< The HTTP status (100-999).
    std::string body{};         ///< Sent as application/json, as written (no check that it is JSON).
    std::string retry_after{};  ///< A Retry-After header; empty: none.

    /// `{"ok":true}` plus `fields`, HTTP 200.
    static method_answer ok(const boost::json::object& fields = {});
    /// `{"ok":false,"error":error}`, HTTP 200, as Slack refuses a call.
    static method_answer error(std::string_view error);
    /// HTTP 429 `ratelimited` with `Retry-After: seconds`, as Slack limits a call.
    static method_answer rate_limited(std::chrono::seconds retry_after);
};

/// A handler for a method of yours: runs on the server's executor, once per request.
/// An exception it throws is answered with HTTP 500 (an HTML page, as a failing proxy sends).
using method_handler = std::function<method_answer(const method_request&)>;

/// Whether server::handle()'s method checks the bearer token before its handler runs.
enum class token_check {
    /// As Slack's methods: no token `not_authed`; unknown (or a refresh token) `invalid_auth`;
    /// expired `token_expired`; revoked `token_revoked`. Tokens minted by the mock (mint_tokens(),
    /// an exchange) pass, and so does any magic word (`mock-...`).
    required,
    /// Every request reaches the handler, with or without a token.
    none,
};

/// A Slack Web API stand-in: an HTTP/1.1 server (TLS by default) on 127.0.0.1, running on the
/// executor it is given, with no threads of its own. It serves the OAuth family, auth.test,
/// auth.revoke, apps.uninstall and api.test as docs/mock-server.md describes, and any method
/// you register with handle(), and records what
/// it receives for tests to check. With server_options::rate_limits it enforces Slack's
/// rate-limit tiers (or limits of your own) per workspace and method, and counts what it
/// served and refused (rate_counts()). Construct, start(), point a client at api_url() trusting
/// ca_certificate_pem(), and stop() before the io_context's run() can return.
class server {
public:
    /// Creates its certificate now; listens on 127.0.0.1 from start().
    explicit server(boost::asio::any_io_executor executor, server_options options = {});
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// Binds 127.0.0.1:port and starts accepting. Throws boost::system::system_error if it cannot bind.
    void start();
    /// Stops accepting and closes every connection; pending work ends promptly.
    void stop();

    unsigned short port() const
        noexcept;  ///< The port it listens on (the ephemeral one chosen when server_options::port is 0), once started.
    std::string api_url() const;  ///< e.g. "https://127.0.0.1:40123/api/"
    std::string base_url()
        const;  ///< e.g. "https://127.0.0.1:40123": where the authorize pages are (install::authorize_url's base).
    const server_options& options() const noexcept;  ///< The options it was made with.

    /// The certificate the server presents, self-signed: trust it with ssl::context::add_certificate_authority.
    const std::string& ca_certificate_pem() const noexcept;
    /// Writes ca_certificate_pem() to `path`. Throws std::runtime_error on failure.
    void write_ca_file(const std::string& path) const;

    /// A fresh single-use code for oauth.access (the classic apps' method), like the one Slack
    /// hands to the redirect URI; for another method, use the code_options overload.

    /// Same as `POST /mock/codes` with an optional `redirect_uri` form field.
    std::string mint_code(std::string_view redirect_uri = {});
    /// A fresh single-use code for `options.method`. Same as `POST /mock/codes` with form fields
    /// `method`, `redirect_uri`, `code_challenge`, `scope`, `user_scope`, `nonce`. Throws
    /// std::invalid_argument for a method that takes no code.
    std::string mint_code(const code_options& options);
    /// A new installation's tokens, as if the app had been installed. Same as `POST /mock/tokens`
    /// with form fields `kind=bot|user`, `rotating=true|false`, `scope`, `public_client=true|false`,
    /// `team_id`.
    minted_tokens mint_tokens(const token_options& options = {});
    /// The next `count` refreshes of refresh tokens the mock issued (not magic words) rotate the
    /// pair, then close the connection without answering: the client has spent its refresh token and
    /// lost the new pair. Replaces an earlier count. Same as `POST /mock/faults` with form field
    /// `lose_refresh_answers=COUNT`.
    void lose_refresh_answers(std::size_t count);
    /// The same, for refreshes of `refresh_token` only (copied): the next `count` refreshes with it
    /// lose their answers, the others are answered. Two make a lost answer whose re-send is lost
    /// too, whatever else is refreshed meanwhile. Same as `POST /mock/faults` with
    /// `lose_refresh_answers=COUNT&refresh_token=TOKEN`.
    void lose_refresh_answers(std::size_t count, std::string_view refresh_token);
    /// Serves `method` (e.g. "chat.postMessage", copied) with `handler`, in place of any earlier
    /// handler or built-in answer for that name. The request passes the checks every method
    /// shares first (POST with a form or JSON body, or GET; the method's rate-limit window and tier), then
    /// `check`; it is recorded in requests() like any other, with its token as
    /// recorded_request::code. Call it where the server runs (or before its io_context runs).
    void handle(std::string_view method, method_handler handler, token_check check = token_check::required);
    /// Forgets what earlier tests left: the recorded requests and exchanges() counts, every
    /// rate-limit window (the tiers' too, and rate_counts()), the faults lose_refresh_answers() armed, every minted code and magic
    /// word's attempts (a used word works afresh), and every token (they then answer
    /// invalid_auth). Keeps the options, the certificate, the port, open connections and
    /// connections_accepted(). Same as `POST /mock/reset`, which is itself not recorded. Call it
    /// on the server's executor, as the other members.
    void reset();
    /// Whether `access_token` is known, not expired and not revoked.
    bool token_active(std::string_view access_token) const;

    /// The requests received, oldest first: the latest max_recorded_requests / max_recorded_bytes.
    std::vector<recorded_request> requests() const;
    /// How many requests carried `credential` as their single-use credential or token (code,
    /// refresh_token, exchanged token, bearer: recorded_request::code), counted even when
    /// requests() dropped them; those least recently seen are forgotten beyond max_recorded_bytes.
    std::size_t exchanges(std::string_view credential) const;
    /// What rate-limit enforcement (server_options::rate_limits) counted for `method` and
    /// `workspace` (a team id, else the credential the requests carried) since the last reset().
    /// Safe to call from any thread while the server runs. Counts are kept within
    /// max_recorded_bytes, those least recently used forgotten first.
    rate_count rate_counts(std::string_view workspace, std::string_view method) const;
    std::size_t connections_accepted() const noexcept;  ///< How many connections it has accepted so far.
    memory_use memory() const noexcept;                 ///< What it holds now, each part within its bound.

    struct state;  // private to the implementation

private:
    std::shared_ptr<state> state_;
};

}  // namespace slack::mock
