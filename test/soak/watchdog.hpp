#pragma once
// The hard deadline of the whole run: a thread of its own, so that it fires even when the
// io_contexts are stuck. It reports progress and ends the process: a soak never hangs.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace soak {

class watchdog {
public:
    watchdog(std::chrono::seconds limit, const std::atomic<std::size_t>& completed, std::size_t calls)
        : thread_([this, limit, &completed, calls] {
              std::unique_lock lock(mutex_);
              if (wake_.wait_for(lock, limit, [this] { return disarmed_; }))
                  return;
              std::fprintf(stderr, "soak: VIOLATION: the run passed its deadline of %lld s with %zu of %zu calls completed\n",
                           static_cast<long long>(limit.count()), completed.load(), calls);
              std::fflush(stderr);
              std::_Exit(3);
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
