# `xpuspec schema` must print data/schema/chip.schema.json byte for byte: one schema, no second copy.
execute_process(COMMAND "${BIN}" schema OUTPUT_VARIABLE out RESULT_VARIABLE rc)
file(READ "${EXPECTED}" expected)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "`xpuspec schema` (exit ${rc}) differs from ${EXPECTED}")
endif()
