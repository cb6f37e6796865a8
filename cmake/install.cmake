# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# cmake --install: headers, libraries, the CLI, the CMake package (find_package(slack-asio)), a
# pkg-config file, the docs and the licence. Each library is its own export set, so that
# find_package looks for SQLite or libpq only when the component that needs it is asked for.
include(CMakePackageConfigHelpers)

set(SLACK_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/slack-asio)

install(DIRECTORY include/slack DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/include/slack/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/slack)

# component -> target
set(SLACK_COMPONENTS asio mock)
if(SLACK_WITH_SQLITE)
  list(APPEND SLACK_COMPONENTS sqlite_store)
endif()
if(SLACK_WITH_POSTGRESQL)
  list(APPEND SLACK_COMPONENTS postgresql_store)
endif()
if(TARGET slack_stores)
  list(APPEND SLACK_COMPONENTS stores)
endif()
if(SLACK_WITH_REDIS)
  list(APPEND SLACK_COMPONENTS redis_limiter)
endif()
foreach(component ${SLACK_COMPONENTS})
  install(TARGETS slack_${component} EXPORT slack-asio-${component}
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT slack-asio-${component} NAMESPACE slack:: DESTINATION ${SLACK_PACKAGE_DIR}
          FILE slack-asio-${component}-targets.cmake)
endforeach()

configure_package_config_file(cmake/slack-asio-config.cmake.in
  ${PROJECT_BINARY_DIR}/slack-asio-config.cmake INSTALL_DESTINATION ${SLACK_PACKAGE_DIR})
# 0.x: a minor version may break, so only the same major.minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/slack-asio-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/slack-asio-config.cmake ${PROJECT_BINARY_DIR}/slack-asio-config-version.cmake
        DESTINATION ${SLACK_PACKAGE_DIR})

# The .pc file finds its prefix from its own place (${pcfiledir}), so cmake --install --prefix works.
file(RELATIVE_PATH SLACK_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/slack-asio.pc.in ${PROJECT_BINARY_DIR}/slack-asio.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/slack-asio.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(TARGET slack_cli)
  install(TARGETS slack_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # The man page comes from the program's own help texts (docs/cli.md is made the same way).
  add_custom_command(TARGET slack_cli POST_BUILD
    COMMAND sh -c "'$<TARGET_FILE:slack_cli>' --help-man > '${PROJECT_BINARY_DIR}/slack-oauth.1'"
    VERBATIM)
  install(FILES ${PROJECT_BINARY_DIR}/slack-oauth.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES share/bash-completion/slack-oauth DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()

install(FILES LICENSE_1_0.txt README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
