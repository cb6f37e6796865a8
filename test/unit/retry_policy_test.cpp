// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Tests for slack::retry_policy::decide and slack::outcome_unknown: pure functions, no sockets.
#include <boost/test/unit_test.hpp>

#include <slack/error.hpp>
#include <slack/retry_policy.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using boost::system::error_code;
using std::chrono::milliseconds;

// A certificate verification failure as OpenSSL 1.1 reports it (SSL routines, tls_process_server_certificate).
error_code certificate_failure() { return error_code(0x1416F086, boost::asio::error::get_ssl_category()); }

// The attempt_info of a Slack answer `{"ok": false, "error": e}` (HTTP 200).
slack::attempt_info slack_answer(slack::api_errc e, unsigned attempt = 1, milliseconds time_left = 30s,
                                 double random = 0.5)
{
    slack::attempt_info info;
    info.attempt = attempt;
    info.error = e;
    info.http_status = 200;
    info.response_received = true;
    info.request_written = true;
    info.time_left = time_left;
    info.random = random;
    return info;
}

// A 429 with an optional Retry-After.
slack::attempt_info rate_limited(std::optional<milliseconds> retry_after, milliseconds time_left = 30s,
                                 double random = 0.5, unsigned attempt = 1)
{
    slack::attempt_info info = slack_answer(slack::api_errc::ratelimited, attempt, time_left, random);
    info.http_status = 429;
    info.retry_after = retry_after;
    return info;
}

// An HTTP error status without a Slack body.
slack::attempt_info http_status(unsigned status, bool idempotent, unsigned attempt = 1)
{
    slack::attempt_info info;
    info.attempt = attempt;
    info.error = slack::client_errc::http_status;
    info.http_status = status;
    info.response_received = true;
    info.request_written = true;
    info.idempotent = idempotent;
    info.time_left = 30s;
    info.random = 0.5;
    return info;
}

// A transport failure: no response.
slack::attempt_info transport(error_code ec, bool written, bool idempotent = false, unsigned attempt = 1)
{
    slack::attempt_info info;
    info.attempt = attempt;
    info.error = ec;
    info.request_written = written;
    info.response_received = false;
    info.idempotent = idempotent;
    info.time_left = 30s;
    info.random = 0.5;
    return info;
}

struct decide_case {
    std::string name;
    slack::retry_policy policy;
    slack::attempt_info info;
    bool retry;
    std::optional<milliseconds> delay;  // checked when set
};

void check(const decide_case& c)
{
    BOOST_TEST_CONTEXT(c.name)
    {
        const slack::retry_decision d = c.policy.decide(c.info);
        BOOST_TEST(d.retry == c.retry);
        if (c.delay)
            BOOST_TEST(d.delay.count() == c.delay->count());
        if (!d.retry)
            BOOST_TEST(d.delay.count() == 0);
        BOOST_TEST(d.reason != nullptr);
        // operator() is decide().
        const slack::retry_decision same = c.policy(c.info);
        BOOST_TEST(same.retry == d.retry);
        BOOST_TEST(same.delay.count() == d.delay.count());
    }
}

