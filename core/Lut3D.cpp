#include "Lut3D.h"

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
    const int r = i0[0], g = i0[1], b = i0[2];
    const double fr = f[0], fg = f[1], fb = f[2];
    const Rgb c000 = at(r, g, b);
    const Rgb c111 = at(r + 1, g + 1, b + 1);
    // The cube splits into six tetrahedra by the order of the fractions.
    if (fr > fg) {
        if (fg > fb) {
            const Rgb c100 = at(r + 1, g, b), c110 = at(r + 1, g + 1, b);
            return c000 * (1 - fr) + c100 * (fr - fg) + c110 * (fg - fb) + c111 * fb;
        }
        if (fr > fb) {
            const Rgb c100 = at(r + 1, g, b), c101 = at(r + 1, g, b + 1);
            return c000 * (1 - fr) + c100 * (fr - fb) + c101 * (fb - fg) + c111 * fg;
        }
        const Rgb c001 = at(r, g, b + 1), c101 = at(r + 1, g, b + 1);
        return c000 * (1 - fb) + c001 * (fb - fr) + c101 * (fr - fg) + c111 * fg;
    }
    if (fb > fg) {
        const Rgb c001 = at(r, g, b + 1), c011 = at(r, g + 1, b + 1);
        return c000 * (1 - fb) + c001 * (fb - fg) + c011 * (fg - fr) + c111 * fr;
    }
    if (fb > fr) {
        const Rgb c010 = at(r, g + 1, b), c011 = at(r, g + 1, b + 1);
        return c000 * (1 - fg) + c010 * (fg - fb) + c011 * (fb - fr) + c111 * fr;
    }
    const Rgb c010 = at(r, g + 1, b), c110 = at(r + 1, g + 1, b);
    return c000 * (1 - fg) + c010 * (fg - fr) + c110 * (fr - fb) + c111 * fb;
}

} // namespace cg
