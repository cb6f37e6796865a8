// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Clients driven by several threads: thread_safe clients on io_contexts run by two threads, calls
// started from threads that do not run them, use_future waited for on another thread, and an idle
// pool leaving no work behind. Also built and run under ThreadSanitizer (scripts/test --tsan).
#include "integration/mock_fixture.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_future.hpp>

#include <atomic>
#include <filesystem>
#include <future>
#include <optional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using slack::test::access_result;
using slack::test::describe;
using namespace std::chrono_literals;

std::size_t thread_count()
{
    const std::filesystem::directory_iterator tasks("/proc/self/task");
    return static_cast<std::size_t>(std::distance(tasks, std::filesystem::directory_iterator()));
}

// A mock on an io_context and thread of its own, for tests that drive the client's io_context
// themselves. Stopped and joined when it goes out of scope; its io_context runs for at most 60 s.
struct threaded_mock {
    threaded_mock() : mock(ioc.get_executor())
    {
        mock.start();
        thread = std::thread([this] { ioc.run_for(60s); });
    }
    ~threaded_mock()
    {
        asio::post(ioc, [this] { mock.stop(); });
        work.reset();
        thread.join();
    }
    asio::ssl::context tls() const
    {
        asio::ssl::context context = web::make_tls_context();
        context.add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
        return context;
    }
    web::client_options options() const
    {
        web::client_options o;
        o.api_url = mock.api_url();
        return o;
    }
    slack::test::owned_params params(std::string code) const { return slack::test::params_for(mock, std::move(code)); }

    asio::io_context ioc;
    slack::mock::server mock;
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(ioc);
    std::thread thread;
};

