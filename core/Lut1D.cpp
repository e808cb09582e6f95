#include "Lut1D.h"

#include <algorithm>
#include <cmath>

namespace cg {

Lut1D Lut1D::identity(int size)
{
    Lut1D lut;
    lut.size = size;
    lut.values.resize(size_t(size) * 3);
    for (int i = 0; i < size; ++i)
        for (int c = 0; c < 3; ++c)
            lut.at(i, c) = float(double(i) / (size - 1));
    return lut;
}

Rgb Lut1D::apply(Rgb in) const
{
    Rgb out;
    for (int c = 0; c < 3; ++c) {
        const double span = domainMax[c] - domainMin[c];
        const double t = std::clamp((in[c] - domainMin[c]) / span, 0.0, 1.0) * (size - 1);
        const int i0 = std::min(int(t), size - 2);
        const double f = t - i0;
        out[c] = at(i0, c) * (1.0 - f) + at(i0 + 1, c) * f;
    }
    return out;
}

} // namespace cg