slack::retry_policy standard_with(unsigned max_attempts)
{
    slack::retry_policy p = slack::retry_policy::standard();
    p.max_attempts = max_attempts;
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(retry_policy)

BOOST_AUTO_TEST_CASE(none_never_retries)
{
    const slack::retry_policy none = slack::retry_policy::none();
    BOOST_TEST(none.max_attempts == 1u);
    const std::vector<slack::attempt_info> infos = {
        rate_limited(2000ms),
        rate_limited(std::nullopt),
        slack_answer(slack::api_errc::service_unavailable),
        slack_answer(slack::api_errc::request_timeout),
        http_status(503, false),
        http_status(500, true),
        transport(boost::asio::error::connection_refused, false),
        transport(slack::client_errc::connection_closed, true, true),
    };
    for (double random : {0.0, 0.5, 0.99}) {
        for (slack::attempt_info info : infos) {
            info.random = random;
            const slack::retry_decision d = none.decide(info);
            BOOST_TEST(!d.retry, "none() retried " << info.error.message() << " random=" << random);
        }
    }
}

BOOST_AUTO_TEST_CASE(rate_limited_with_retry_after)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    const std::vector<decide_case> cases = {
        {"Retry-After 2 s, random 0.5", standard, rate_limited(2000ms), true, 2000ms + 125ms},
        {"Retry-After 2 s, random 0", standard, rate_limited(2000ms, 30s, 0.0), true, 2000ms},
        {"Retry-After 2 s, random 0.999", standard, rate_limited(2000ms, 30s, 0.999), true, 2000ms + 249ms},
        {"Retry-After 0", standard, rate_limited(0ms, 30s, 0.5), true, 125ms},
        {"Retry-After at the cap", standard, rate_limited(30000ms, 60s, 0.0), true, 30000ms},
        {"Retry-After above the cap", standard, rate_limited(31000ms, 60s, 0.0), false, std::nullopt},
        {"Retry-After 120 s above the cap", standard, rate_limited(120000ms, 600s, 0.5), false, std::nullopt},
        {"Retry-After + jitter above time left", standard, rate_limited(2000ms, 2100ms, 0.5), false, std::nullopt},
        {"Retry-After alone above time left", standard, rate_limited(5000ms, 2000ms, 0.0), false, std::nullopt},
        {"Retry-After + jitter just fits", standard, rate_limited(2000ms, 2125ms, 0.5), true, 2125ms},
        {"attempts exhausted", standard, rate_limited(1000ms, 30s, 0.5, standard.max_attempts), false, std::nullopt},
    };
    for (const decide_case& c : cases)
        check(c);
}

