// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/refresh_audit.hpp"

#include <map>

namespace soak::rotation {

namespace {

// The sends of one refresh token: log positions and statuses (0: answer lost).
struct sends_of_token {
    std::vector<std::size_t> positions;
    std::vector<unsigned> statuses;
};

bool in_a_kill_window(std::size_t position, const std::vector<kill_window>& kills)
{
    for (const kill_window& k : kills)
        if (position >= k.from && position < k.to)
            return true;
    return false;
}

}  // namespace

bool is_refresh(const slack::mock::recorded_request& r)
{
    return r.target == "/api/oauth.v2.access" && r.body.find("grant_type=refresh_token") != std::string::npos;
}

refresh_audit audit_refreshes(const std::vector<slack::mock::recorded_request>& log,
                              const std::vector<kill_window>& kills, violations& found)
{
    refresh_audit audit;
    std::map<std::string, sends_of_token> by_token;
    for (std::size_t position = 0; position < log.size(); ++position) {
        const slack::mock::recorded_request& r = log[position];
        if (!is_refresh(r))
            continue;
        ++audit.requests;
        if (r.status == 429) {
            ++audit.answers_429;
            continue;
        }
        if (r.code.empty()) {
            found.add("refresh request #" + std::to_string(position) + " was answered without a refresh token read");
            continue;
        }
        sends_of_token& sends = by_token[r.code];
        sends.positions.push_back(position);
        sends.statuses.push_back(r.status);
        audit.lost_answers += r.status == 0;
    }
    for (const auto& [token, sends] : by_token) {
        ++audit.rotations;
        const std::string name = "the refresh token first sent as request #" + std::to_string(sends.positions.front());
        switch (sends.positions.size()) {
        case 1:
            ++audit.sent_once;
            if (sends.statuses[0] == 0)
                found.add(name + " lost its answer and was never re-sent: the provider re-sends once, at once");
            break;
        case 2:
            if (sends.statuses[0] == 0) {
                ++audit.twice_after_loss;
                if (sends.statuses[1] == 0)
                    audit.double_lost.insert(token);
            } else if (in_a_kill_window(sends.positions[0], kills)) {
                ++audit.twice_after_kill;
            } else {
                ++audit.twice_unexplained;
                found.add(name + " was sent twice (again as #" + std::to_string(sends.positions[1]) +
                          ") with no lost answer and no killed sender: a second pair was minted");
            }
            break;
        default:
            ++audit.more_than_twice;
            found.add(name + " was sent " + std::to_string(sends.positions.size()) +
                      " times: a refresh is re-sent once at most");
        }
    }
    return audit;
}

std::vector<std::string> lost_since(const std::vector<slack::mock::recorded_request>& log, std::size_t from)
{
    std::vector<std::string> lost;
    for (std::size_t position = from; position < log.size(); ++position)
        if (is_refresh(log[position]) && log[position].status == 0)
            lost.push_back(log[position].code);
    return lost;
}

}  // namespace soak::rotation
