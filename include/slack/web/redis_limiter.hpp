// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// A rate_limiter shared by every replica of an app through Redis (docs/rate-limits.md): one
/// round trip per decision, by a script on Redis's own clock, so that replicas agree. When Redis
/// cannot answer within the acquire deadline, the fallback limiter answers (rate_grant::shared
/// is then false) and on_event says so. Link slack::redis_limiter (hiredis).
#include <slack/web/rate_limiter.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

// Only named here (the options hold it by shared_ptr), so that a user of this header does not
// compile OpenSSL's: slack/web/tls.hpp makes one and includes its definition.
namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace slack::web {

/// Errors of open_limiter() and of the Redis connection. Their messages never quote the URL (it
/// may hold a password).
enum class redis_errc : int {
    bad_url = 1,          ///< Not redis[s]://[user:password@]host[:port][/db].
    tls_unsupported = 2,  ///< Reserved, not produced (rediss:// was refused before TLS): kept for code naming it.
    unreachable = 3,      ///< Connect failed, or the connection dropped.
    timeout = 4,          ///< Redis did not answer by the deadline.
    auth_refused = 5,     ///< Redis refused the user and password (AUTH).
    select_refused = 6,   ///< Redis refused the database number (SELECT).
    protocol_error = 7,   ///< A reply that cannot be parsed.
    closed = 8,           ///< The limiter (its connection) was closed.
    bad_reply = 9,        ///< A reply of an unexpected shape (the script failed on the server).
    bad_app_name = 10,    ///< redis_limiter_options::app is empty or holds '{' or '}' (the hash tag's braces).
    /// rediss://: the TLS handshake failed (the server's certificate is not trusted by
    /// redis_limiter_options::tls or not for the URL's host, or the server does not speak TLS).
    tls_failed = 11,
    too_many_redirections =
        12,  ///< A Redis Cluster sent the request on (MOVED/ASK) more than 3 times, or to more than 128 nodes.
};

/// The category of redis_errc (named "slack.redis").
const boost::system::error_category& redis_category() noexcept;

/// Makes `e` an error code, so that `ec == slack::web::redis_errc::timeout` compiles.
inline boost::system::error_code make_error_code(redis_errc e) noexcept
{
    return {static_cast<int>(e), redis_category()};
}

/// What a Redis limiter tells redis_limiter_options::on_event.
struct redis_limiter_event {
    /// What changed.
    enum class kind {
        fell_back,      ///< Redis did not answer: decisions are this process's alone from now.
        sharing_again,  ///< Redis answered again: decisions are shared again.
    };
    kind what = kind::fell_back;    ///< What changed.
    boost::system::error_code why;  ///< For fell_back: why Redis did not answer (a redis_errc).
};

/// How open_limiter()'s limiter works.
struct redis_limiter_options {
    /// The app's name in every key (`slack:rl:{APP:WORKSPACE}:METHOD[:CHANNEL]`): replicas of one
    /// app share it; two apps on one Redis must not.
    std::string app = "slack";
    /// The longest acquire() waits for Redis before the fallback answers (or the call's own
    /// deadline, if sooner). Once Redis failed to answer, the fallback answers at once and only
    /// one request per backoff period asks Redis again.
    std::chrono::milliseconds acquire_deadline{100};
    /// The longest a connection attempt (TCP, TLS handshake, AUTH, SELECT, PING) may take.
    std::chrono::milliseconds connect_timeout{1000};
    /// Attempts to reconnect back off from 50 ms, doubling up to this.
    std::chrono::milliseconds max_backoff{2000};
    /// Called (on the limiter's executor) when decisions stop or start being shared again.
    std::function<void(const redis_limiter_event&)> on_event{};
    /// Answers when Redis cannot, and for keys Redis never sees (rate_key::process_local, and
    /// methods without a pace). Empty: make_local_limiter() with the same limits.
    std::shared_ptr<rate_limiter> fallback{};
    /// For rediss:// only: the CA certificates that the server's certificate must chain to (the
    /// peer is always verified, its name or address checked against the URL's host; only a verify
    /// callback set on this context can overrule OpenSSL). Empty: a
    /// context of make_tls_context() (slack/web/tls.hpp), the system's CAs or $SSL_CERT_FILE.
    std::shared_ptr<boost::asio::ssl::context> tls{};
};

/// A limiter shared through the Redis server at `url` (`redis://[user:password@]host[:port][/db]`,
/// or `rediss://` for TLS), pacing by `limits`, on `executor`. Opening connects in the background:
/// a server that cannot be reached shows as fell_back at the first acquire(). On a Redis Cluster
/// `url` may name any node: the limiter follows MOVED and ASK to the node of each key's slot. Errors:
/// redis_errc::bad_url, bad_app_name.
boost::system::result<std::shared_ptr<rate_limiter>> open_limiter(std::string_view url,
                                                                  boost::asio::any_io_executor executor,
                                                                  rate_limits limits,
                                                                  redis_limiter_options options = {});

}  // namespace slack::web

namespace boost::system {
/// redis_errc converts to error_code.
template <>
struct is_error_code_enum<slack::web::redis_errc> {
    static constexpr bool value = true;  ///< Yes.
};
}  // namespace boost::system
