// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "install/refresh_protocol.hpp"

#include "install/grant_cache.hpp"

#include <slack/api_errc.hpp>
#include <slack/condition.hpp>
#include <slack/store/store_errc.hpp>

namespace slack::install::detail {

using boost::system::error_code;
using boost::system::result;

using store::token_grant;
using step = refresh_protocol::step;

bool grant_judge::usable(const std::string& token, const std::optional<store::time_point>& expires_at,
                         const std::string& rejected, wall_clock::time_point now) const
{
    if (token.empty() || token == rejected)
        return false;
    return !expires_at || *expires_at - now > refresh_margin;
}

next_step step_for(const token_grant& grant, const std::string& rejected, const grant_judge& judge,
                   wall_clock::time_point now)
{
    if (!grant.reinstall_reason.empty())
        return next_step::reinstall_required;
    if (judge.usable(grant.token, grant.expires_at, rejected, now))
        return next_step::serve;
    if (!grant.refresh_token.empty())
        return next_step::refresh;
    // Nothing to refresh with: a token without expiry is handed back even if a call rejected it
    // (the caller sees Slack's error again); an expiring one is not.
    return grant.expires_at ? next_step::not_rotating : next_step::serve;
}

lookup_step step_for_lookup(const cached_grant& held, const token_grant& row, const grant_judge& judge,
                            wall_clock::time_point now)
{
    if (judge.usable(held.token, held.expires_at, held.rejected, now))
        return lookup_step::held;
    if (!held.lost_refresh_token.empty() && held.lost_refresh_token == row.refresh_token)
        return lookup_step::reinstall_required;
    switch (step_for(row, held.rejected, judge, now)) {
    case next_step::serve: return lookup_step::serve;
    case next_step::refresh: return lookup_step::refresh;
    case next_step::not_rotating: return lookup_step::not_rotating;
    case next_step::reinstall_required: break;
    }
    return lookup_step::reinstall_required;
}

// ---- pair_write ----

pair_write::step pair_write::on_swapped(const result<bool>& swapped)
{
    if (!swapped) {
        error_ = swapped.error();
        return step::failed;
    }
    return *swapped ? step::written : step::read;
}

pair_write::step pair_write::on_read(result<token_grant> now)
{
    if (!now && now.error() == store_errc::not_found)
        return step::superseded;  // uninstalled meanwhile: no newer pair
    if (!now) {
        error_ = now.error();
        return step::failed;
    }
    if (now->refresh_token == fresh_.refresh_token)  // an earlier write of ours, whose answer was lost
        return step::written;
    if (now->refresh_token != stored_.refresh_token) {
        newer_ = std::move(*now);
        return step::superseded;
    }
    // Still the pair refreshed from, under a new revision (another replica marked it for
    // reinstall, say): ours is newer, so it replaces that.
    expected_ = now->revision;
    if (++swaps_ >= 3) {
        error_ = store_errc::query_failed;
        return step::failed;
    }
    return step::swap;
}

// ---- refresh_protocol ----

step refresh_protocol::finish(result<token_grant> outcome) { return finish(std::move(outcome), step{}); }

step refresh_protocol::finish(result<token_grant> outcome, step s)
{
    outcome_ = std::move(outcome);
    s.what = step::done;
    return s;
}

step refresh_protocol::keep_writing(const token_grant& what, error_code why, step s)
{
    // Slack issued this pair (or the mark says its refresh token is gone) and the stored refresh
    // token is spent: dropping the write would lose the installation.
    pending_ = &what;
    pending_error_ = why;
    s.event = token_event::kind::write_failed;
    s.event_error = why;
    s.counter = &token_provider_stats::pending_writes;
    return s;
}

step refresh_protocol::judge_row(wall_clock::time_point now, bool under_lease)
{
    switch (step_for(row_, rejected_, judge_, now)) {
    case next_step::serve: return finish(row_);
    case next_step::not_rotating: return finish(error_code(store_errc::not_rotating));
    case next_step::reinstall_required: {
        step s;
        s.event = token_event::kind::reinstall_required;
        return finish(error_code(store_errc::reinstall_required), s);
    }
    case next_step::refresh: break;
    }
    if (!under_lease)
        return {step::take_lease};
    ++sends_;
    return {step::send, {}, {}, &token_provider_stats::refreshes};
}

step refresh_protocol::on_lease(const result<bool>& held, steady_clock::time_point now)
{
    if (!held)
        return finish(held.error());
    if (*held) {
        // Another replica may have refreshed between our read and the lease.
        lease_held_ = true;
        return {step::read};
    }
    if (now >= give_up_at_)
        return finish(error_code(store_errc::refresh_busy));
    return {step::pause, {}, {}, &token_provider_stats::lease_waits};
}

step refresh_protocol::on_read(result<token_grant> row, wall_clock::time_point now)
{
    if (rereading_after_mark_) {
        // The mark lost its swap: someone wrote meanwhile, and a pair of theirs beats a mark.
        if (row && step_for(*row, {}, judge_, now) == next_step::serve)
            return finish(std::move(*row));
        return finish(outcome_);
    }
    if (!row)
        return finish(row.error());
    row_ = std::move(*row);
    return judge_row(now, lease_held_);
}

step refresh_protocol::on_sent(result<token_grant> fresh)
{
    if (fresh) {
        fresh_ = std::move(*fresh);
        return {step::write};
    }
    const error_code ec = fresh.error();
    const bool lost = ec == condition::outcome_unknown;
    if (lost && sends_ == 1) {
        // Slack may have rotated already: the pair it sent is lost, and the refresh token we hold is
        // spent. Inside its grace it yields another pair, so it is sent once more, at once.
        ++sends_;
        return {step::send, token_event::kind::refresh_answer_lost, ec, &token_provider_stats::resends};
    }
    // A first refusal is Slack's answer to this request alone (the row may be repaired, the
    // refusal may pass): the grant is not marked, and the next token() tries again.
    if (!lost && (sends_ == 1 || ec != api_errc::invalid_refresh_token))
        return finish(ec);
    // The re-send was refused, or its answer lost too: the refresh token is gone for good. Say so
    // in the row, for every replica.
    marked_ = row_;
    marked_.reinstall_reason =
        lost ? "a refresh's answer was lost twice: the refresh token is spent"
             : "a refresh's answer was lost and its re-send was refused: the refresh token is spent";
    outcome_ = error_code(store_errc::reinstall_required);
    mark_error_ = ec;
    return {step::mark};
}

step refresh_protocol::on_written(pair_write::step how, std::optional<token_grant> newer, error_code error,
                                  wall_clock::time_point now)
{
    switch (how) {
    case pair_write::step::written: {
        step s;
        s.event = token_event::kind::refreshed;
        return finish(fresh_, s);
    }
    case pair_write::step::superseded: {
        step s{step::done, token_event::kind::pair_superseded, {}, &token_provider_stats::lost_swaps};
        if (!newer)  // uninstalled meanwhile: the pair belongs to no installation now
            return finish(error_code(store_errc::not_found), s);
        if (judge_.usable(newer->token, newer->expires_at, rejected_, now))
            return finish(std::move(*newer), s);
        return finish(fresh_, s);  // ours is valid too: Slack just issued it
    }
    default: break;
    }
    // The callers get the token now; the write goes on, holding the lease.
    return finish(fresh_, keep_writing(fresh_, error, {}));
}

step refresh_protocol::on_marked(const result<bool>& swapped)
{
    const result<token_grant> outcome = outcome_;
    if (swapped && !*swapped) {
        rereading_after_mark_ = true;
        return {step::read};
    }
    if (swapped)
        return finish(outcome, {step::done, token_event::kind::marked_for_reinstall, mark_error_,
                                &token_provider_stats::marked_for_reinstall});
    return finish(outcome, keep_writing(marked_, swapped.error(), {}));  // the mark, like a pair
}

}  // namespace slack::install::detail