BOOST_AUTO_TEST_CASE(rate_limit_delay_never_below_retry_after)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    for (milliseconds retry_after : {0ms, 1000ms, 2000ms, 29000ms}) {
        for (double random : {0.0, 0.1, 0.5, 0.9, 0.999999}) {
            const slack::retry_decision d = standard.decide(rate_limited(retry_after, 60s, random));
            BOOST_TEST_CONTEXT("Retry-After " << retry_after.count() << " ms, random " << random)
            {
                BOOST_TEST(d.retry);
                BOOST_TEST(d.delay.count() >= retry_after.count());
                BOOST_TEST(d.delay.count() <= (retry_after + standard.rate_limit_jitter).count());
                const auto jitter = static_cast<long long>(random * standard.rate_limit_jitter.count());
                BOOST_TEST(d.delay.count() == retry_after.count() + jitter);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(rate_limited_without_retry_after_uses_fallback)
{
    slack::retry_policy standard = slack::retry_policy::standard();
    slack::retry_policy short_fallback = standard;
    short_fallback.fallback_retry_after = 200ms;
    slack::retry_policy no_jitter = standard;
    no_jitter.rate_limit_jitter = 0ms;

    // HTML 429 (no Slack body) is classified as ratelimited by the envelope, but a bare
    // status must be enough for the policy too.
    slack::attempt_info bare_status = http_status(429, false);
    bare_status.retry_after.reset();

    const std::vector<decide_case> cases = {
        {"standard fallback", standard, rate_limited(std::nullopt), true, 1000ms + 125ms},
        {"short fallback", short_fallback, rate_limited(std::nullopt), true, 200ms + 125ms},
        {"no jitter", no_jitter, rate_limited(std::nullopt, 30s, 0.9), true, 1000ms},
        {"HTTP 429 without Slack body", standard, bare_status, true, 1000ms + 125ms},
        {"fallback above time left", standard, rate_limited(std::nullopt, 1100ms), false, std::nullopt},
    };
    for (const decide_case& c : cases)
        check(c);
}

BOOST_AUTO_TEST_CASE(service_unavailable_backs_off_with_full_jitter)
{
    const slack::retry_policy p = standard_with(10);
    for (unsigned attempt = 1; attempt <= 7; ++attempt) {
        const long long exponential = p.base_delay.count() << (attempt - 1);
        const long long ceiling = std::min<long long>(p.max_delay.count(), exponential);
        for (double random : {0.0, 0.25, 0.5, 0.999}) {
            BOOST_TEST_CONTEXT("attempt " << attempt << ", random " << random)
            {
                const slack::retry_decision d =
                    p.decide(slack_answer(slack::api_errc::service_unavailable, attempt, 60s, random));
                BOOST_TEST(d.retry);
                BOOST_TEST(d.delay.count() == static_cast<long long>(random * static_cast<double>(ceiling)));
                BOOST_TEST(d.delay.count() <= p.max_delay.count());
            }
        }
    }
    // The numbers, spelled out for the default policy (base 250 ms, cap 4 s), random 0.5.
    const long long expected[] = {125, 250, 500, 1000, 2000};
    for (unsigned attempt = 1; attempt <= 5; ++attempt) {
        BOOST_TEST_CONTEXT("attempt " << attempt)
        {
            const slack::retry_decision d = p.decide(slack_answer(slack::api_errc::service_unavailable, attempt));
            BOOST_TEST(d.retry);
            BOOST_TEST(d.delay.count() == expected[attempt - 1]);
        }
    }
}

BOOST_AUTO_TEST_CASE(transient_failures_retry)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    const std::vector<decide_case> cases = {
        {"service_unavailable", standard, slack_answer(slack::api_errc::service_unavailable), true, 125ms},
        {"request_timeout", standard, slack_answer(slack::api_errc::request_timeout), true, 125ms},
        {"HTTP 503 HTML", standard, http_status(503, false), true, 125ms},
        {"HTTP 503 HTML idempotent", standard, http_status(503, true), true, 125ms},
        {"connection refused before writing", standard, transport(boost::asio::error::connection_refused, false), true,
         125ms},
        {"connection reset before writing", standard, transport(boost::asio::error::connection_reset, false), true,
         125ms},
        {"connection closed before writing", standard, transport(slack::client_errc::connection_closed, false), true,
         125ms},
        {"attempt timeout before writing", standard, transport(slack::client_errc::attempt_timeout, false), true,
         125ms},
    };
    for (const decide_case& c : cases)
        check(c);
}

BOOST_AUTO_TEST_CASE(permanent_failures_do_not_retry)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    const std::vector<decide_case> cases = {
        {"certificate failure", standard, transport(certificate_failure(), false), false, std::nullopt},
        {"certificate failure, idempotent", standard, transport(certificate_failure(), false, true), false,
         std::nullopt},
        {"invalid_code", standard, slack_answer(slack::api_errc::invalid_code), false, std::nullopt},
        {"bad_client_secret", standard, slack_answer(slack::api_errc::bad_client_secret), false, std::nullopt},
        {"code_already_used", standard, slack_answer(slack::api_errc::code_already_used), false, std::nullopt},
        {"invalid_json", standard, transport(slack::client_errc::invalid_json, true), false, std::nullopt},
        {"HTTP 404 HTML", standard, http_status(404, false), false, std::nullopt},
        {"HTTP 400 HTML idempotent", standard, http_status(400, true), false, std::nullopt},
    };
    for (const decide_case& c : cases)
        check(c);
    // The JSON errors above arrived as complete responses: fix that for invalid_json.
    slack::attempt_info json = slack_answer(slack::api_errc::invalid_code);
    json.error = slack::client_errc::invalid_json;
    BOOST_TEST(!standard.decide(json).retry);
}

BOOST_AUTO_TEST_CASE(unknown_outcome_depends_on_idempotence)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    slack::retry_policy brave = standard;
    brave.retry_unknown_outcome = true;

    slack::attempt_info fatal = slack_answer(slack::api_errc::fatal_error);
    slack::attempt_info internal = slack_answer(slack::api_errc::internal_error);
    slack::attempt_info fatal_idempotent = fatal;
    fatal_idempotent.idempotent = true;

    const std::vector<decide_case> cases = {
        {"connection closed after writing", standard, transport(slack::client_errc::connection_closed, true), false,
         std::nullopt},
        {"connection closed after writing, idempotent", standard,
         transport(slack::client_errc::connection_closed, true, true), true, 125ms},
        {"attempt timeout after writing", standard, transport(slack::client_errc::attempt_timeout, true), false,
         std::nullopt},
        {"attempt timeout after writing, idempotent", standard,
         transport(slack::client_errc::attempt_timeout, true, true), true, 125ms},
        {"HTTP 500", standard, http_status(500, false), false, std::nullopt},
        {"HTTP 502", standard, http_status(502, false), false, std::nullopt},
        {"HTTP 504", standard, http_status(504, false), false, std::nullopt},
        {"HTTP 500 idempotent", standard, http_status(500, true), true, 125ms},
        {"HTTP 502 idempotent", standard, http_status(502, true), true, 125ms},
        {"HTTP 504 idempotent", standard, http_status(504, true), true, 125ms},
        {"fatal_error", standard, fatal, false, std::nullopt},
        {"internal_error", standard, internal, false, std::nullopt},
        {"fatal_error idempotent", standard, fatal_idempotent, true, 125ms},
        {"retry_unknown_outcome: connection closed after writing", brave,
         transport(slack::client_errc::connection_closed, true), true, 125ms},
        {"retry_unknown_outcome: HTTP 500", brave, http_status(500, false), true, 125ms},
        {"retry_unknown_outcome: fatal_error", brave, fatal, true, 125ms},
        {"retry_unknown_outcome: internal_error", brave, internal, true, 125ms},
        {"retry_unknown_outcome: attempts exhausted", brave,
         transport(slack::client_errc::connection_closed, true, false, brave.max_attempts), false, std::nullopt},
        {"retry_unknown_outcome does not make permanent errors retryable", brave,
         slack_answer(slack::api_errc::invalid_code), false, std::nullopt},
    };
    for (const decide_case& c : cases)
        check(c);
}

