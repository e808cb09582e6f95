#pragma once

#include "Rgb.h"

#include <cstddef>
#include <vector>

namespace cg {

/// A 3D LUT of `size`^3 RGB entries over the box [domainMin, domainMax], red index fastest
/// (the `.cube` order). Sampling is tetrahedral interpolation, the reference the fast paths of
/// CompiledGrade are tested against.
struct Lut3D
{
    int size = 0;
    Rgb domainMin{0.0, 0.0, 0.0};
    Rgb domainMax{1.0, 1.0, 1.0};
    std::vector<float> values; ///< size^3 * 3 floats

    static Lut3D identity(int size);

    size_t index(int r, int g, int b) const { return (size_t(b) * size_t(size) + size_t(g)) * size_t(size) + size_t(r); }
    Rgb at(int r, int g, int b) const
    {
        const float* v = &values[index(r, g, b) * 3];
        return {v[0], v[1], v[2]};
    }
    void set(int r, int g, int b, Rgb value);

    /// Tetrahedral interpolation (Kasson et al. 1995, the same split as OpenColorIO and FFmpeg's lut3d).
    /// Inputs outside the domain are clamped to it.
    Rgb apply(Rgb in) const;

    bool operator==(const Lut3D&) const = default;
};

} // namespace cg
