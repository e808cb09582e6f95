#pragma once

#include "Rgb.h"

#include <cstddef>
#include <vector>

namespace cg {

/// A per-channel 1D LUT: `size` entries per channel over [domainMin, domainMax], linear interpolation.
struct Lut1D
{
    int size = 0;
    Rgb domainMin{0.0, 0.0, 0.0};
    Rgb domainMax{1.0, 1.0, 1.0};
    std::vector<float> values; ///< size * 3, interleaved RGB, entry i maps input domainMin + i * step

    static Lut1D identity(int size);
    float& at(int i, int c) { return values[size_t(i) * 3 + size_t(c)]; }
    float at(int i, int c) const { return values[size_t(i) * 3 + size_t(c)]; }
    /// Inputs outside the domain are clamped to it.
    Rgb apply(Rgb in) const;
    bool operator==(const Lut1D&) const = default;
};

} // namespace cg
