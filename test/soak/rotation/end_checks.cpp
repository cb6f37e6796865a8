// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/end_checks.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <fstream>

namespace soak::rotation {

namespace {

// Errors a fault explains: a caller's deadline, a stalled or paused database, a lease held by a
// killed replica, a 429 the retry budget would not wait out. None of them loses anything.
bool tolerated(const std::string& error)
{
    return error == "timeout" || error == "unavailable" || error == "refresh_busy" || error == "ratelimited";
}

std::string how_it_ended(const replica_process& r)
{
    if (!r.ended())
        return "still running";
    if (WIFSIGNALED(r.status))
        return "killed by signal " + std::to_string(WTERMSIG(r.status));
    return "exit status " + std::to_string(WEXITSTATUS(r.status));
}

void add_summary(replica_totals& totals, const replica_summary& s)
{
    totals.asked += s.asked;
    totals.served += s.served;
    totals.checked += s.checked;
    totals.bad_tokens += s.bad_token_count;
    for (const auto& [name, count] : s.errors)
        if (name != "reinstall_required")
            (tolerated(name) ? totals.tolerated : totals.unexpected)[name] += count;
    for (const auto& [name, count] : s.unchecked)
        totals.unchecked[name] += count;
    for (const auto& [installation, count] : s.reinstall_required)
        totals.reinstall_required += count;
    for (const auto& [name, count] : s.stats)
        totals.stats[name] += count;
    for (const auto& [name, count] : s.events)
        totals.events[name] += count;
    for (const auto& [installation, users] : s.users)
        totals.users[installation].insert(users.begin(), users.end());
    totals.slowest_stop_ms = std::max(totals.slowest_stop_ms, s.stop_ms);
}

}  // namespace

replica_totals check_replicas(std::deque<replica_process>& replicas, const std::vector<installation_outcome>& ends,
                              violations& found)
{
    replica_totals totals;
    for (replica_process& r : replicas) {
        ++totals.replicas;
        if (r.killed && !r.terminated_at) {  // the planned kill: it says nothing
            ++totals.killed;
            continue;
        }
        if (!r.exited_cleanly())
            found.add(r.name + " did not exit cleanly: " + how_it_ended(r) +
                      (r.killed ? " (hung: killed by the driver)" : ""));
        std::ifstream out(r.out);
        const replica_summary s = read_summary(out);
        if (!s.complete) {
            found.add(r.name + " printed no complete summary");
            continue;
        }
        ++totals.summaries;
        add_summary(totals, s);
        for (const bad_token& bad : s.bad_tokens)
            found.add(r.name + " was handed a token of installation " + std::to_string(bad.installation) +
                      " that auth.test refused (" + bad.error + ", checked " + std::to_string(bad.checked_after_ms) +
                      " ms after it was handed out)");
        if (s.bad_token_count > s.bad_tokens.size())
            found.add(r.name + ": " + std::to_string(s.bad_token_count - s.bad_tokens.size()) + " more such tokens");
        for (const auto& [name, count] : s.errors)
            if (name != "reinstall_required" && !tolerated(name))
                found.add(r.name + ": token() failed " + std::to_string(count) + " time(s) with " + name);
        for (const auto& [installation, count] : s.reinstall_required)
            if (installation >= ends.size() || !ends[installation].marked)
                found.add(r.name + ": token() said reinstall_required for installation " +
                          std::to_string(installation) + ", which did not end marked");
        if (const auto pending = s.stats.find("pending_writes"); pending != s.stats.end() && pending->second > 0)
            found.add(r.name + " ended with " + std::to_string(pending->second) + " pair(s) never written");
    }
    return totals;
}

void check_installation_ends(const std::vector<soak_installation>& installations,
                             const std::vector<installation_outcome>& ends, const refresh_audit& audit,
                             const replica_totals& totals, violations& found)
{
    std::set<std::string> marked_tokens;
    std::map<std::string, std::size_t> owner_of_user;
    for (std::size_t n = 0; n < installations.size(); ++n) {
        const installation_outcome& end = ends[n];
        const std::string name = "installation " + std::to_string(n) + " (" + installations[n].label() + ")";
        if (end.marked) {
            marked_tokens.insert(end.lost_refresh_token);
            if (!audit.double_lost.count(end.lost_refresh_token))
                found.add(name + " is marked for reinstall, but no refresh of its stored token lost both answers");
        } else if (!end.usable) {
            found.add(name + " was lost: " + end.problem);
        }
        std::set<std::string> users;
        if (const auto seen = totals.users.find(n); seen != totals.users.end())
            users = seen->second;
        if (end.usable)
            users.insert(end.user_id);
        const std::size_t allowed = installations[n].rate_limited ? 2 : 1;
        if (users.size() > allowed)
            found.add(name + ": auth.test named " + std::to_string(users.size()) + " different users for its tokens");
        for (const std::string& user : users)
            if (const auto [it, added] = owner_of_user.emplace(user, n); !added && it->second != n)
                found.add(name + " was handed a token of installation " + std::to_string(it->second) + " (user " +
                          user + ")");
    }
    for (const std::string& token : audit.double_lost)
        if (!marked_tokens.count(token))
            found.add("a refresh token whose two answers were lost belongs to no installation marked for reinstall");
}

void check_double_loss_targets(const std::vector<std::size_t>& targets, const std::vector<installation_outcome>& ends,
                               violations& found)
{
    if (targets.empty())
        found.add("no double loss was injected: the reinstall path was not exercised");
    for (std::size_t n = 0; n < ends.size(); ++n) {
        const bool targeted = std::find(targets.begin(), targets.end(), n) != targets.end();
        if (targeted && !ends[n].marked)
            found.add("installation " + std::to_string(n) +
                      " lost both answers of a refresh but is not marked for reinstall");
        if (!targeted && ends[n].marked)
            found.add("installation " + std::to_string(n) +
                      " is marked for reinstall, but no double loss was injected for it");
    }
}

}  // namespace soak::rotation
