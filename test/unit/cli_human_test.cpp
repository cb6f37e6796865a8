// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The CLI's human-readable answer: indented key: value lines, and nothing an answer sends can
// move the terminal's cursor.
#include "cli/human.hpp"

#include <boost/test/unit_test.hpp>

using slack::cli::human_form;

BOOST_AUTO_TEST_SUITE(cli_human_tests)

BOOST_AUTO_TEST_CASE(objects_become_indented_key_value_lines)
{
    BOOST_TEST(human_form(R"({"ok":true,"team":{"id":"T1","name":"Mock Team"},"n":3,"none":null})") ==
               "ok: true\nteam:\n  id: T1\n  name: Mock Team\nn: 3\nnone: null\n");
}

BOOST_AUTO_TEST_CASE(arrays_are_listed_one_item_a_line)
{
    BOOST_TEST(human_form(R"({"scopes":["a","b"],"users":[{"id":"U1"}],"empty":[],"nothing":{}})") ==
               "scopes:\n  - a\n  - b\nusers:\n  -\n    id: U1\nempty: []\nnothing: {}\n");
}

BOOST_AUTO_TEST_CASE(control_characters_are_written_out)
{
    BOOST_TEST(human_form(R"({"name":"a\u001b[2Jb\nforged: line","k\ney":1})") ==
               "name: a\\x1b[2Jb\\nforged: line\nk\\ney: 1\n");
}

BOOST_AUTO_TEST_CASE(text_that_is_not_json_is_printed_as_it_is)
{
    BOOST_TEST(human_form("<html>\x1b") == "<html>\\x1b\n");
}

BOOST_AUTO_TEST_SUITE_END()
