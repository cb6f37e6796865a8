// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A scriptable TLS peer on 127.0.0.1, for answers the mock would never give: interim responses,
// truncated or endless headers, dripping bodies, redirects, broken TLS. Each accepted connection
// runs the test's script (a coroutine) on the test's io_context, which the test drives with a
// deadline as usual.
#include "mock/certificate.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace slack::test {

namespace raw {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
}  // namespace raw

/// One accepted connection, as the script sees it. Every operation reports failure instead of
/// throwing: a client that hangs up early must not crash the peer.
class peer_connection {
public:
    peer_connection(raw::tcp::socket socket, boost::asio::ssl::context& tls, std::size_t index,
                    std::shared_ptr<std::size_t> request_counter)
        : stream_(std::move(socket), tls), index_(index), request_counter_(std::move(request_counter))
    {
    }

    std::size_t index() const noexcept { return index_; }  ///< 1 for the first connection
    raw::tcp::socket& socket() { return stream_.next_layer(); }

    boost::asio::awaitable<bool> handshake() { co_return !co_await try_handshake(); }

    /// The handshake's error, empty on success: a refusing client's alert shows up here.
    boost::asio::awaitable<boost::system::error_code> try_handshake()
    {
        auto [ec] = co_await stream_.async_handshake(boost::asio::ssl::stream_base::server, raw::use_tuple);
        co_return ec;
    }

    /// Reads one request (header and Content-Length body); empty when the client went away.
    boost::asio::awaitable<std::string> read_request()
    {
        auto [ec, header_size] = co_await boost::asio::async_read_until(stream_, boost::asio::dynamic_buffer(buffer_),
                                                                        "\r\n\r\n", raw::use_tuple);
        if (ec)
            co_return std::string();
        std::size_t body_size = 0;
        const std::string_view header(buffer_.data(), header_size);
        if (const auto at = header.find("Content-Length: "); at != std::string_view::npos)
            body_size = std::stoul(std::string(header.substr(at + 16, header.find("\r\n", at) - at - 16)));
        while (buffer_.size() < header_size + body_size) {
            std::string more(header_size + body_size - buffer_.size(), '\0');
            auto [read_error, n] = co_await stream_.async_read_some(boost::asio::buffer(more), raw::use_tuple);
            if (read_error)
                co_return std::string();
            buffer_.append(more.data(), n);
        }
        std::string request = buffer_.substr(0, header_size + body_size);
        buffer_.erase(0, header_size + body_size);
        ++*request_counter_;
        co_return request;
    }

    boost::asio::awaitable<bool> write(std::string_view bytes)
    {
        auto [ec, n] = co_await boost::asio::async_write(stream_, boost::asio::buffer(bytes), raw::use_tuple);
        co_return !ec;
    }

    boost::asio::awaitable<void> pause(std::chrono::milliseconds d)
    {
        boost::asio::steady_timer timer(stream_.get_executor(), d);
        co_await timer.async_wait(raw::use_tuple);
    }

    /// Waits until the client closes (or `limit` passes): keeps the connection open meanwhile.
    boost::asio::awaitable<void> hold(std::chrono::milliseconds limit) { return hold_on(stream_, limit); }

    /// hold() on the bare TCP socket, for a peer that accepts connections and never starts TLS.
    boost::asio::awaitable<void> hold_without_tls(std::chrono::milliseconds limit) { return hold_on(socket(), limit); }

    void close()
    {
        boost::system::error_code ignored;
        socket().close(ignored);
    }

    /// Closes with a TCP reset (SO_LINGER 0) instead of a FIN: unsent data is dropped.
    void reset()
    {
        boost::system::error_code ignored;
        socket().set_option(raw::tcp::socket::linger(true, 0), ignored);
        close();
    }

private:
    // Reads and drops what the client sends until it closes; the timer closes the socket after `limit`.
    template <class Stream>
    boost::asio::awaitable<void> hold_on(Stream& stream, std::chrono::milliseconds limit)
    {
        boost::asio::steady_timer timer(stream_.get_executor(), limit);
        timer.async_wait([this](boost::system::error_code ec) {
            if (!ec)
                close();
        });
        for (char dropped[512];;) {
            auto [ec, n] = co_await stream.async_read_some(boost::asio::buffer(dropped), raw::use_tuple);
            if (ec)
                break;
        }
        timer.cancel();
    }

