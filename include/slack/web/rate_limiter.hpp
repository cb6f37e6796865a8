// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Pacing calls to Slack's rate limits before Slack answers 429, in one process or shared by
/// many (docs/rate-limits.md). A client with client_options::limiter asks it once before each
/// attempt; without one, only the 429s it receives hold calls back (the client's gates).
#include <slack/config.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace slack::web {

/// Whose allowance one request draws on. Slack counts per app, per workspace and per method, and
/// for a few methods (chat.postMessage) per channel too. The views must live until the
/// operation that takes them has started (with `deferred`, until it is awaited).
struct rate_key {
    /// The call's rate key (a team or enterprise id). A call without one is counted by its token
    /// (`token:` and a digest every replica computes alike, never the token) or its app
    /// (`app:CLIENT_ID`). Empty: paced in this process only.
    std::string_view workspace{};
    std::string_view method{};   ///< e.g. "chat.postMessage"
    std::string_view channel{};  ///< For the methods limited per channel; else empty.
    /// `workspace` is a subject only this process knows: a shared limiter paces it locally. The
    /// client never sets it; it is for keys of your own made outside a call.
    bool process_local = false;
};

/// The pace of one key: on average `per_minute` requests a minute, up to `burst` at once.
struct rate_pace {
    double per_minute = 0;  ///< 0: not paced (only a 429 holds requests back).
    unsigned burst = 1;     ///< Requests that may go back to back after a quiet spell.
};

/// A limiter's answer to one request.
struct rate_grant {
    /// Send not before this. When it is later than the `latest` asked for, nothing was reserved
    /// and the request must not be sent by then.
    std::chrono::steady_clock::time_point send_at{};
    bool reserved = false;  ///< The request holds a place in its key's pace.
    /// Decided with the other replicas. false: by this process alone (a local limiter, or a
    /// shared one whose store cannot be reached right now).
    bool shared = false;
};

/// The completion signature of rate_limiter::acquire().
using rate_signature = void(boost::system::result<rate_grant>);

/// Paces requests per rate_key. Operations may run concurrently and complete on the handler's
/// associated executor (else the limiter's). A limiter never makes a call wait without bound:
/// acquire() answers within its own deadline, from local state when the shared one is out of reach.
class rate_limiter {
public:
    virtual ~rate_limiter() = default;

    /// Where an operation completes when its handler has no associated executor.
    virtual boost::asio::any_io_executor get_executor() const = 0;

    /// Reserves one request for `key` at the earliest time it may go, if that is no later than
    /// `latest`. Completes with `void(result<rate_grant>)`.
    template <class CompletionToken = default_completion_token>
    auto acquire(const rate_key& key, std::chrono::steady_clock::time_point latest, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, rate_signature>(
            [this](auto handler, const rate_key& k, std::chrono::steady_clock::time_point l) {
                do_acquire(k, l, std::move(handler));
            },
            token, key, latest);
    }

    /// A 429 said no request for `key` may go for `retry_after`: every later acquire() for it (in
    /// this process, and for a shared limiter in every replica) answers no earlier than that.
    /// Never waits.
    virtual void block(const rate_key& key, std::chrono::milliseconds retry_after) = 0;

    /// Whether `method` is counted per channel (rate_limits::is_per_channel()): the client then
    /// reads the request's `channel` into rate_key::channel, and leaves it empty otherwise.
    virtual bool is_per_channel(std::string_view method) const = 0;

protected:
    /// Implementations copy what they keep of `key` before returning.
    virtual void do_acquire(const rate_key& key, std::chrono::steady_clock::time_point latest,
                            boost::asio::any_completion_handler<rate_signature> handler) = 0;
};

/// How fast each method may be called: Slack's tiers, or figures of your own, per method and per
/// workspace. A default-made table paces nothing.
class rate_limits {
public:
    /// Slack's tiers (compiled from Slack's docs and the Java SDK's table; where they disagree,
    /// the lower allowance); methods it does not name are not paced.
    static rate_limits slack_tiers();

    /// Paces `method` so (per_minute 0: not at all, an opt-out).
    rate_limits& set(std::string_view method, rate_pace pace);
    /// Paces `method` so for `workspace` only (before the per-method figure).
    rate_limits& set(std::string_view workspace, std::string_view method, rate_pace pace);
    /// Counts `method` per channel as well (chat.postMessage in slack_tiers()).
    rate_limits& per_channel(std::string_view method);

    /// The pace of `key`: the workspace's figure for its method, else the method's, else none.
    rate_pace pace_of(const rate_key& key) const;
    /// Whether `method` is counted per channel.
    bool is_per_channel(std::string_view method) const;

private:
    using method_paces = std::map<std::string, rate_pace, std::less<>>;
    method_paces methods_;
    std::map<std::string, method_paces, std::less<>> workspaces_;  // by workspace, then method
    std::set<std::string, std::less<>> per_channel_;
};

/// A limiter in this process alone, pacing by `limits` (GCRA), on `executor`.
std::shared_ptr<rate_limiter> make_local_limiter(boost::asio::any_io_executor executor, rate_limits limits);

}  // namespace slack::web
