// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// scripts/bench: the SDK's operations (oauth.access in every connection mode; auth.test, typed
// and through client.call(), and oauth.v2.access kept alive) against a hand-written Beast
// baseline sending the same request, both against the mock server in a process of its own.
// Prints a table and writes the same as JSON. Ratios are SDK / baseline from the same run.
// With --limiter L (repeatable: none, local, redis://...), the SDK runs with each limiter L and
// with none instead of against the baseline, and ratios are SDK with L / SDK with none.
#include "limiter_choice.hpp"
#include "load.hpp"

#include <slack/mock/server.hpp>

#include <boost/asio/signal_set.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace bench;

struct mock_process {
    pid_t pid = -1;
    target where;
};

// The mock server in a child process, so that it does not share the client's CPU accounting.
mock_process start_mock()
{
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    slack::mock::server_options options;
    options.max_recorded_requests = 0;
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        boost::asio::io_context ioc(1);
        slack::mock::server server(ioc.get_executor(), options);
        // The bot workload's method: any token passes (1,000 workspaces' tokens), the body is read.
        server.handle(
            "chat.postMessage",
            [](const slack::mock::method_request&) {
                return slack::mock::method_answer::ok({{"channel", "C04000000"}, {"ts", "1765000000.000100"}});
            },
            slack::mock::token_check::none);
        server.start();
        const std::string announce = std::to_string(server.port()) + "\n" + server.ca_certificate_pem();
        const std::uint32_t size = static_cast<std::uint32_t>(announce.size());
        if (write(fds[1], &size, sizeof size) != sizeof size ||
            write(fds[1], announce.data(), size) != static_cast<ssize_t>(size))
            _exit(1);
        close(fds[1]);
        boost::asio::signal_set signals(ioc, SIGTERM, SIGINT);
        signals.async_wait([&](auto, int) {
            server.stop();
            ioc.stop();
        });
        ioc.run();
        _exit(0);
    }
    close(fds[1]);
    std::uint32_t size = 0;
    if (read(fds[0], &size, sizeof size) != sizeof size)
        throw std::runtime_error("mock server did not start");
    std::string announce(size, '\0');
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = read(fds[0], announce.data() + got, size - got);
        if (n <= 0)
            throw std::runtime_error("mock server announcement cut short");
        got += static_cast<std::size_t>(n);
    }
    close(fds[0]);
    mock_process mock;
    mock.pid = pid;
    const auto newline = announce.find('\n');
    mock.where.port = static_cast<unsigned short>(std::stoi(announce.substr(0, newline)));
    mock.where.ca_pem = announce.substr(newline + 1);
    mock.where.client_id = options.client_id;
    mock.where.client_secret = options.client_secret;
    return mock;
}

struct row {
    operation op;
    std::string client;
    connection_mode mode;
    unsigned in_flight;
    std::vector<measurement> runs;

    // The run with the median calls/s stands for the row.
    const measurement& median() const
    {
        std::vector<const measurement*> sorted;
        for (const auto& m : runs)
            sorted.push_back(&m);
        std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->calls < b->calls; });
        return *sorted[sorted.size() / 2];
    }
    double calls_per_second() const { return median().calls / median().seconds; }
};

// One line of `command` (a Node or Go SDK's run): calls failures seconds p50 p99 max cpu_us rss_kb.
std::optional<measurement> run_external(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    char line[512] = {};
    const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
    pclose(pipe);
    measurement m;
    double cpu_us = 0;
    if (!got || std::sscanf(line, "%llu %llu %lf %lf %lf %lf %lf %ld", &m.calls, &m.failures, &m.seconds, &m.p50_us,
                            &m.p99_us, &m.max_us, &cpu_us, &m.peak_rss_kb) != 8)
        return std::nullopt;
    m.cpu_us_per_call = m.calls ? cpu_us / static_cast<double>(m.calls) : 0;
    return m;
}