    boost::asio::ssl::stream<raw::tcp::socket> stream_;
    std::string buffer_;
    std::size_t index_;
    std::shared_ptr<std::size_t> request_counter_;  // the peer's, across connections
};

/// A 200 with a Slack JSON body and the given extra header lines ("Name: value\r\n" each).
inline std::string http_response(unsigned status, std::string_view body, std::string_view extra_headers = {},
                                 std::string_view content_type = "application/json; charset=utf-8")
{
    std::string r = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + std::string(content_type) +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    r.append(extra_headers).append("\r\n").append(body);
    return r;
}

class raw_peer {
public:
    using script = std::function<boost::asio::awaitable<void>(peer_connection&)>;

    /// `run` is called for each accepted connection. The peer's certificate is self-signed
    /// for `hosts` unless `certificate_pem`/`key_pem` are given.
    raw_peer(boost::asio::io_context& ioc, script run, std::vector<std::string> hosts = {"localhost", "127.0.0.1"},
             std::string certificate_pem = {}, std::string key_pem = {})
        : ioc_(ioc),
          tls_(boost::asio::ssl::context::tls_server),
          acceptor_(ioc, raw::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)),
          run_(std::move(run))
    {
        if (certificate_pem.empty()) {
            const auto made = mock::detail::make_self_signed_certificate(hosts);
            certificate_pem = made.certificate_pem;
            key_pem = made.private_key_pem;
        }
        ca_pem_ = certificate_pem;
        tls_.use_certificate_chain(boost::asio::buffer(certificate_pem));
        tls_.use_private_key(boost::asio::buffer(key_pem), boost::asio::ssl::context::pem);
        boost::asio::co_spawn(ioc_, accept_loop(), boost::asio::detached);
    }
    ~raw_peer() { stop(); }
    raw_peer(const raw_peer&) = delete;
    raw_peer& operator=(const raw_peer&) = delete;

    boost::asio::ssl::context& tls() { return tls_; }  ///< e.g. to allow only TLS 1.1
    std::string api_url() const
    {
        return "https://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/api/";
    }
    unsigned short port() const { return acceptor_.local_endpoint().port(); }
    const std::string& ca_pem() const noexcept { return ca_pem_; }
    std::size_t connections() const noexcept { return accepted_; }
    /// Requests read by the scripts so far.
    std::size_t requests() const noexcept { return *requests_; }

    /// Stops accepting and closes every connection.
    void stop()
    {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        for (auto& c : *live_)
            c->close();
    }

private:
    boost::asio::awaitable<void> accept_loop()
    {
        for (;;) {
            auto [ec, socket] = co_await acceptor_.async_accept(raw::use_tuple);
            if (ec)
                co_return;
            ++accepted_;
            auto c = std::make_shared<peer_connection>(std::move(socket), tls_, accepted_, requests_);
            // The list is shared: a connection may outlive the peer object.
            live_->push_back(c);
            boost::asio::co_spawn(ioc_, serve(c, run_, live_), boost::asio::detached);
        }
    }

    static boost::asio::awaitable<void> serve(std::shared_ptr<peer_connection> c, script run,
                                              std::shared_ptr<std::list<std::shared_ptr<peer_connection>>> live)
    {
        try {
            co_await run(*c);
        } catch (const std::exception&) {  // a script's own failure must not end the test run
        }
        c->close();
        live->remove(c);
    }

    boost::asio::io_context& ioc_;
    boost::asio::ssl::context tls_;
    raw::tcp::acceptor acceptor_;
    script run_;
    std::string ca_pem_;
    std::size_t accepted_ = 0;
    std::shared_ptr<std::list<std::shared_ptr<peer_connection>>> live_ =
        std::make_shared<std::list<std::shared_ptr<peer_connection>>>();
    std::shared_ptr<std::size_t> requests_ = std::make_shared<std::size_t>(0);
};

}  // namespace slack::test
