#include "web/name_lookup.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>

#include <charconv>
#include <memory>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

}  // namespace

bool is_ip_address(const std::string& host)
{
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

// An address in the URL needs no lookup. (Asio's lookups run on a thread of their own, and a
// second thread makes every malloc and shared_ptr count in the process dearer.)
std::optional<tcp::resolver::results_type> literal_address(const api_endpoint& endpoint)
{
    error_code ec;
    const asio::ip::address address = asio::ip::make_address(endpoint.host, ec);
    unsigned short port = 0;
    const auto [end, parse_error] =
        std::from_chars(endpoint.port.data(), endpoint.port.data() + endpoint.port.size(), port);
    if (ec || parse_error != std::errc() || end != endpoint.port.data() + endpoint.port.size())
        return std::nullopt;
    return tcp::resolver::results_type::create(tcp::endpoint(address, port), endpoint.host, endpoint.port);
}

// A name lookup bounded by `deadline` and by cancellation. A running getaddrinfo cannot be
// interrupted (Asio 1.81), so the call stops waiting for it instead: the lookup finishes in
// the background and its result is dropped.
asio::awaitable<std::pair<error_code, tcp::resolver::results_type>> resolve(const executor_type& executor,
                                                                           const api_endpoint& endpoint,
                                                                           clock::time_point deadline)
{
    struct lookup {
        explicit lookup(const executor_type& e) : resolver(e), wake(e) {}
        tcp::resolver resolver;
        asio::steady_timer wake;  // expires at the deadline, cancelled when the lookup ends
        bool finished = false;
        error_code error;
        tcp::resolver::results_type results;
    };
    auto state = std::make_shared<lookup>(executor);
    state->wake.expires_at(deadline);
    state->resolver.async_resolve(endpoint.host, endpoint.port,
                                  [state](error_code ec, tcp::resolver::results_type results) {
                                      state->finished = true;
                                      state->error = ec;
                                      state->results = std::move(results);
                                      state->wake.cancel();
                                  });
    auto [wait_error] = co_await state->wake.async_wait(use_tuple);
    if (state->finished)
        co_return std::pair{state->error, std::move(state->results)};
    if (!wait_error)
        co_return std::pair{error_code(beast::error::timeout), tcp::resolver::results_type()};
    co_return std::pair{error_code(asio::error::operation_aborted), tcp::resolver::results_type()};
}

}  // namespace slack::web::detail