// What the Node and Go runs are told: the mock, the app's credentials, the load.
std::string external_environment(const target& where, const std::string& ca_file, unsigned in_flight,
                                 std::chrono::milliseconds duration)
{
    std::ostringstream out;
    out << "SLACK_API_URL=https://127.0.0.1:" << where.port << "/api/"
        << " SLACK_CLIENT_ID=" << where.client_id << " SLACK_CLIENT_SECRET=" << where.client_secret
        << " BENCH_CODE=" << where.code << " BENCH_IN_FLIGHT=" << in_flight << " BENCH_DURATION_MS=" << duration.count()
        << " BENCH_CA_FILE=" << ca_file << " NODE_EXTRA_CA_CERTS=" << ca_file;
    return out.str();
}

// Slack's official Node SDK (oauth.access) against the same mock, when node and the package are present.
std::optional<measurement> run_node(const target& where, const std::string& ca_file, unsigned in_flight,
                                    std::chrono::milliseconds duration)
{
    if (std::system("command -v node >/dev/null 2>&1 && test -d bench/node/node_modules/@slack/web-api") != 0)
        return std::nullopt;
    return run_external(external_environment(where, ca_file, in_flight, duration) +
                        " timeout 120 node bench/node/slack_sdk_bench.mjs");
}

// slack-go (bench/go, built by scripts/bench when go is present): oauth.access or chat.postMessage.
std::optional<measurement> run_go(const target& where, const std::string& ca_file, const std::string& workload_file,
                                  operation op, unsigned in_flight, std::chrono::milliseconds duration)
{
    if (std::system("test -x build/bench/slack_go_bench") != 0)
        return std::nullopt;
    return run_external(external_environment(where, ca_file, in_flight, duration) + " BENCH_OPERATION=" +
                        to_string(op) + " BENCH_WORKLOAD=" + workload_file + " timeout 120 build/bench/slack_go_bench");
}

boost::json::object to_json(const row& r, double ratio)
{
    const measurement& m = r.median();
    return {{"operation", to_string(r.op)},
            {"client", r.client},
            {"mode", to_string(r.mode)},
            {"in_flight", r.in_flight},
            {"calls_per_second", r.calls_per_second()},
            {"failures", m.failures},
            {"p50_us", m.p50_us},
            {"p99_us", m.p99_us},
            {"max_us", m.max_us},
            {"cpu_us_per_call", m.cpu_us_per_call},
            {"allocations_per_call", m.allocations_per_call},
            {"peak_rss_kb", m.peak_rss_kb},
            {"ratio_to_baseline", ratio},
            {"runs", r.runs.size()}};
}

}  // namespace

