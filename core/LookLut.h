#pragma once

#include "CubeLut.h"

namespace cg {

/// A creative look LUT attached to a grade: the file it came from (kept in JSON) and its content.
struct LookLut
{
    QString path;
    CubeLut lut;

    bool isEmpty() const { return lut.isEmpty(); }
    bool operator==(const LookLut&) const = default;
};

} // namespace cg
