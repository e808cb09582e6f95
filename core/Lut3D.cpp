#include "Lut3D.h"

#include "TetrahedralCases.h"

#include <algorithm>
#include <cmath>

namespace cg {

Lut3D Lut3D::identity(int size)
{
    Lut3D lut;
    lut.size = size;
    lut.values.resize(size_t(size) * size_t(size) * size_t(size) * 3);
    const double step = 1.0 / (size - 1);
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r)
                lut.set(r, g, b, {r * step, g * step, b * step});
    return lut;
}

void Lut3D::set(int r, int g, int b, Rgb value)
{
    float* v = &values[index(r, g, b) * 3];
    v[0] = float(value.r);
    v[1] = float(value.g);
    v[2] = float(value.b);
}

Rgb Lut3D::apply(Rgb in) const
{
    double pos[3];
    int i0[3];
    double f[3];
    for (int c = 0; c < 3; ++c) {
        const double span = domainMax[c] - domainMin[c];
        pos[c] = std::clamp((in[c] - domainMin[c]) / span, 0.0, 1.0) * (size - 1);
        i0[c] = std::min(int(pos[c]), size - 2);
        f[c] = pos[c] - i0[c];
    }
    const tetrahedral::Order order = tetrahedral::kOrders[tetrahedral::caseIndex(f[0], f[1], f[2])];
    int corner1[3] = {i0[0], i0[1], i0[2]};
    corner1[order.max] += 1;
    int corner2[3] = {corner1[0], corner1[1], corner1[2]};
    corner2[order.mid] += 1;
    const double fMax = f[order.max], fMid = f[order.mid], fMin = f[order.min];
    return at(i0[0], i0[1], i0[2]) * (1 - fMax) + at(corner1[0], corner1[1], corner1[2]) * (fMax - fMid) +
           at(corner2[0], corner2[1], corner2[2]) * (fMid - fMin) + at(i0[0] + 1, i0[1] + 1, i0[2] + 1) * fMin;
}

} // namespace cg
