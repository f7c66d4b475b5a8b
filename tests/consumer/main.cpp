// Prints the H100's BF16 TFLOPS per watt from the library's bundled data: 989.4 / 700 = 1.41343.
#include <cstdio>

#include "xpuspec/catalog.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/metrics.hpp"

int main() {
  try {
    const xpuspec::catalog chips = xpuspec::load_catalog({});
    const xpuspec::metric_value v =
        xpuspec::evaluate(chips.get("h100"), xpuspec::metric::tflops_per_watt, xpuspec::precision::bf16);
    if (!v.known()) return 1;
    std::printf("%s %.5f\n", chips.get("h100").id.c_str(), *v.number);
    return 0;
  } catch (const xpuspec::error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
}
