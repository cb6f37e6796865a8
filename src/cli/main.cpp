// slack-oauth: exchange OAuth codes with Slack, run the mock server, or see a demo.
#include "cli/commands.hpp"
#include "cli/report.hpp"

#include <exception>
#include <iostream>

namespace {

constexpr const char* usage =
    "usage: slack-oauth <command> [options]\n"
    "  access   exchange an OAuth code for a token (oauth.access)\n"
    "  mock     run the mock Slack API server until interrupted\n"
    "  demo     start the mock in-process and show an exchange against it\n"
    "Run 'slack-oauth <command> --help' for a command's options.\n";

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << usage;
        return slack::cli::exit_usage;
    }
    const std::string_view command = argv[1];
    std::vector<std::string_view> args(argv + 2, argv + argc);
    for (std::string_view arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return slack::cli::exit_success;
        }
    }
    try {
        if (command == "access") return slack::cli::run_access(args);
        if (command == "mock") return slack::cli::run_mock(args);
        if (command == "demo") return slack::cli::run_demo(args);
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << usage;
            return slack::cli::exit_success;
        }
    } catch (const std::exception& e) {
        std::cerr << "error: internal: " << e.what() << "\n";
        return slack::cli::exit_transport;
    }
    std::cerr << "usage error: unknown command '" << command << "'\n" << usage;
    return slack::cli::exit_usage;
}
