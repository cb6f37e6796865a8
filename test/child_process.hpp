// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A child process of a multi-process test (test/rotation, test/pacing): its pid, the file its
// output goes to, and its exit status once it ended.
#include <sys/types.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace slack::test {

struct child_process {
    pid_t pid = -1;
    std::filesystem::path output;
    int status = -1;  // waitpid's, once it ended
    bool ended() const { return status != -1; }
    /// Reaps it if it has ended, without waiting.
    void poll()
    {
        if (!ended() && ::waitpid(pid, &status, WNOHANG) != pid)
            status = -1;
    }
    /// What it wrote so far.
    std::string text() const
    {
        std::ifstream in(output);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

}  // namespace slack::test
