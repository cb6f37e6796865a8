// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/report.hpp"

#include "rotation/settings.hpp"

#include <cstdio>
#include <map>
#include <string>

namespace soak::rotation {

namespace {

std::string listed(const std::map<std::string, std::size_t>& counts)
{
    std::string text;
    for (const auto& [name, count] : counts)
        text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
    return text.empty() ? "none" : text;
}

std::size_t count_of(const std::map<std::string, std::size_t>& counts, const std::string& name)
{
    const auto it = counts.find(name);
    return it == counts.end() ? 0 : it->second;
}

}  // namespace

void print_report(const run_facts& facts, const fault_log& faults, const refresh_audit& audit,
                  const replica_totals& totals, const std::vector<installation_outcome>& ends, const violations& found)
{
    using std::printf;
    printf("== rotation soak (scripts/soak --rotation --seconds %lld)\n", facts.seconds);
    printf(
        "setup: %zu installations in PostgreSQL (%zu org-wide, asked by %zu workspaces each; %zu workspace installs "
        "inside those enterprises; %zu rate-limited), %zu replicas of %zu askers (pause 0-%lld ms), %zu cycle(s) of "
        "faults\n",
        installation_count, org_wide_count, workspaces_per_org, inside_enterprise_count, rate_limited_count,
        facts.replicas, facts.askers, facts.max_pause_ms, facts.cycles);
    printf(
        "timing: access tokens live %lld s, refresh margin %lld s (a rotation every %lld s), grace %lld ms, "
        "answers held %lld ms, lease %lld ms\n",
        static_cast<long long>(access_token_lifetime.count()), static_cast<long long>(refresh_margin.count()),
        static_cast<long long>((access_token_lifetime - refresh_margin).count()),
        static_cast<long long>(refresh_grace.count()), static_cast<long long>(refresh_delay.count()),
        static_cast<long long>(lease_duration.count()));
    printf("took: setup %.1f s, run %.1f s, stop %.1f s, final check %.1f s\n", facts.setup_s, facts.run_s,
           facts.stop_s, facts.final_s);
    printf("faults:\n");
    for (const std::string& line : faults.timeline)
        printf("  %s\n", line.c_str());
    printf(
        "refreshes (the mock's log, %zu requests): %zu rotations from %zu refresh requests; sent once %zu, twice after "
        "a lost answer %zu, twice after a killed sender %zu, twice otherwise %zu, more %zu; %zu answers lost; %zu "
        "answered 429\n",
        facts.recorded_requests, audit.rotations, audit.requests, audit.sent_once, audit.twice_after_loss,
        audit.twice_after_kill, audit.twice_unexplained, audit.more_than_twice, audit.lost_answers, audit.answers_429);
    printf("replicas: %zu run (%zu killed on purpose), %zu summaries; slowest stop %lld ms\n", totals.replicas,
           totals.killed, totals.summaries, totals.slowest_stop_ms);
    printf(
        "tokens: %zu asked, %zu handed out, %zu accepted by auth.test, %zu refused by it (revoked, expired, unknown); "
        "%zu unchecked (%s)\n",
        totals.asked, totals.served, totals.checked, totals.bad_tokens,
        totals.served - totals.checked - totals.bad_tokens, listed(totals.unchecked).c_str());
    printf("token() errors: tolerated %s; reinstall_required %zu; unexpected %s\n", listed(totals.tolerated).c_str(),
           totals.reinstall_required, listed(totals.unexpected).c_str());
    printf(
        "providers (of the %zu replicas that ended with a summary): refreshes %zu, re-sends %zu, lease waits %zu, "
        "lost swaps %zu, write retries %zu, marked %zu; events %s\n",
        totals.summaries, count_of(totals.stats, "refreshes"), count_of(totals.stats, "resends"),
        count_of(totals.stats, "lease_waits"), count_of(totals.stats, "lost_swaps"),
        count_of(totals.stats, "write_retries"), count_of(totals.stats, "marked_for_reinstall"),
        listed(totals.events).c_str());
    std::size_t usable = 0, marked = 0;
    for (const installation_outcome& end : ends) {
        usable += end.usable;
        marked += end.marked;
    }
    printf("end: %zu installations usable (token() by every key + auth.test), %zu marked for reinstall, %zu lost\n",
           usable, marked, ends.size() - usable - marked);
    for (std::size_t n = 0; n < ends.size(); ++n)
        if (ends[n].marked)
            printf("  installation %zu marked: \"%s\"\n", n, ends[n].reason.c_str());
    if (found.count() == 0) {
        printf("verdict: no violation\n");
        return;
    }
    printf("verdict: %zu VIOLATION(S)\n", found.count());
    for (const std::string& v : found.first())
        printf("  VIOLATION: %s\n", v.c_str());
}

}  // namespace soak::rotation
