// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/faults.hpp"

#include "rotation/settings.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cstdio>

namespace asio = boost::asio;

namespace soak::rotation {

void fault_log::note(double at_s, const std::string& what)
{
    char when[32];
    std::snprintf(when, sizeof when, "%6.1f s  ", at_s);
    timeline.push_back(when + what);
}

namespace {

asio::awaitable<void> sleep_until(steady_time t)
{
    asio::steady_timer timer(co_await asio::this_coro::executor, t);
    co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d)
{
    co_await sleep_until(std::chrono::steady_clock::now() + d);
}

asio::awaitable<void> lose_one_answer(run_context& run, fault_log& log)
{
    run.mock.lose_refresh_answers(1);
    ++log.single_losses;
    log.note(run.now(), "the next refresh answer is lost");
    co_return;
}

// A replica still running that has not been killed yet, taken in turn.
replica_process* next_victim(run_context& run, std::size_t cycle)
{
    std::vector<replica_process*> candidates;
    for (replica_process& r : run.replicas.all())
        if (!r.ended() && !r.killed)
            candidates.push_back(&r);
    return candidates.empty() ? nullptr : candidates[cycle % candidates.size()];
}

// Waits (at most 3 s) for the victim to start a refresh, lets the request reach the mock, which
// holds its answer refresh_delay, and kills the victim while the answer is on its way.
asio::awaitable<void> kill_mid_refresh(run_context& run, fault_log& log, std::size_t cycle)
{
    replica_process* victim = next_victim(run, cycle);
    if (!victim)
        co_return;
    run.replicas.read_progress(*victim);
    const std::size_t started_before = victim->refreshes_started;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (victim->refreshes_started == started_before && std::chrono::steady_clock::now() < give_up) {
        co_await sleep_for(std::chrono::milliseconds(5));
        run.replicas.read_progress(*victim);
    }
    if (victim->refreshes_started != started_before)
        co_await sleep_for(std::chrono::milliseconds(30));
    run.replicas.read_progress(*victim);
    const steady_time killed_at = std::chrono::steady_clock::now();
    kill_record k{.victim = victim->name,
                  .at_s = run.at(killed_at),
                  .refreshes_in_flight = victim->refreshes_in_flight,
                  // From a second before the held answers: a pair the victim received but had not
                  // written yet is lost with it too, and re-sent by the replica that takes over.
                  .window = {.from = run.clock.recorded_by(killed_at - refresh_delay - std::chrono::seconds(1)),
                             .to = run.mock.memory().recorded_requests}};
    run.replicas.kill(*victim);
    log.note(k.at_s, victim->name + " killed (SIGKILL) with " + std::to_string(k.refreshes_in_flight) +
                         " refresh(es) of its own in flight");
    co_await sleep_for(std::chrono::seconds(1));
    k.restarted_as = "replica-" + std::to_string(run.replicas.all().size() + 1);
    run.replicas.spawn(k.restarted_as);
    log.note(run.now(), k.restarted_as + " started in the place of " + victim->name);
    log.kills.push_back(std::move(k));
}

asio::awaitable<void> pause_postgres(run_context& run, fault_log& log)
{
    run.postgres.pause();
    ++log.pauses;
    const double from = run.now();
    co_await sleep_for(postgres_pause);
    run.postgres.resume();
    char what[96];
    std::snprintf(what, sizeof what, "PostgreSQL paused (SIGSTOP) for %.1f s, then resumed", run.now() - from);
    log.note(from, what);
}

// The installations a double loss may target in `cycle`: org-wide ones in even cycles, plain
// workspaces in odd ones (not the rate-limited: their first refresh token is a magic word),
// those targeted before left out, in an order that moves with the cycle.
std::vector<std::size_t> double_loss_candidates(const run_context& run, const fault_log& log, std::size_t cycle)
{
    std::vector<std::size_t> candidates;
    for (std::size_t n = 0; n < run.installations.size(); ++n) {
        const soak_installation& i = run.installations[n];
        const bool wanted = cycle % 2 == 0 ? i.org_wide : !i.org_wide && i.enterprise_id.empty() && !i.rate_limited;
        if (wanted && std::find(log.double_loss_targets.begin(), log.double_loss_targets.end(), n) ==
                          log.double_loss_targets.end())
            candidates.push_back(n);
    }
    if (!candidates.empty())
        std::rotate(candidates.begin(),
                    candidates.begin() + static_cast<std::ptrdiff_t>((cycle * 3) % candidates.size()),
                    candidates.end());
    return candidates;
}

// Both answers of one grant's next refresh lost. The grant's stored refresh token is read from
// the store when its next refresh is at least half a second away (so none is in flight), and the
// mock loses the next two answers of that token alone: the refresh's, and its re-send's.
asio::awaitable<void> lose_both_answers(run_context& run, fault_log& log, std::size_t cycle)
{
    for (const std::size_t n : double_loss_candidates(run, log, cycle)) {
        const slack::store::installation_key key = run.installations[n].keys().front();
        auto row = co_await run.store.find(key);
        if (!row || !*row || !(*row)->bot || !(*row)->bot->expires_at || !(*row)->bot->reinstall_reason.empty())
            continue;
        const slack::store::token_grant grant = *(*row)->bot;
        const auto refresh_in = *grant.expires_at - std::chrono::system_clock::now() - refresh_margin;
        if (refresh_in < std::chrono::milliseconds(500))
            continue;
        const std::size_t from = run.mock.memory().recorded_requests;
        run.mock.lose_refresh_answers(2, grant.refresh_token);
        const double at_s = run.now();
        const auto give_up = std::chrono::steady_clock::now() +
                             std::chrono::duration_cast<std::chrono::milliseconds>(refresh_in) +
                             std::chrono::seconds(3);
        std::size_t lost = 0;
        while (lost < 2 && std::chrono::steady_clock::now() < give_up) {
            co_await sleep_for(std::chrono::milliseconds(250));
            const std::vector<std::string> since = lost_since(run.mock.requests(), from);
            lost = static_cast<std::size_t>(std::count(since.begin(), since.end(), grant.refresh_token));
        }
        run.mock.lose_refresh_answers(0);  // whatever was not used up
        log.double_loss_targets.push_back(n);
        log.note(at_s, "both answers of the next refresh of installation " + std::to_string(n) + " (" +
                           run.installations[n].label() + ") are lost: " + std::to_string(lost) + " of 2 lost");
        co_return;
    }
    log.note(run.now(), "no installation could be picked for a double loss");
}

}  // namespace

asio::awaitable<void> inject_faults(run_context& run, fault_log& log)
{
    const auto cycle_length = run.length / run.cycles;
    for (std::size_t cycle = 0; cycle < run.cycles; ++cycle) {
        const steady_time start = run.started + cycle * cycle_length;
        const auto at = [&](double fraction) {
            return start + std::chrono::duration_cast<std::chrono::milliseconds>(cycle_length * fraction);
        };
        co_await sleep_until(at(0.15));
        co_await lose_one_answer(run, log);
        co_await sleep_until(at(0.22));
        co_await lose_one_answer(run, log);
        co_await sleep_until(at(0.30));
        co_await kill_mid_refresh(run, log, cycle);
        co_await sleep_until(at(0.58));
        co_await pause_postgres(run, log);
        co_await sleep_until(at(0.75));
        co_await lose_both_answers(run, log, cycle);
    }
    co_await sleep_until(run.started + run.length);
}

}  // namespace soak::rotation
