# A generated file must be exactly what the command (BIN with ARGS, |-separated) prints now: one source of truth.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=XPUSPEC_PATH "${BIN}" ${args} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
file(READ "${EXPECTED}" expected)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "`xpuspec ${args}` (exit ${rc}) differs from ${EXPECTED}; regenerate it with that command")
endif()
