// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Microbenchmarks of the per-call pieces: form encoding, Basic header, envelope parsing,
// error-string lookup. Each prints ns and allocations per operation.
#include "allocation_counter.hpp"
#include "web/envelope.hpp"
#include "web/form.hpp"

#include <slack/api_errc.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace {

template <class Operation>
void measure(const char* name, Operation operation)
{
    using clock = std::chrono::steady_clock;
    unsigned long iterations = 1000;
    while (true) {
        const auto allocations = allocation_count();
        const auto start = clock::now();
        for (unsigned long i = 0; i < iterations; ++i)
            operation();
        const auto elapsed = clock::now() - start;
        if (elapsed > std::chrono::milliseconds(200) || iterations > (1ul << 30)) {
            const double ns =
                std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(iterations);
            const double allocs =
                static_cast<double>(allocation_count() - allocations) / static_cast<double>(iterations);
            std::printf("%-40s %10.1f ns/op %6.1f allocs/op\n", name, ns, allocs);
            return;
        }
        iterations *= 4;
    }
}

volatile std::size_t sink;

}  // namespace

int main()
{
    using namespace slack::web::detail;
    const std::string code =
        "4724469134.4644010092847.232b4e6d82c333b475fc30f5f5a341d294feb1a94392c2fd791f7ab7731a443d1a";
    measure("form body (code + redirect_uri)", [&] {
        std::string body;
        append_form_field(body, "code", code);
        append_form_field(body, "redirect_uri", "https://example.com/slack/oauth?x=1&y=2");
        sink = body.size();
    });
    measure("basic authorization header",
            [&] { sink = basic_authorization("2141029472.691202649728", "e1b9e11dfcd19c1982d5de12921e17e8c").size(); });
    const std::string body =
        R"({"ok":true,"access_token":"xoxp-XXXXXXXX-XXXXXXXX-XXXXX","scope":"incoming-webhook,commands,bot",)"
        R"("team_name":"Team Installing Your Hook","team_id":"TXXXXXXXXX","enterprise_id":null,)"
        R"("incoming_webhook":{"url":"https://hooks.slack.com/TXXXXX/BXXXXX/XXXXXXXXXX","channel":"#c",)"
        R"("configuration_url":"https://teamname.slack.com/services/BXXXXX"},)"
        R"("bot":{"bot_user_id":"UTTTTTTTTTTR","bot_access_token":"xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT"}})";
    measure("envelope parse (success body)", [&] {
        attempt_result reply;
        reply.response_received = true;
        reply.status = 200;
        reply.body = body;
        slack::diagnostics diag;
        struct : response_fields {
            std::size_t count = 0;
            void clear(std::string_view) override { count = 0; }
            void on_value(const json_value&) override { ++count; }
            boost::system::error_code finish(std::string, std::string&) override { return {}; }
        } fields;
        attempt_outcome outcome;
        interpret_reply(reply, diag, fields, outcome);
        sink = outcome.error ? 0 : fields.count;
    });
    measure("error string lookup (from_string)",
            [] { sink = static_cast<std::size_t>(slack::from_string("code_already_used")); });
    measure("error string lookup, unknown string",
            [] { sink = static_cast<std::size_t>(slack::from_string("no_such_error_at_all")); });
    return 0;
}
