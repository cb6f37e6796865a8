// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/processes.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace soak::rotation {

bool replica_process::exited_cleanly() const noexcept
{
    return ended() && !killed && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

replica_set::replica_set(std::filesystem::path directory, std::string program, std::vector<std::string> arguments)
    : directory_(std::move(directory)), program_(std::move(program)), arguments_(std::move(arguments))
{
}

replica_set::~replica_set()
{
    for (replica_process& r : replicas_)
        if (!r.ended()) {
            ::kill(r.pid, SIGKILL);
            ::waitpid(r.pid, nullptr, 0);
        }
}

replica_process& replica_set::spawn(const std::string& name)
{
    if (replicas_.size() >= running_.size())
        throw std::runtime_error("too many replicas");
    replica_process r;
    r.name = name;
    r.out = directory_ / (name + ".out");
    r.err = directory_ / (name + ".err");
    const std::string seed = std::to_string(replicas_.size() + 1), out = r.out.string(), err = r.err.string();
    std::vector<const char*> argv{program_.c_str()};
    for (const std::string& a : arguments_)
        argv.push_back(a.c_str());
    argv.push_back("--seed");
    argv.push_back(seed.c_str());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int failed =
        posix_spawn(&r.pid, program_.c_str(), &actions, nullptr, const_cast<char**>(argv.data()), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0)
        throw std::runtime_error("cannot start " + program_);
    running_[replicas_.size()] = r.pid;
    replicas_.push_back(std::move(r));
    return replicas_.back();
}

void replica_set::reap()
{
    for (std::size_t n = 0; n < replicas_.size(); ++n) {
        replica_process& r = replicas_[n];
        if (!r.ended() && ::waitpid(r.pid, &r.status, WNOHANG) == r.pid) {
            r.ended_at = std::chrono::steady_clock::now();
            running_[n] = 0;
        }
    }
}

void replica_set::terminate(replica_process& replica)
{
    if (replica.ended())
        return;
    ::kill(replica.pid, SIGTERM);
    replica.terminated_at = std::chrono::steady_clock::now();
}

void replica_set::kill(replica_process& replica)
{
    if (replica.ended())
        return;
    ::kill(replica.pid, SIGKILL);
    replica.killed = true;
}

void replica_set::read_progress(replica_process& replica)
{
    std::ifstream err(replica.err);
    err.seekg(static_cast<std::streamoff>(replica.err_read));
    for (std::string line; std::getline(err, line) && !err.eof();) {
        replica.err_read += line.size() + 1;
        if (line == "refresh+") {
            ++replica.refreshes_in_flight;
            ++replica.refreshes_started;
        } else if (line == "refresh-") {
            --replica.refreshes_in_flight;
        }
    }
}

bool replica_set::all_ended() const
{
    for (const replica_process& r : replicas_)
        if (!r.ended())
            return false;
    return true;
}

void replica_set::kill_all_from_any_thread() noexcept
{
    for (std::atomic<pid_t>& pid : running_)
        if (const pid_t p = pid.load(); p > 0)
            ::kill(p, SIGKILL);
}

}  // namespace soak::rotation
