// Which vector instructions this CPU has, for the few scan kernels that pick theirs at run time.
//
// The build targets x86-64-v2 (SSE4.2) so that one binary runs on any x86-64 server of the last
// decade. The kernels in code_counting.hpp and sum_increments.hpp also carry AVX2 and AVX-512BW
// versions, compiled with function-level target attributes and chosen once per process.
#pragma once

#include <string_view>

namespace sitrep::query::kernels {

enum class Isa { sse2, avx2, avx512bw };

bool cpu_has(Isa isa);
// The widest of the three this CPU has.
Isa best_isa();
std::string_view isa_name(Isa isa);

}  // namespace sitrep::query::kernels
