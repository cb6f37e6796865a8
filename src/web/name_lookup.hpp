// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The API host's addresses: read from the URL when it holds one, else looked up within the
// attempt's deadline, one lookup at a time per pool.
#include "web/transport.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/system/error_code.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slack::web::detail {

bool is_ip_address(const std::string& host);

/// The endpoint's address and port when the URL gives an address; nullopt for a host name.
std::optional<boost::asio::ip::tcp::resolver::results_type> literal_address(const api_endpoint& endpoint);

/// A pool's lookups of its host. Asio 1.81 runs them one after another on a thread of its own,
/// and a running getaddrinfo cannot be interrupted: a lookup per opening connection, each left
/// behind by a call that gave up, would queue there. So there is one lookup in flight at a time,
/// which every opening that needs addresses meanwhile shares; once none waits for it any more
/// (deadlines, cancellations) it is cancelled, which drops it if it has not started yet.
/// `Resolver`: tcp::resolver, or a test's stand-in.
template <class Resolver = boost::asio::ip::tcp::resolver>
class basic_host_lookup {
public:
    using results_type = boost::asio::ip::tcp::resolver::results_type;

    /// A lookup is running that a new resolve() would join (rather than start one).
    bool in_flight() const noexcept { return current_ && !current_->finished; }

    /// The endpoint's addresses, from the lookup in flight or a new one; gives up (without its
    /// result) at `deadline` (beast's timeout) or on cancellation (operation_aborted).
    boost::asio::awaitable<std::pair<boost::system::error_code, results_type>> resolve(const executor_type& executor,
                                                                                       const api_endpoint& endpoint,
                                                                                       clock::time_point deadline)
    {
        if (!in_flight()) {
            current_ = std::make_shared<flight>(executor);
            current_->resolver.async_resolve(endpoint.host, endpoint.port,
                                             [f = current_](boost::system::error_code ec, results_type results) {
                                                 f->finished = true;
                                                 f->error = ec;
                                                 f->results = std::move(results);
                                                 for (boost::asio::steady_timer* waiter : f->waiters)
                                                     waiter->cancel();
                                             });
        }
        const std::shared_ptr<flight> joined = current_;
        boost::asio::steady_timer wake(executor, deadline);  // cancelled when the lookup ends
        joined->waiters.push_back(&wake);
        auto [wait_error] = co_await wake.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        std::erase(joined->waiters, &wake);
        if (joined->finished)
            co_return std::pair{joined->error, joined->results};
        if (joined->waiters.empty()) {
            joined->resolver.cancel();  // nobody waits for it any more
            if (current_ == joined)
                current_.reset();
        }
        const boost::system::error_code why = wait_error
                                                  ? boost::system::error_code(boost::asio::error::operation_aborted)
                                                  : boost::system::error_code(boost::beast::error::timeout);
        co_return std::pair{why, results_type()};
    }

private:
    struct flight {
        explicit flight(const executor_type& e) : resolver(e) {}
        Resolver resolver;
        bool finished = false;
        boost::system::error_code error;
        results_type results;
        std::vector<boost::asio::steady_timer*> waiters;  // of the openings waiting for it
    };
    std::shared_ptr<flight> current_;
};

using host_lookup = basic_host_lookup<>;

}  // namespace slack::web::detail
