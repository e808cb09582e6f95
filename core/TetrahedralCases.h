#pragma once

#include <cstdint>

namespace cg::tetrahedral {

/// Tetrahedral interpolation splits a lattice cell into six tetrahedra along its main diagonal; which
/// one holds a point follows from the order of its three fractions (Kasson, Nin & Plouffe 1995; the
/// split OpenColorIO and FFmpeg's lut3d use). Three comparisons index this table, without branches:
/// the axes (0 = R, 1 = G, 2 = B) in decreasing order of their fraction. Two of the eight indices
/// cannot happen (contradictory comparisons) and map to a neighbour; ties may pick either tetrahedron,
/// the interpolation is continuous across their shared face.
struct Order
{
    uint8_t max, mid, min;
};

inline int caseIndex(float fr, float fg, float fb)
{
    return (int(fr > fg) << 2) | (int(fg > fb) << 1) | int(fr > fb);
}
inline int caseIndex(double fr, double fg, double fb)
{
    return (int(fr > fg) << 2) | (int(fg > fb) << 1) | int(fr > fb);
}

constexpr Order kOrders[8] = {
    {2, 1, 0}, // b >= g >= r
    {2, 1, 0}, // (impossible) r > b, g >= r, b >= g
    {1, 2, 0}, // g > b >= r
    {1, 0, 2}, // g >= r > b
    {2, 0, 1}, // b >= r > g
    {0, 2, 1}, // r > b >= g
    {0, 1, 2}, // (impossible) r > g > b, b >= r
    {0, 1, 2}, // r > g > b
};

} // namespace cg::tetrahedral
