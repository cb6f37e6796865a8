// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "driver.hpp"

#include "expectations.hpp"
#include "process_usage.hpp"

#include <slack/web/oauth.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace soak {

namespace asio = boost::asio;
using access_result = boost::system::result<slack::web::access_response>;
using namespace std::chrono_literals;

namespace {
constexpr std::size_t no_call = static_cast<std::size_t>(-1);

// A cancelled call's request may still be in flight to the mock when the call completes:
// count its exchanges a little later.
constexpr auto late_request_margin = 100ms;

std::string describe(std::size_t id, fault kind, const std::string& code, const access_result& r,
                     const slack::diagnostics& diag)
{
    std::string text = "call " + std::to_string(id) + " (" + std::string(to_string(kind)) + ", " + code + "): ";
    text += r ? "success" : r.error().to_string() + " \"" + r.error().message() + "\"";
    text += "; attempts " + std::to_string(diag.attempts) + ", http " + std::to_string(diag.http_status);
    if (!diag.error.empty())
        text += ", slack error " + diag.error;
    if (diag.underlying)
        text += ", underlying " + diag.underlying.to_string();
    if (!diag.client_message.empty())
        text += ", \"" + diag.client_message + "\"";
    return text;
}
}  // namespace

void event_counts::count(const slack::web::call_event& e)
{
    using kind = slack::web::call_event::kind;
    attempts_started += e.what == kind::attempt_started;
    retries_scheduled += e.what == kind::retry_scheduled;
    rate_limit_waits += e.what == kind::rate_limit_wait;
    budget_refusals += e.what == kind::failed && e.reason == "retry budget empty";
    answers_429 += e.what == kind::attempt_failed && e.http_status == 429;
}

// One call in flight: what must outlive its initiation (the code) or its completion (diag,
// the cancellation signal). Reused by the next call once the handler has run.
struct driver::slot {
    explicit slot(const asio::any_io_executor& ex) : cancel_timer(ex) {}
    std::size_t call = no_call;
    std::string code;
    slack::diagnostics diag;
    asio::cancellation_signal signal;
    asio::steady_timer cancel_timer;
};

driver::driver(slack::web::client& client, mock_access& mock, const plan& planned, driver_config config,
               violations& found, std::function<void()> on_finished)
    : client_(client),
      mock_(mock),
      plan_(planned),
      config_(std::move(config)),
      found_(found),
      on_finished_(std::move(on_finished))
{
    // Every page touched now, before the RSS baseline.
    record_.calls.resize(plan_.calls.size());
    record_.exchanges.resize(plan_.calls.size());
    for (std::size_t i = 0; i < config_.in_flight; ++i)
        slots_.push_back(std::make_unique<slot>(client_.get_executor()));
}

driver::~driver() = default;

std::int64_t driver::now_us() const
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_at_)
        .count();
}

void driver::start()
{
    started_at_ = std::chrono::steady_clock::now();
    cpu_at_start_ = cpu_seconds();
    for (const auto& s : slots_)
        start_next(*s);
    finish_if_done();  // zero calls
}

void driver::start_next(slot& s)
{
    s.call = no_call;
    if (next_call_ >= plan_.calls.size())
        return;
    const std::size_t id = next_call_++;
    s.call = id;
    record_.calls[id].started_us = now_us();
    if (plan_.calls[id].kind == fault::minted) {
        mock_.run_then([&s](slack::mock::server& mock) { s.code = mock.mint_code(); }, [this, &s, id] { send(s, id); });
    } else {
        magic_code_for(plan_.calls[id], id, s.code);
        send(s, id);
    }
}

void driver::send(slot& s, std::size_t id)
{
    const planned_call& planned = plan_.calls[id];
    const slack::web::access_params params{
        .client_id = config_.client_id, .client_secret = config_.client_secret, .code = s.code};
    auto on_complete = [this, &s, id](access_result r) { complete(s, id, std::move(r)); };
    slack::web::oauth oauth(client_);
    if (planned.kind == fault::cancel) {
        s.cancel_timer.expires_after(planned.cancel_after);
        s.cancel_timer.async_wait([this, &s, id](boost::system::error_code ec) {
            if (ec || s.call != id)
                return;  // the call completed first: nothing to cancel
            ++record_.cancellations_emitted;
            s.signal.emit(asio::cancellation_type::terminal);
        });
        oauth.access(params, s.diag, asio::bind_cancellation_slot(s.signal.slot(), std::move(on_complete)));
    } else {
        oauth.access(params, s.diag, std::move(on_complete));
    }
    watch_pool();
}

void driver::complete(slot& s, std::size_t id, access_result r)
{
    call_record& rec = record_.calls[id];
    if (++rec.completions > 1) {  // the slot belongs to another call by now: touch nothing else
        found_.add("call " + std::to_string(id) + " completed " + std::to_string(rec.completions) + " times");
        return;
    }
    const fault kind = plan_.calls[id].kind;
    rec.finished_us = now_us();
    rec.attempts = static_cast<std::uint8_t>(std::min(s.diag.attempts, 255u));
    rec.result = classify(r);
    if (const auto allowed = expected(kind, rec.result)) {
        if (std::string wrong = check_underlying(allowed->underlying, s.diag); !wrong.empty())
            found_.add(describe(id, kind, s.code, r, s.diag) + ": " + wrong);
    } else {
        found_.add(describe(id, kind, s.code, r, s.diag) + ": not an allowed outcome for " +
                   std::string(to_string(kind)));
    }
    if (kind == fault::cancel)
        s.cancel_timer.cancel();
    count_exchanges(s, id);
    watch_pool();

    if (++completed_ == config_.warm_up_calls)
        record_.rss_after_warm_up = resident_bytes();
    start_next(s);
    finish_if_done();
}

// The mock counted every request it answered before the client saw the answer; a call that
// was cancelled may have one more on its way.
void driver::count_exchanges(const slot& s, std::size_t id)
{
    const bool cancelled = plan_.calls[id].kind == fault::cancel;
    mock_.run(
        [this, id, code = s.code](slack::mock::server& mock) {
            record_.exchanges[id] = static_cast<std::uint8_t>(std::min<std::size_t>(mock.exchanges(code), 255));
        },
        cancelled ? std::chrono::milliseconds(late_request_margin) : std::chrono::milliseconds(0));
}

void driver::finish_if_done()
{
    if (finished_ || completed_.load() < plan_.calls.size())
        return;
    finished_ = true;
    record_.elapsed = std::chrono::steady_clock::now() - started_at_;
    record_.cpu_seconds = cpu_seconds() - cpu_at_start_;
    record_.rss_at_end = resident_bytes();
    if (record_.rss_after_warm_up == 0)
        record_.rss_after_warm_up = record_.rss_at_end;
    // One turn later: the last call's connection is back in the pool once its handler returned.
    asio::post(client_.get_executor(), [this] {
        record_.pool.at_end = client_.stats();
        client_.close_idle();
        record_.pool.open_after_close_idle = client_.stats().open;
        on_finished_();
    });
}

void driver::watch_pool()
{
    const slack::web::pool_stats now = client_.stats();
    ++record_.pool.samples;
    record_.pool.max_open = std::max(record_.pool.max_open, now.open);
    record_.pool.max_queued = std::max(record_.pool.max_queued, now.queued);
    if (now.open > config_.max_connections)
        found_.add("the pool holds " + std::to_string(now.open) + " connections, above max_connections " +
                   std::to_string(config_.max_connections));
}

}  // namespace soak
