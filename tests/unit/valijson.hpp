#pragma once
// valijson, the third-party validator the oracle tests hold our JSON to (the chip schema, SARIF), with the one
// warning GCC 12 raises inside it silenced here rather than in each test.

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"  // inside valijson's json_pointer handling (GCC 12)
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
