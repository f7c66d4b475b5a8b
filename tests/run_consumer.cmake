# Installs the build tree into a scratch prefix, builds tests/consumer against it with find_package(xpuspec), runs
# the program and checks its answer. BUILD_DIR, SOURCE_DIR, WORK_DIR and VALIJSON_DIR (where this build found
# valijson, which the package's config looks for too) are given by the test.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -DCMAKE_BUILD_TYPE=Release
                        "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" "-DCMAKE_CXX_COMPILER=${CXX}"
                        "-Dvalijson_DIR=${VALIJSON_DIR}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring the consumer against the installed package failed:\n${out}")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/consumer_common.cmake")
xpuspec_build_and_run_consumer("${WORK_DIR}/build")
