// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The mock server is not thread-safe: everything the soak asks it (a fresh code, a count of
// exchanges) runs where it runs. In the split layout that is another thread, reached by post;
// in the shared layout the call is made at once.
#include <slack/mock/server.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <utility>

namespace soak {

class mock_access {
public:
    mock_access(slack::mock::server& mock, boost::asio::any_io_executor mock_executor,
                boost::asio::any_io_executor client_executor)
        : mock_(mock), mock_executor_(std::move(mock_executor)), client_executor_(std::move(client_executor))
    {
    }

    /// `work(mock)` where the mock runs, `after` from now; fire and forget.
    template <class Work>
    void run(Work work, std::chrono::milliseconds after = {})
    {
        if (after.count() > 0) {
            auto timer = std::make_shared<boost::asio::steady_timer>(mock_executor_, after);
            timer->async_wait(
                [this, timer, work = std::move(work)](boost::system::error_code) mutable { work(mock_); });
        } else if (shared()) {
            work(mock_);
        } else {
            boost::asio::post(mock_executor_, [this, work = std::move(work)]() mutable { work(mock_); });
        }
    }

    /// `work(mock)` where the mock runs, then `then()` back on the client's executor.
    template <class Work, class Then>
    void run_then(Work work, Then then)
    {
        if (shared()) {
            work(mock_);
            then();
            return;
        }
        boost::asio::post(mock_executor_, [this, work = std::move(work), then = std::move(then)]() mutable {
            work(mock_);
            boost::asio::post(client_executor_, std::move(then));
        });
    }

private:
    bool shared() const { return mock_executor_ == client_executor_; }

    slack::mock::server& mock_;
    boost::asio::any_io_executor mock_executor_;
    boost::asio::any_io_executor client_executor_;
};

}  // namespace soak