BOOST_AUTO_TEST_CASE(proxy_and_storage_failures_may_have_been_processed)
{
    // Said after the request went through (by Slack, a proxy or a CDN): the request may have run.
    for (unsigned status : {500u, 502u, 504u, 507u, 520u, 521u, 522u, 523u, 524u, 525u, 526u, 527u, 530u}) {
        BOOST_TEST_CONTEXT("HTTP " << status)
        {
            BOOST_TEST(slack::outcome_unknown(http_status(status, false)));
            check({"not idempotent", slack::retry_policy::standard(), http_status(status, false), false, std::nullopt});
            check({"idempotent", slack::retry_policy::standard(), http_status(status, true), true, 125ms});
        }
    }
    for (unsigned status : {400u, 404u, 501u, 503u, 505u, 506u, 508u, 519u, 528u, 529u, 531u, 599u})
        BOOST_TEST(!slack::outcome_unknown(http_status(status, false)), "HTTP " << status);
}

BOOST_AUTO_TEST_CASE(attempts_exhausted)
{
    for (unsigned max_attempts : {1u, 2u, 4u, 10u}) {
        const slack::retry_policy p = standard_with(max_attempts);
        BOOST_TEST_CONTEXT("max_attempts " << max_attempts)
        {
            if (max_attempts > 1)
                BOOST_TEST(p.decide(slack_answer(slack::api_errc::service_unavailable, max_attempts - 1)).retry);
            BOOST_TEST(!p.decide(slack_answer(slack::api_errc::service_unavailable, max_attempts)).retry);
            BOOST_TEST(!p.decide(slack_answer(slack::api_errc::service_unavailable, max_attempts + 1)).retry);
            BOOST_TEST(!p.decide(rate_limited(1000ms, 30s, 0.5, max_attempts)).retry);
        }
    }
    const slack::retry_policy standard = slack::retry_policy::standard();
    BOOST_TEST(standard.decide(slack_answer(slack::api_errc::service_unavailable, 3)).retry);
    BOOST_TEST(!standard.decide(slack_answer(slack::api_errc::service_unavailable, 4)).retry);
}

