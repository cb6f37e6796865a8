// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/replica_summary.hpp"

#include <istream>
#include <ostream>
#include <sstream>

namespace soak::rotation {

void replica_summary::add_bad_token(bad_token bad)
{
    if (bad_tokens.size() < 20)
        bad_tokens.push_back(std::move(bad));
    ++bad_token_count;
}

void write_summary(std::ostream& out, const replica_summary& s)
{
    out << "asked " << s.asked << "\nserved " << s.served << "\nchecked " << s.checked << "\n";
    for (const auto& [name, count] : s.errors)
        out << "error " << name << " " << count << "\n";
    for (const auto& [installation, count] : s.reinstall_required)
        out << "reinstall_required " << installation << " " << count << "\n";
    for (const auto& [name, count] : s.unchecked)
        out << "unchecked " << name << " " << count << "\n";
    for (const bad_token& bad : s.bad_tokens)
        out << "bad_token " << bad.installation << " " << bad.error << " " << bad.checked_after_ms << "\n";
    out << "bad_tokens " << s.bad_token_count << "\n";
    for (const auto& [installation, users] : s.users)
        for (const std::string& user : users)
            out << "user " << installation << " " << user << "\n";
    for (const auto& [name, count] : s.stats)
        out << "stat " << name << " " << count << "\n";
    for (const auto& [name, count] : s.events)
        out << "event " << name << " " << count << "\n";
    out << "stop_ms " << s.stop_ms << "\nend" << std::endl;
}

replica_summary read_summary(std::istream& in)
{
    replica_summary s;
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string name, key;
        words >> name;
        if (name == "asked")
            words >> s.asked;
        else if (name == "served")
            words >> s.served;
        else if (name == "checked")
            words >> s.checked;
        else if (name == "error" && words >> key)
            words >> s.errors[key];
        else if (name == "reinstall_required") {
            std::size_t installation = 0;
            if (words >> installation)
                words >> s.reinstall_required[installation];
        } else if (name == "unchecked" && words >> key)
            words >> s.unchecked[key];
        else if (name == "bad_token") {
            bad_token bad;
            if (words >> bad.installation >> bad.error >> bad.checked_after_ms)
                s.bad_tokens.push_back(std::move(bad));
        } else if (name == "bad_tokens")
            words >> s.bad_token_count;
        else if (name == "user") {
            std::size_t installation = 0;
            if (words >> installation >> key)
                s.users[installation].insert(key);
        } else if (name == "stat" && words >> key)
            words >> s.stats[key];
        else if (name == "event" && words >> key)
            words >> s.events[key];
        else if (name == "stop_ms")
            words >> s.stop_ms;
        else if (name == "end")
            s.complete = true;
    }
    return s;
}

}  // namespace soak::rotation
