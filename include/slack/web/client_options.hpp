// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
#include <slack/retry_policy.hpp>
#include <slack/web/call_event.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace slack::web {

class rate_limiter;

/// How client credentials travel.
enum class credentials_in {
    basic_auth,  ///< HTTP Basic `Authorization` header (Slack's recommendation; default).
    form,        ///< `client_id` / `client_secret` form parameters.
};

/// Client-wide token bucket that stops an outage from multiplying traffic by the attempt count.
struct retry_budget {
    unsigned capacity = 500;      ///< Tokens when full.
    unsigned retry_cost = 5;      ///< Taken by each retry.
    unsigned timeout_cost = 10;   ///< Taken by a retry after a timeout.
    unsigned success_refund = 1;  ///< Given back by each successful call.
};

/// What a client is made with: where Slack is, limits, deadlines, retries, hooks. Copied into
/// the client; client::options() gives it back.
struct client_options {
    std::string api_url = "https://slack.com/api/";  ///< Base URL; methods are appended.
    bool allow_insecure_http = false;                ///< Permit an http:// api_url (tests only).
    credentials_in credentials =
        credentials_in::basic_auth;                    ///< How client credentials travel (HTTP Basic by default).
    std::size_t max_body_bytes = 1024 * 1024;          ///< Larger responses fail with body_too_large.
    std::chrono::milliseconds timeout{30000};          ///< Whole call: all attempts and waits.
    std::chrono::milliseconds attempt_timeout{10000};  ///< One attempt: connect, handshake, write, read.
    retry_function retry =
        retry_policy::standard();      ///< Decides whether and when a failed attempt is retried (docs/retries.md).
    retry_budget budget{};             ///< Bounds the retries of the whole client during an outage.
    std::size_t max_connections = 16;  ///< Open connections per client; further calls queue in order.
    std::chrono::milliseconds idle_timeout{30000};  ///< An idle connection older than this is not reused (0: no reuse).
    bool resume_tls_sessions = true;                ///< Resume the last TLS session on new connections.
    /// Addresses of a name lookup are reused for new connections this long, then looked up again
    /// (at once after a failed connect or handshake): a host that moves must not fail every call.
    std::chrono::milliseconds lookup_max_age{60000};
    /// false (default): calls must start from the thread(s) of an io_context run by one thread,
    /// as with Asio's own I/O objects. true: the client runs on a strand, so calls may start from
    /// any thread and several threads may run the io_context (costs ~50 allocations per call).
    bool thread_safe = false;
    /// An HTTP proxy every connection goes through, with a CONNECT tunnel (TLS stays end to end
    /// with Slack): `http://[user:password@]host[:port]` (no scheme: http; no port: 1080). The
    /// credentials are sent as Basic Proxy-Authorization and never appear in errors or events
    /// (client::options() returns this string as given, password included).
    /// Empty (default): none, unless proxy_from_environment. A malformed URL fails every call
    /// with client_errc::invalid_proxy_url (unsupported_proxy_scheme for https://, socks5://...).
    std::string proxy{};
    /// Hosts that bypass the proxy, by curl's NO_PROXY rules: comma-separated names (matching
    /// subdomains too, a leading dot optional) or addresses (exact), each with an optional
    /// `:port`; `*` bypasses it for every host. Empty: none (or NO_PROXY when proxy_from_environment).
    std::string no_proxy{};
    /// Opt-in: when `proxy` is empty, use `https_proxy` / `HTTPS_PROXY` from the environment (for
    /// an https api_url), and when `no_proxy` is empty, `no_proxy` / `NO_PROXY`. Read once, when
    /// the client is made.
    bool proxy_from_environment = false;
    /// Asked once before each attempt when and whether it may go (docs/rate-limits.md), e.g.
    /// make_local_limiter(executor, rate_limits::slack_tiers()). Null (default): calls are held
    /// back only by the 429s they receive. Its header is <slack/web/rate_limiter.hpp>.
    std::shared_ptr<rate_limiter> limiter{};
    std::function<void(const call_event&)> on_event{};  ///< Observability hook, called where the client runs.
    std::function<double()> random{};                   ///< Uniform [0,1) source for jitter; empty: a seeded PRNG.
};

}  // namespace slack::web
