# Runs CheckIncludes.cmake on the tree in violations/ and passes only if the check fails and names
# each planted problem (file:line and what is wrong).
#   cmake -DCHECK=CheckIncludes.cmake -DTREE=violations [-DQT_HEADERS=<dir>] -P ExpectViolations.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${TREE} -DDEPENDENCIES=${TREE}/CoreDependencies.cmake
        -DQT_HEADERS=${QT_HEADERS} -P ${CHECK}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
set(expected
    # an include of a library alpha does not declare, plain and root-relative
    "core/alpha/Alpha.h:3: core_alpha includes \"core/beta/Beta.h\" of core_beta"
    "core/alpha/Alpha.h:4: core_alpha includes \"core/gamma/Gamma.h\" of core_gamma"
    # Widgets headers, by class name and by module
    "core/alpha/Alpha.h:6: core must not include the Widgets header <QWidget>"
    "core/beta/Beta.cpp:6: core must not include the Widgets header <QtCharts/QChart>"
    # ui headers, by ui/ prefix and by a path that exists only under ui/
    "core/beta/Beta.cpp:4: core must not include the ui header \"ui/MainWindow.h\""
    "core/gamma/Gamma.h:3: core must not include the ui header \"beta/BetaView.h\" (ui/beta/BetaView.h)"
    # the map disagrees with the declaration, and misses a library
    "ARCHITECTURE.md:7: core_gamma depends on 'beta' in the map, but core/gamma/CMakeLists.txt declares DEPENDS 'alpha'"
    "ARCHITECTURE.md: the library map has no row for core_delta"
    # includes that do not name their file from the repository root, in core and in ui
    "core/beta/Beta.cpp:1: include \"Beta.h\" from the repository root, as \"core/beta/Beta.h\""
    "ui/beta/BetaView.h:3: include \"gamma/Gamma.h\" from the repository root, as \"core/gamma/Gamma.h\""
    "10 layering problem" # no more than these: beta's include of alpha through gamma is allowed
)
set(missing "")
foreach(text IN LISTS expected)
    string(FIND "${output}" "${text}" at)
    if(at EQUAL -1)
        list(APPEND missing "${text}")
    endif()
endforeach()
if(result EQUAL 0 OR missing)
    list(JOIN missing "\n  " missing_text)
    message(FATAL_ERROR "CheckIncludes.cmake (exit ${result}) did not report:\n  ${missing_text}\nIts output:\n${output}")
endif()
message(STATUS "CheckIncludes.cmake names every planted violation")
