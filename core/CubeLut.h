#pragma once

#include "Lut1D.h"
#include "Lut3D.h"

#include <QString>
#include <optional>

namespace cg {

/// The content of a `.cube` file: an optional 1D LUT (applied first, as a shaper) and/or a 3D LUT.
struct CubeLut
{
    QString title;
    std::optional<Lut1D> lut1d;
    std::optional<Lut3D> lut3d;

    bool isEmpty() const { return !lut1d && !lut3d; }
    Rgb apply(Rgb in) const
    {
        if (lut1d)
            in = lut1d->apply(in);
        if (lut3d)
            in = lut3d->apply(in);
        return in;
    }
    bool operator==(const CubeLut&) const = default;
};

} // namespace cg
