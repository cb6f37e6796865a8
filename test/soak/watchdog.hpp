// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The hard deadline of a whole run: a thread of its own, so that it fires even when the
// io_contexts are stuck. It says how far the run got (last words) and ends the process with
// status 3: a soak never hangs.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>

namespace soak {

class watchdog {
public:
    /// `last_words` runs on the watchdog's thread when the deadline passes, just before the exit:
    /// it may only touch what is safe from another thread (atomics, a signal to a process).
    watchdog(std::chrono::seconds limit, std::function<void()> last_words)
        : thread_([this, limit, last_words = std::move(last_words)] {
              std::unique_lock lock(mutex_);
              if (wake_.wait_for(lock, limit, [this] { return disarmed_; }))
                  return;
              last_words();
              std::fflush(stderr);
              std::_Exit(3);
          })
    {
    }
    watchdog(std::chrono::seconds limit, const std::atomic<std::size_t>& completed, std::size_t calls)
        : watchdog(limit, [limit, &completed, calls] {
              std::fprintf(stderr,
                           "soak: VIOLATION: the run passed its deadline of %lld s with %zu of %zu calls completed\n",
                           static_cast<long long>(limit.count()), completed.load(), calls);
          })
    {
    }
    ~watchdog() { disarm(); }
    watchdog(const watchdog&) = delete;
    watchdog& operator=(const watchdog&) = delete;

    void disarm()
    {
        {
            std::lock_guard lock(mutex_);
            disarmed_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable())
            thread_.join();
    }

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool disarmed_ = false;
    std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace soak
