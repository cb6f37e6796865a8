// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/errc.hpp"

#include <string>

namespace slack::web {
namespace {

class errc_category final : public boost::system::error_category {
public:
    // A fixed id: codes compare equal across shared libraries.
    constexpr errc_category() noexcept : error_category(0x5c3a7ed150a1e5d1ULL) {}
    const char* name() const noexcept override { return "slack.redis"; }
    std::string message(int value) const override
    {
        switch (static_cast<redis_errc>(value)) {
        case redis_errc::bad_url:
            return "the Redis URL is malformed (expected redis[s]://[user:password@]host[:port][/db])";
        case redis_errc::tls_unsupported: return "rediss:// (Redis over TLS) is not supported (reserved, not produced)";
        case redis_errc::unreachable: return "Redis cannot be reached (connect failed or the connection dropped)";
        case redis_errc::timeout: return "Redis did not answer before the deadline";
        case redis_errc::auth_refused: return "Redis refused the credentials (AUTH)";
        case redis_errc::select_refused: return "Redis refused the database number (SELECT)";
        case redis_errc::protocol_error: return "Redis sent a reply that cannot be parsed";
        case redis_errc::closed: return "the Redis connection was closed";
        case redis_errc::bad_reply: return "Redis answered with a reply of an unexpected shape";
        case redis_errc::bad_app_name: return "the rate limiter's app name is empty or holds '{' or '}'";
        case redis_errc::tls_failed:
            return "the TLS handshake with Redis failed: its certificate is not trusted or not for the URL's host, or "
                   "it "
                   "does not speak TLS";
        case redis_errc::too_many_redirections:
            return "the Redis Cluster redirected the request (MOVED/ASK) more than 3 times, or to more "
                   "than 128 nodes";
        }
        return "unknown Redis error";
    }
};

}  // namespace

const boost::system::error_category& redis_category() noexcept
{
    static constexpr errc_category instance;
    return instance;
}

}  // namespace slack::web
