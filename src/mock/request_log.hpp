// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the mock keeps of the requests it received: the latest ones, within a count and a
// byte budget (the oldest dropped first), and how many API requests carried each single-use
// credential or bearer token, counted apart so that exchanges() stays right when the log has
// dropped a request.
#include "mock/bounded_map.hpp"

#include <slack/mock/server.hpp>

#include <deque>
#include <vector>

namespace slack::mock::detail {

class request_log {
public:
    explicit request_log(const server_options& options)
        : max_requests_(options.max_recorded_requests),
          max_bytes_(options.max_recorded_bytes),
          exchanges_(options.max_recorded_bytes)
    {
    }

    void record(recorded_request request)
    {
        if (request.target.starts_with("/api/") && !request.code.empty())
            count_exchange(request.code);
        if (max_requests_ == 0)
            return;
        const std::size_t size = bytes_of(request);
        // A request larger than the whole budget is still kept, alone: the newest is the one a test inspects.
        while (!requests_.empty() && (requests_.size() >= max_requests_ || bytes_ + size > max_bytes_))
            drop_oldest();
        requests_.push_back(std::move(request));
        bytes_ += size;
    }

    std::vector<recorded_request> requests() const { return {requests_.begin(), requests_.end()}; }

    std::size_t exchanges(std::string_view code) const
    {
        const std::size_t* count = exchanges_.find(code);
        return count ? *count : 0;
    }

    /// server::reset: forgets every request and every count.
    void clear()
    {
        requests_.clear();
        bytes_ = 0;
        exchanges_.clear();
    }

    std::size_t size() const noexcept { return requests_.size(); }
    std::size_t bytes() const noexcept { return bytes_; }
    std::size_t counted_code_bytes() const noexcept { return exchanges_.bytes(); }

private:
    static std::size_t bytes_of(const recorded_request& r)
    {
        return sizeof r + r.method.size() + r.target.size() + r.authorization.size() + r.content_type.size() +
               r.body.size() + r.code.size();
    }

    void count_exchange(const std::string& code)
    {
        if (std::size_t* count = exchanges_.find(code)) {
            ++*count;
            exchanges_.refresh(code);  // a code still in use is the last one forgotten
        } else {
            exchanges_.insert(code, 1);
        }
    }

    void drop_oldest()
    {
        bytes_ -= bytes_of(requests_.front());
        requests_.pop_front();
    }

    std::size_t max_requests_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::deque<recorded_request> requests_;
    bounded_map<std::size_t> exchanges_;
};

}  // namespace slack::mock::detail
