// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The driver's replica processes: started with posix_spawn (stdout and stderr to files of their
// own), signalled, reaped without blocking, and killed from the watchdog's thread if it fires.
#include <sys/types.h>

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace soak::rotation {

using steady_time = std::chrono::steady_clock::time_point;

struct replica_process {
    std::string name;
    pid_t pid = -1;
    std::filesystem::path out, err;
    int status = 0;                            ///< waitpid's, once ended
    bool killed = false;                       ///< SIGKILLed by the driver
    std::optional<steady_time> terminated_at;  ///< when SIGTERM was sent
    std::optional<steady_time> ended_at;
    std::size_t err_read = 0;  ///< bytes of its stderr already read
    int refreshes_in_flight = 0;
    std::size_t refreshes_started = 0;

    bool ended() const noexcept { return ended_at.has_value(); }
    bool exited_cleanly() const noexcept;
};

class replica_set {
public:
    /// Each replica runs `program arguments... --seed N`, its output in `directory`.
    replica_set(std::filesystem::path directory, std::string program, std::vector<std::string> arguments);
    ~replica_set();  ///< kills and reaps those still running
    replica_set(const replica_set&) = delete;
    replica_set& operator=(const replica_set&) = delete;

    /// Throws std::runtime_error if it cannot start.
    replica_process& spawn(const std::string& name);
    /// Notes every replica that ended, without waiting.
    void reap();
    void terminate(replica_process& replica);
    void kill(replica_process& replica);
    /// Reads what `replica` wrote on stderr since the last call: refresh calls started and ended.
    void read_progress(replica_process& replica);

    std::deque<replica_process>& all() noexcept { return replicas_; }
    bool all_ended() const;
    /// SIGKILL to every replica still running; safe from another thread (the watchdog's).
    void kill_all_from_any_thread() noexcept;

private:
    std::filesystem::path directory_;
    std::string program_;
    std::vector<std::string> arguments_;
    std::deque<replica_process> replicas_;          // a deque: references stay valid as it grows
    std::array<std::atomic<pid_t>, 64> running_{};  // what kill_all_from_any_thread may signal
};

}  // namespace soak::rotation
