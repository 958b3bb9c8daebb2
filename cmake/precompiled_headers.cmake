# Precompiled headers for the targets whose sources share heavy headers (Boost.JSON and Asio in the
# core, Qt Widgets and Charts in the desktop lab, GoogleTest in the tests): each is parsed once
# per target instead of once per source, which is most of a cold build's time on two cores.
#
# ccache caches compiles that use a precompiled header only when told it may ignore the header's
# timestamps and the __DATE__/__TIME__ macros, so the launcher (top CMakeLists.txt) sets
# CCACHE_SLOPPINESS, and clang is asked to leave its timestamp out of the header.
function(conlab_precompile_headers target)
  target_precompile_headers(${target} PRIVATE ${ARGN})
  target_compile_options(${target} PRIVATE
                         $<$<CXX_COMPILER_ID:Clang>:SHELL:-Xclang -fno-pch-timestamp>)
endfunction()

# The standard headers that most of the lab's sources include.
set(CONLAB_STD_PCH_HEADERS <algorithm> <chrono> <cmath> <cstdint> <functional> <memory>
    <optional> <string> <string_view> <vector>)
