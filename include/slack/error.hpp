// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// All error layers: Slack's strings (api_errc), the client's own (client_errc), conditions.
#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>
#include <slack/diagnostics.hpp>