int main(int argc, char** argv)
{
    std::chrono::milliseconds duration{1000};
    unsigned repeat = 3;
    std::string json_path = "build/bench.json";
    std::optional<unsigned> only_in_flight;
    std::string only_mode;
    std::optional<operation> only_operation;
    std::vector<std::string> limiters;  // besides none
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--duration-ms")
            duration = std::chrono::milliseconds(std::stoi(argv[i + 1]));
        else if (option == "--repeat")
            repeat = static_cast<unsigned>(std::stoi(argv[i + 1]));
        else if (option == "--json")
            json_path = argv[i + 1];
        else if (option == "--in-flight")
            only_in_flight = static_cast<unsigned>(std::stoi(argv[i + 1]));
        else if (option == "--mode")
            only_mode = argv[i + 1];
        else if (operation op{}; option == "--operation" && parse_operation(argv[i + 1], op))
            only_operation = op;
        else if (option == "--limiter" && is_limiter_choice(argv[i + 1])) {
            if (std::string(argv[i + 1]) != "none")
                limiters.push_back(argv[i + 1]);
        } else {
            std::cerr << "usage: slack_bench [--duration-ms N] [--repeat N] [--json FILE] [--in-flight N]"
                         " [--mode keep-alive|new-conn|new-conn+resume]"
                         " [--operation oauth.access|auth.test|auth.test/call|oauth.v2.access|chat.postMessage]"
                         " [--limiter none|local|redis://HOST:PORT]...\n";
            return 2;
        }
    }

    for (const std::string& limiter : limiters)
        check_limiter(limiter);
    mock_process mock = start_mock();
    const std::string ca_file = json_path + ".ca.pem";
    std::ofstream(ca_file) << mock.where.ca_pem;
    const std::string workload_file = json_path + ".workload";  // chat.postMessage's, for the Go run
    {
        std::ofstream out(workload_file);
        for (const std::string& token : workload().tokens)
            out << "token " << token << "\n";
        for (const std::string& body : workload().bodies)
            out << "body " << body << "\n";
    }

    // oauth.access in every mode up to 512 in flight; the other operations kept alive, at 1, 8
    // and 64 (their cost per call is the question, not the handshake's).
    struct plan {
        operation op;
        std::vector<connection_mode> modes;
        std::vector<unsigned> in_flights;
    };
    std::vector<plan> plans = {
        {operation::oauth_access,
         {connection_mode::keep_alive, connection_mode::new_connection, connection_mode::resumption},
         {1, 8, 64, 512}},
        {operation::auth_test, {connection_mode::keep_alive}, {1, 8, 64}},
        {operation::auth_test_call, {connection_mode::keep_alive}, {1, 8, 64}},
        {operation::oauth_v2_access, {connection_mode::keep_alive}, {1, 8, 64}},
        {operation::chat_post_message, {connection_mode::keep_alive}, {1, 8, 64}},
    };
    if (only_in_flight)
        for (plan& p : plans)
            p.in_flights = {*only_in_flight};

    std::vector<row> rows;
    for (const plan& p : plans) {
        if (only_operation && *only_operation != p.op)
            continue;
        for (connection_mode mode : p.modes) {
            if (!only_mode.empty() && only_mode != to_string(mode))
                continue;
            for (unsigned in_flight : p.in_flights) {
                // The clients compared: the baseline and the SDK, or the SDK with each limiter.
                std::vector<row> compared;
                std::vector<std::string> limiter_of;
                if (limiters.empty()) {
                    compared.push_back({p.op, "baseline", mode, in_flight, {}});
                    limiter_of.push_back("none");
                }
                compared.push_back({p.op, "sdk", mode, in_flight, {}});
                limiter_of.push_back("none");
                for (const std::string& limiter : limiters) {
                    compared.push_back({p.op, "sdk+" + limiter_label(limiter), mode, in_flight, {}});
                    limiter_of.push_back(limiter);
                }
                // In rounds, each round's runs back to back (so all see the same machine state),
                // which one goes first turning.
                for (unsigned i = 0; i < repeat; ++i)
                    for (std::size_t k = 0; k < compared.size(); ++k) {
                        row& r = compared[(i + k) % compared.size()];
                        const scenario what{r.client == "baseline" ? "baseline" : "sdk",
                                            p.op,
                                            mode,
                                            in_flight,
                                            duration,
                                            limiter_of[(i + k) % compared.size()],
                                            !limiters.empty()};
                        r.runs.push_back(run_in_child(
                            mock.where, what, r.client == "baseline" ? spawn_baseline_workers : spawn_sdk_workers));
                    }
                for (row& r : compared)
                    rows.push_back(std::move(r));
                std::cerr << "." << std::flush;
            }
        }
    }
    std::vector<row> node_rows;  // Node: oauth.access; Go: oauth.access and chat.postMessage; kept alive
    if (limiters.empty() && (only_mode.empty() || only_mode == to_string(connection_mode::keep_alive)))
        for (const plan& p : plans) {
            if ((only_operation && *only_operation != p.op) ||
                (p.op != operation::oauth_access && p.op != operation::chat_post_message))
                continue;
            for (unsigned in_flight : p.in_flights) {
                if (in_flight > 64)
                    continue;
                if (p.op == operation::oauth_access)
                    if (auto m = run_node(mock.where, ca_file, in_flight, duration))
                        node_rows.push_back(
                            row{p.op, "node @slack/web-api", connection_mode::keep_alive, in_flight, {*m}});
                if (auto m = run_go(mock.where, ca_file, workload_file, p.op, in_flight, duration))
                    node_rows.push_back(row{p.op, "go slack-go", connection_mode::keep_alive, in_flight, {*m}});
            }
        }
    kill(mock.pid, SIGTERM);
    waitpid(mock.pid, nullptr, 0);
    std::cerr << "\n";

    // A row's ratio: the median over its rounds of (its calls/s / the reference's in the same
    // round): the baseline's, or with --limiter the SDK's without one. Rounds cancel the
    // machine's drift between rounds; the median drops a disturbed round.
    const std::string reference = limiters.empty() ? "baseline" : "sdk";
    std::map<std::tuple<operation, connection_mode, unsigned>, const row*> baselines;
    for (const row& r : rows)
        if (r.client == reference)
            baselines[{r.op, r.mode, r.in_flight}] = &r;
    auto ratio_of = [&](const row& r) {
        const auto found = baselines.find({r.op, r.mode, r.in_flight});
        if (found == baselines.end())
            return 0.0;
        const row& base = *found->second;
        const double base_rate = base.calls_per_second();
        if (r.runs.size() != base.runs.size())  // the Node rows: one run, against the baseline's median
            return base_rate > 0 ? r.calls_per_second() / base_rate : 0.0;
        std::vector<double> ratios;
        for (std::size_t i = 0; i < r.runs.size(); ++i) {
            const double b = base.runs[i].calls / base.runs[i].seconds;
            ratios.push_back(b > 0 ? (r.runs[i].calls / r.runs[i].seconds) / b : 0.0);
        }
        std::sort(ratios.begin(), ratios.end());
        return ratios[ratios.size() / 2];
    };

    boost::json::array json_rows;
    std::printf("%-16s %-20s %-16s %6s %10s %9s %9s %9s %10s %10s %8s %7s\n", "operation", "client", "mode", "flight",
                "calls/s", "p50 us", "p99 us", "max us", "cpu us/op", "allocs/op", "rss MB", "ratio");
    auto print = [&](const row& r) {
        const measurement& m = r.median();
        const double ratio = ratio_of(r);
        std::printf("%-16s %-20s %-16s %6u %10.0f %9.0f %9.0f %9.0f %10.1f %10.1f %8.1f %7.3f%s\n", to_string(r.op),
                    r.client.c_str(), to_string(r.mode), r.in_flight, r.calls_per_second(), m.p50_us, m.p99_us,
                    m.max_us, m.cpu_us_per_call, m.allocations_per_call, m.peak_rss_kb / 1024.0, ratio,
                    m.failures ? " (failures!)" : "");
        json_rows.push_back(to_json(r, ratio));
    };
    for (const row& r : rows)
        print(r);
    for (const row& r : node_rows)
        print(r);
    if (node_rows.empty())
        std::printf("(node, @slack/web-api, go and slack-go not present: Node and Go SDK rows skipped)\n");

    boost::json::object report{{"duration_ms", duration.count()}, {"repeat", repeat}, {"rows", json_rows}};
    std::ofstream(json_path) << boost::json::serialize(report) << "\n";
    // The same rows for gnuplot (bench/plot.gp): one block per operation, client and mode.
    std::vector<std::pair<std::string, std::string>> series;  // name, points; in order of first appearance
    for (const auto& value : json_rows) {
        const auto& row = value.as_object();
        const std::string name = std::string(row.at("operation").as_string()) + " " +
                                 std::string(row.at("client").as_string()) + " " +
                                 std::string(row.at("mode").as_string());
        auto it = std::find_if(series.begin(), series.end(), [&](const auto& s) { return s.first == name; });
        if (it == series.end())
            it = series.insert(series.end(), {name, ""});
        it->second += std::to_string(row.at("in_flight").as_uint64()) + " " +
                      std::to_string(row.at("calls_per_second").as_double()) + "\n";
    }
    std::ofstream plot_data(json_path + ".dat");
    for (const auto& [name, points] : series)
        plot_data << "\"" << name << "\" calls/s\n" << points << "\n\n";
    std::printf("JSON: %s\n", json_path.c_str());
    return 0;
}