BOOST_AUTO_TEST_CASE(backoff_must_fit_in_time_left)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    // attempt 3, random 0.5: 0.5 * 1000 = 500 ms.
    const std::vector<decide_case> cases = {
        {"fits", standard, slack_answer(slack::api_errc::service_unavailable, 3, 501ms), true, 500ms},
        {"equal to time left", standard, slack_answer(slack::api_errc::service_unavailable, 3, 500ms), false,
         std::nullopt},
        {"above time left", standard, slack_answer(slack::api_errc::service_unavailable, 3, 200ms), false,
         std::nullopt},
        {"no time left", standard, slack_answer(slack::api_errc::service_unavailable, 1, 0ms, 0.0), false,
         std::nullopt},
    };
    for (const decide_case& c : cases)
        check(c);
}

BOOST_AUTO_TEST_CASE(patient_is_more_patient_than_standard)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    const slack::retry_policy patient = slack::retry_policy::patient();
    BOOST_TEST(patient.max_attempts > standard.max_attempts);
    BOOST_TEST(patient.base_delay > standard.base_delay);
    BOOST_TEST(patient.max_delay > standard.max_delay);
    BOOST_TEST(patient.max_retry_after > standard.max_retry_after);
    BOOST_TEST(patient.fallback_retry_after >= standard.fallback_retry_after);
    BOOST_TEST(!patient.retry_unknown_outcome);

    // Behaviour: a 2-minute Retry-After and a 5th attempt are fine for patient(), not standard().
    BOOST_TEST(!standard.decide(rate_limited(120000ms, 600s)).retry);
    BOOST_TEST(patient.decide(rate_limited(120000ms, 600s)).retry);
    BOOST_TEST(!patient.decide(rate_limited(16 * 60 * 1000ms, 3600s)).retry);
    BOOST_TEST(!standard.decide(slack_answer(slack::api_errc::service_unavailable, 5)).retry);
    BOOST_TEST(patient.decide(slack_answer(slack::api_errc::service_unavailable, 5, 600s)).retry);
    BOOST_TEST(!patient.decide(slack_answer(slack::api_errc::service_unavailable, patient.max_attempts, 600s)).retry);
    // Patient still refuses to repeat a code exchange whose outcome is unknown.
    BOOST_TEST(!patient.decide(transport(slack::client_errc::connection_closed, true)).retry);
}

BOOST_AUTO_TEST_CASE(defaults)
{
    const slack::retry_policy standard = slack::retry_policy::standard();
    const slack::retry_policy constructed;
    BOOST_TEST(standard.max_attempts == constructed.max_attempts);
    BOOST_TEST(standard.max_attempts == 4u);
    BOOST_TEST(standard.max_retry_after.count() == 30000);
    BOOST_TEST(!standard.retry_unknown_outcome);
}

BOOST_AUTO_TEST_CASE(outcome_unknown_cases)
{
    struct unknown_case {
        std::string name;
        slack::attempt_info info;
        bool expected;
    };
    slack::attempt_info fatal = slack_answer(slack::api_errc::fatal_error);
    slack::attempt_info internal = slack_answer(slack::api_errc::internal_error);
    slack::attempt_info client_unknown = transport(slack::client_errc::outcome_unknown, true);
    const std::vector<unknown_case> cases = {
        {"fatal_error", fatal, true},
        {"internal_error", internal, true},
        {"client outcome_unknown", client_unknown, true},
        {"HTTP 500", http_status(500, false), true},
        {"HTTP 502", http_status(502, false), true},
        {"HTTP 504", http_status(504, false), true},
        {"HTTP 503", http_status(503, false), false},
        {"HTTP 429", rate_limited(1000ms), false},
        {"HTTP 404", http_status(404, false), false},
        {"service_unavailable", slack_answer(slack::api_errc::service_unavailable), false},
        {"invalid_code", slack_answer(slack::api_errc::invalid_code), false},
        {"connection closed after writing", transport(slack::client_errc::connection_closed, true), true},
        {"attempt timeout after writing", transport(slack::client_errc::attempt_timeout, true), true},
        {"connection closed before writing", transport(slack::client_errc::connection_closed, false), false},
        {"connection refused", transport(boost::asio::error::connection_refused, false), false},
        {"certificate failure", transport(certificate_failure(), false), false},
    };
    for (const unknown_case& c : cases) {
        BOOST_TEST_CONTEXT(c.name) { BOOST_TEST(slack::outcome_unknown(c.info) == c.expected); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
