# What both consumer tests check once the consumer is configured in BUILD_DIR: it builds, runs, and prints the H100's
# BF16 TFLOPS per watt from the bundled data (989.4 / 700 = 1.41343).
function(xpuspec_build_and_run_consumer build_dir)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build_dir}" RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "building the consumer failed:\n${out}")
  endif()
  execute_process(COMMAND "${build_dir}/consumer" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0 OR NOT out STREQUAL "nvidia-h100-sxm 1.41343\n")
    message(FATAL_ERROR "consumer printed \"${out}\" (stderr \"${err}\"), exit ${status}; expected \"nvidia-h100-sxm 1.41343\"")
  endif()
endfunction()
