# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Checks that the C++ block of DOC between the markers `<!-- begin FILE -->` and
# `<!-- end FILE -->` is FILE's text exactly: the doc shows the test that runs.
#   cmake -DDOC=docs/x.md -DFILE=test/bot/x.cpp -DNAME=test/bot/x.cpp -P doc_block_check.cmake
file(READ ${DOC} doc)
file(READ ${FILE} code)
# The file's licence line is not part of what the doc shows.
string(REGEX REPLACE "^// Copyright [^\n]*Boost Software License[^\n]*\n" "" code "${code}")
string(FIND "${doc}" "<!-- begin ${NAME} -->\n```cpp\n" start)
string(FIND "${doc}" "```\n<!-- end ${NAME} -->" end)
if(start EQUAL -1 OR end EQUAL -1)
  message(FATAL_ERROR "${DOC} has no block between <!-- begin ${NAME} --> and <!-- end ${NAME} -->")
endif()
string(LENGTH "<!-- begin ${NAME} -->\n```cpp\n" opening)
math(EXPR start "${start} + ${opening}")
math(EXPR length "${end} - ${start}")
string(SUBSTRING "${doc}" ${start} ${length} block)
if(NOT block STREQUAL code)
  message(FATAL_ERROR "the block of ${DOC} differs from ${FILE}: copy the file into the doc")
endif()
message(STATUS "${DOC} shows ${NAME} as it is")
