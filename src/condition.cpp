// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Which codes belong to which slack::condition. Retry policies and callers test these.
#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>
#include <slack/store/store_errc.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>

#include <string>

namespace slack {
namespace {

bool is_transient_transport(const boost::system::error_code& code)
{
    namespace error = boost::asio::error;
    return code == error::connection_refused || code == error::connection_reset || code == error::connection_aborted ||
           code == error::host_unreachable || code == error::network_unreachable || code == error::network_down ||
           code == error::timed_out || code == error::host_not_found_try_again || code == error::host_not_found ||
           code == error::eof || code == error::broken_pipe || code == boost::asio::ssl::error::stream_truncated ||
           code == boost::beast::error::timeout;
}

bool client_code_in(client_errc e, condition c)
{
    switch (e) {
    case client_errc::attempt_timeout:
    case client_errc::connection_closed:
    case client_errc::proxy_failed: return c == condition::transient;
    case client_errc::outcome_unknown:
    case client_errc::code_probably_consumed: return c == condition::outcome_unknown;
    case client_errc::insecure_url:
    case client_errc::invalid_url:
    case client_errc::invalid_proxy_url:
    case client_errc::unsupported_proxy_scheme:
    case client_errc::invalid_argument: return c == condition::invalid_request;
    default: return false;
    }
}

// A database that cannot be reached now may be reached later (a failover, a restart); a lease
// held by another process is given back or expires. A lost refresh token is for good.
bool store_code_in(store_errc e, condition c)
{
    switch (e) {
    case store_errc::unavailable:
    case store_errc::refresh_busy: return c == condition::transient;
    case store_errc::reinstall_required: return c == condition::auth;
    case store_errc::invalid_key:
    case store_errc::invalid_page_size: return c == condition::invalid_request;
    default: return false;
    }
}

class condition_category_impl final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "slack.condition"; }

    std::string message(int value) const override
    {
        switch (static_cast<condition>(value)) {
        case condition::rate_limited: return "rate limited";
        case condition::transient: return "transient failure";
        case condition::auth: return "authentication or permission failure";
        case condition::invalid_request: return "invalid request";
        case condition::outcome_unknown: return "outcome unknown";
        }
        return "unknown slack.condition";
    }

    bool equivalent(const boost::system::error_code& code, int value) const noexcept override
    {
        const auto wanted = static_cast<condition>(value);
        if (code.category() == api_category())
            return detail::api_errc_condition(static_cast<api_errc>(code.value())) == value;
        if (code.category() == client_category())
            return client_code_in(static_cast<client_errc>(code.value()), wanted);
        if (code.category() == store_category())
            return store_code_in(static_cast<store_errc>(code.value()), wanted);
        return wanted == condition::transient && is_transient_transport(code);
    }
};

}  // namespace

const boost::system::error_category& condition_category() noexcept
{
    static const condition_category_impl instance;
    return instance;
}

}  // namespace slack
