# The German translation matches the sources: lupdate run over app/, ui/ and core/ into a copy of
# translations/switchyard_de.ts finds no new and no vanished string, and every tr() has a context;
# the same for the plural forms in switchyard_en.ts.
# A file-local tr() helper (QCoreApplication::translate("Context", text)) must use the context
# lupdate files its strings under, or the German text exists but is never shown.
# Inputs: -DLUPDATE= -DSOURCE_DIR= -DWORK_DIR=
file(MAKE_DIRECTORY ${WORK_DIR})
file(COPY_FILE ${SOURCE_DIR}/translations/switchyard_de.ts ${WORK_DIR}/check_de.ts)
execute_process(
    COMMAND ${LUPDATE} -no-obsolete -locations none app ui core -ts ${WORK_DIR}/check_de.ts
    WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
set(problems "")
if(NOT rc EQUAL 0)
    string(APPEND problems "lupdate failed (${rc}):\n${out}\n")
endif()
string(REGEX MATCHALL "[^\n]*tr\\(\\) cannot be called without context" no_context "${out}")
foreach(line IN LISTS no_context)
    string(APPEND problems "${line}: use QCoreApplication::translate(\"Context\", ...) outside a class\n")
endforeach()
if(out MATCHES "\\(([0-9]+) new and")
    if(NOT CMAKE_MATCH_1 EQUAL 0)
        string(APPEND problems "${CMAKE_MATCH_1} string(s) in the sources are not in switchyard_de.ts: "
            "run cmake --build build --target update_translations and translate them\n")
    endif()
endif()
if(out MATCHES "Removed ([0-9]+) obsolete")
    string(APPEND problems "${CMAKE_MATCH_1} string(s) in switchyard_de.ts are gone from the sources: "
        "run cmake --build build --target update_translations\n")
endif()

# English holds only the plural forms (lupdate -pluralonly), kept up to date the same way.
file(COPY_FILE ${SOURCE_DIR}/translations/switchyard_en.ts ${WORK_DIR}/check_en.ts)
execute_process(
    COMMAND ${LUPDATE} -pluralonly -no-obsolete -locations none app ui core -ts ${WORK_DIR}/check_en.ts
    WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE out_en ERROR_VARIABLE out_en)
file(READ ${WORK_DIR}/check_en.ts english)
file(READ ${SOURCE_DIR}/translations/switchyard_en.ts english_committed)
if(NOT english STREQUAL english_committed)
    string(APPEND problems "switchyard_en.ts differs from what lupdate -pluralonly makes of the sources: "
        "run cmake --build build --target update_translations and give new plurals their English forms\n")
endif()

file(GLOB_RECURSE sources ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/core/*.cpp
    ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/core/*.h)
foreach(source IN LISTS sources)
    file(READ ${source} text)
    if(NOT text MATCHES "translate\\(\"([A-Za-z_]+)\", text\\)")
        continue()
    endif()
    set(helper_context ${CMAKE_MATCH_1})
    file(REMOVE ${WORK_DIR}/one.ts)
    execute_process(COMMAND ${LUPDATE} -locations none ${source} -ts ${WORK_DIR}/one.ts
        OUTPUT_QUIET ERROR_QUIET)
    file(STRINGS ${WORK_DIR}/one.ts names REGEX "<name>")
    foreach(name IN LISTS names)
        string(REGEX REPLACE ".*<name>(.*)</name>.*" "\\1" context "${name}")
        if(NOT context STREQUAL helper_context AND NOT text MATCHES "translate\\(\"${context}\"")
            file(RELATIVE_PATH where ${SOURCE_DIR} ${source})
            string(APPEND problems "${where}: tr() helper translates in context \"${helper_context}\" "
                "but lupdate files strings under \"${context}\"\n")
        endif()
    endforeach()
endforeach()

if(problems)
    message(FATAL_ERROR "${problems}")
endif()
message(STATUS "translations match the sources")
