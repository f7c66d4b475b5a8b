# Builds tests/consumer with xpuspec added as a subproject (add_subdirectory), then checks that the parent got
# xpuspec::core and none of our extras: no forced build type, no tool, tests or packages, nothing of ours installed.
# SOURCE_DIR (xpuspec), CONSUMER_DIR, WORK_DIR, CXX and VALIJSON_DIR are given by the test.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build" "-DCMAKE_CXX_COMPILER=${CXX}"
                        "-DXPUSPEC_SOURCE_DIR=${SOURCE_DIR}" "-Dvalijson_DIR=${VALIJSON_DIR}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring a parent project with add_subdirectory(xpuspec) failed:\n${out}")
endif()
file(STRINGS "${WORK_DIR}/build/CMakeCache.txt" build_type REGEX "^CMAKE_BUILD_TYPE:")
if(NOT build_type STREQUAL "CMAKE_BUILD_TYPE:STRING=")
  message(FATAL_ERROR "the parent's build type was set for it: ${build_type}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" --target help OUTPUT_VARIABLE targets)
# The Makefile generator lists one "... NAME" line per target and rule.
foreach(ours IN ITEMS xpuspec xpuspec_render xpuspec_unit_tests xpuspec_manpage xpuspec_completions package test)
  if(targets MATCHES "\\.\\.\\. ${ours}( |\n)")
    message(FATAL_ERROR "the parent project got our target or rule '${ours}':\n${targets}")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/consumer_common.cmake")
xpuspec_build_and_run_consumer("${WORK_DIR}/build")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${WORK_DIR}/build" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE status OUTPUT_QUIET)
file(GLOB_RECURSE installed RELATIVE "${WORK_DIR}/prefix" "${WORK_DIR}/prefix/*")
if(NOT status EQUAL 0 OR NOT installed STREQUAL "bin/consumer")
  message(FATAL_ERROR "installing the parent installed [${installed}] (exit ${status}); expected only bin/consumer")
endif()
