# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Public headers stay light, checked by preprocessing only (a second or two):
# - slack/web/client.hpp only names ssl::context, so its users compile no OpenSSL header;
# - slack/config.hpp refuses a Boost older than 1.81 with a message that says so.
# Run by ctest (light_headers) with -DCXX= -DSOURCE= -DGENERATED= -DBOOST_INCLUDE=.
set(includes -I${SOURCE}/include -I${GENERATED})
foreach(dir IN LISTS BOOST_INCLUDE)
  list(APPEND includes -I${dir})
endforeach()

execute_process(COMMAND ${CXX} -std=c++20 -E ${includes} ${SOURCE}/test/headers/includes_client.cpp
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preprocessing slack/web/client.hpp failed:\n${err}")
endif()
string(REGEX MATCHALL "# [0-9]+ \"[^\"]*openssl/[^\"]*\"" openssl "${out}")
if(openssl)
  list(REMOVE_DUPLICATES openssl)
  list(GET openssl 0 first)
  message(FATAL_ERROR "slack/web/client.hpp includes OpenSSL's headers (${first}...): "
                      "forward-declare what it names instead of including slack/web/tls.hpp or Asio's ssl headers")
endif()
string(REGEX MATCHALL "\n" lines "${out}")
list(LENGTH lines count)
message(STATUS "slack/web/client.hpp: ${count} preprocessed lines, no OpenSSL header")

execute_process(COMMAND ${CXX} -std=c++20 -E -I${SOURCE}/test/headers/old_boost ${includes}
                        ${SOURCE}/test/headers/includes_config.cpp
                OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "slack-asio needs Boost 1.81 or newer")
  message(FATAL_ERROR "slack/config.hpp does not refuse Boost 1.80 with its own message:\n${err}")
endif()
