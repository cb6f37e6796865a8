// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// When the mock's requests arrived, roughly: the driver samples how many it has recorded as it
// runs (cheap, unlike copying the log), so that a time maps to a position in the log. A request
// at position k arrived after the last sample that counted at most k.
#include <chrono>
#include <cstddef>
#include <utility>
#include <vector>

namespace soak::rotation {

class request_clock {
public:
    using time_point = std::chrono::steady_clock::time_point;

    void sample(time_point now, std::size_t recorded)
    {
        if (samples_.empty() || samples_.back().second != recorded)
            samples_.emplace_back(now, recorded);
    }

    /// How many requests had been recorded by `t`, as far as the samples tell (at most that many).
    std::size_t recorded_by(time_point t) const
    {
        std::size_t count = 0;
        for (auto it = samples_.rbegin(); it != samples_.rend(); ++it)
            if (it->first <= t) {
                count = it->second;
                break;
            }
        return count;
    }

private:
    std::vector<std::pair<time_point, std::size_t>> samples_;
};

}  // namespace soak::rotation