// A thread_safe client on an io_context run by two threads of its own (each for at most `run`),
// stopped and joined when it goes out of scope.
struct two_thread_client {
    two_thread_client(const threaded_mock& mock, std::size_t max_connections, std::chrono::seconds run)
        : client(ioc.get_executor(), std::make_shared<asio::ssl::context>(mock.tls()),
                 options_for(mock, max_connections)),
          runner_a([this, run] { ioc.run_for(run); }),
          runner_b([this, run] { ioc.run_for(run); })
    {
    }
    ~two_thread_client() { stop(); }
    /// Before the test's own variables go: its handlers may refer to them.
    void stop()
    {
        work.reset();
        ioc.stop();
        if (runner_a.joinable())
            runner_a.join();
        if (runner_b.joinable())
            runner_b.join();
    }
    static web::client_options options_for(const threaded_mock& mock, std::size_t max_connections)
    {
        web::client_options o = mock.options();
        o.thread_safe = true;
        o.max_connections = max_connections;
        return o;
    }
    /// Polls `done` from this thread until it holds or `limit` passes.
    template <class Predicate>
    static void wait_for(Predicate done, std::chrono::seconds limit)
    {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (!done() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(10ms);
    }

    asio::io_context ioc{2};
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(ioc);
    web::client client;
    std::thread runner_a, runner_b;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(use_future_works_with_the_io_context_on_another_thread)
{
    threaded_mock mock;
    web::client_options options = mock.options();
    options.thread_safe = true;  // the documented way to start a call from another thread
    asio::io_context ioc;
    web::client client(ioc.get_executor(), std::make_shared<asio::ssl::context>(mock.tls()), options);
    auto guard = asio::make_work_guard(ioc);
    std::thread runner([&] { ioc.run_for(15s); });
    std::future<access_result> future =
        web::oauth(client).access(mock.params("mock-payload-bot-future"), asio::use_future);
    const bool ready = future.wait_for(10s) == std::future_status::ready;
    guard.reset();
    ioc.stop();
    runner.join();
    BOOST_REQUIRE(ready);
    BOOST_TEST(future.get().has_value());
}

// thread_safe: calls started from several threads on an io_context run by two threads.
// The mock runs on an io_context and thread of its own.
BOOST_AUTO_TEST_CASE(thread_safe_client_on_a_multithreaded_io_context)
{
    threaded_mock mock;
    two_thread_client on_two(mock, 3, 30s);
    web::client& client = on_two.client;

    constexpr int calls = 40;
    std::atomic<int> succeeded{0}, completed{0};
    auto start_call = [&](int i) {
        web::oauth(client).access(mock.params("mock-payload-bot-thread" + std::to_string(i)), [&](access_result r) {
            succeeded += r.has_value();
            ++completed;
        });
    };
    for (int i = 0; i < calls; ++i) {
        if (i % 2)
            start_call(i);  // from this thread, which does not run the io_context
        else
            asio::post(on_two.ioc, [&, i] { start_call(i); });  // from the io_context's threads
    }
    two_thread_client::wait_for([&] { return completed == calls; }, 20s);
    on_two.stop();
    BOOST_TEST(completed.load() == calls);
    BOOST_TEST(succeeded.load() == calls);
}

// A kept-alive idle connection leaves no pending operation (and no lookup thread) behind: io_context::run() returns
// once the calls are done, although the client (and its pool) still exists.
BOOST_AUTO_TEST_CASE(an_idle_pool_leaves_no_work_in_the_io_context)
{
    threaded_mock mock;
    auto tls = std::make_shared<asio::ssl::context>(mock.tls());
    web::client_options options = mock.options();
    options.attempt_timeout = 1h;  // a deadline timer left armed would hold run_for() for its whole span
    options.timeout = 1h;
    asio::io_context client_ioc;
    web::client client(client_ioc.get_executor(), tls, options);
    const std::size_t threads_before = thread_count();
    std::optional<access_result> first, second;
    web::oauth(client).access(mock.params("mock-payload-bot-1"), [&](access_result r) { first.emplace(std::move(r)); });
    client_ioc.run_for(20s);
    BOOST_TEST(client_ioc.stopped());  // ran out of work: did not wait for the 20 s
    web::oauth(client).access(mock.params("mock-payload-bot-2"),
                              [&](access_result r) { second.emplace(std::move(r)); });
    client_ioc.restart();
    client_ioc.run_for(20s);
    BOOST_TEST(client_ioc.stopped());
    BOOST_TEST((first && first->has_value()));
    BOOST_TEST((second && second->has_value()));
    BOOST_TEST(client.stats().idle == 1u);  // the connection was kept, and reused
    BOOST_TEST(client.stats().connections_reused == 1u);
    // 127.0.0.1 needs no name lookup, so Asio started no resolver thread.
    BOOST_TEST(thread_count() == threads_before);
}

// A call raced by a timer through `||` on a thread_safe client, many rounds: the cancellation
// reaches the call through the strand while its completion may be on its way (Asio 1.81's
// co_spawn has had a use-after-free there, chriskohlhoff/asio#1332). Under ASan and TSan this
// must stay silent, and every round must end with one of the two.
BOOST_AUTO_TEST_CASE(calls_cancelled_by_a_racing_timer_on_a_thread_safe_client)
{
    threaded_mock mock;
    two_thread_client on_two(mock, 4, 60s);
    web::client& client = on_two.client;

    constexpr int rounds = 300;
    std::atomic<int> finished{0}, timer_won{0}, call_won{0};
    auto round = [&](int i) -> asio::awaitable<void> {
        using namespace asio::experimental::awaitable_operators;
        asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::microseconds(50 * (i % 40)));
        // Named first: no braced temporary with a destructor inside co_await (g++ 12).
        const std::string token = "mock-reusable";
        auto winner = co_await (client.call("auth.test", {.idempotent = true}, token, asio::use_awaitable) ||
                                timer.async_wait(asio::use_awaitable));
        (winner.index() == 0 ? call_won : timer_won)++;
    };
    for (int i = 0; i < rounds; ++i)
        asio::co_spawn(client.get_executor(), round(i), [&](std::exception_ptr) { ++finished; });
    two_thread_client::wait_for([&] { return finished == rounds; }, 45s);
    on_two.stop();
    BOOST_TEST(finished.load() == rounds);
    BOOST_TEST_MESSAGE("call first: " << call_won.load() << ", timer first: " << timer_won.load());
}

// A token provider on a thread_safe client run by two threads, asked from both of them and from a
// thread that does not run it, some callers cancelled from that thread at once: one refresh, one
// token for all who stayed, and every caller completes once.
BOOST_AUTO_TEST_CASE(a_token_provider_on_two_threads_refreshes_once_and_lets_callers_leave)
{
    threaded_mock mock;
    two_thread_client on_two(mock, 4, 30s);
    slack::store::memory_store store(on_two.client.get_executor());
    slack::store::installation expired;
    expired.team_id = "T0THREADS";
    expired.bot = slack::store::token_grant{.token = "xoxe.xoxb-expired",
                                            .refresh_token = "mock-reusable-threads",
                                            .expires_at = std::chrono::system_clock::now() - 5s,
                                            .scopes = {},
                                            .bot_id = {},
                                            .user_id = {},
                                            .revision = 0};
    BOOST_REQUIRE(store.save(expired, asio::use_future).get().has_value());
    slack::install::token_provider provider(on_two.client, store,
                                            {.client_id = mock.mock.options().client_id,
                                             .client_secret = mock.mock.options().client_secret,
                                             .lease_duration = 5s,
                                             .lease_poll = 10ms});
    constexpr int callers = 40;
    std::mutex results_mutex;
    std::set<std::string> tokens;
    std::atomic<int> completed{0}, aborted{0}, failed{0};
    auto record = [&](boost::system::result<std::string> r) {
        if (r) {
            std::lock_guard lock(results_mutex);
            tokens.insert(*r);
        } else if (r.error() == asio::error::operation_aborted) {
            ++aborted;
        } else {
            ++failed;
        }
        ++completed;
    };
    std::vector<std::unique_ptr<asio::cancellation_signal>> signals;
    for (int i = 0; i < callers; ++i) {
        const slack::store::installation_key_view key{.enterprise_id = {}, .team_id = "T0THREADS", .user_id = {}};
        if (i % 4 == 1) {
            signals.push_back(std::make_unique<asio::cancellation_signal>());
            provider.token(key, slack::store::grant_kind::bot,
                           asio::bind_cancellation_slot(signals.back()->slot(), record));
            signals.back()->emit(asio::cancellation_type::terminal);
        } else if (i % 2) {
            provider.token(key, slack::store::grant_kind::bot, record);
        } else {
            asio::post(on_two.ioc, [&, key] { provider.token(key, slack::store::grant_kind::bot, record); });
        }
    }
    two_thread_client::wait_for([&] { return completed == callers; }, 20s);
    on_two.stop();
    BOOST_TEST(completed.load() == callers);
    BOOST_TEST(failed.load() == 0);
    BOOST_TEST(aborted.load() <= callers / 4);
    BOOST_TEST(tokens.size() == 1u);
    BOOST_TEST(provider.stats().refreshes == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
