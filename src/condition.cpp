// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Which codes belong to which slack::condition. Retry policies and callers test these.
#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>
#include <slack/install/install_errc.hpp>
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
        // Each error enum says which condition its codes belong to (the condition column of
        // data/*_errors.csv); Asio's transport errors are mapped here.
        const int v = code.value();
        if (code.category() == api_category())
            return detail::api_errc_condition(static_cast<api_errc>(v)) == value;
        if (code.category() == client_category())
            return detail::client_errc_condition(static_cast<client_errc>(v)) == value;
        if (code.category() == install_category())
            return detail::install_errc_condition(static_cast<install_errc>(v)) == value;
        if (code.category() == store_category())
            return detail::store_errc_condition(static_cast<store_errc>(v)) == value;
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
