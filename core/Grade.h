#pragma once

#include "LookLut.h"
#include "Rgb.h"

#include <QString>
#include <vector>

namespace cg {

/// A control point of a curve, both coordinates in 0..1 code values.
struct CurvePoint
{
    double x = 0.0;
    double y = 0.0;
    bool operator==(const CurvePoint&) const = default;
};

/// Master + per-channel curves. An empty point list is the identity. Points are kept sorted by x;
/// evaluation is a monotone cubic (Fritsch–Carlson) through them.
struct Curves
{
    std::vector<CurvePoint> master;
    std::vector<CurvePoint> red;
    std::vector<CurvePoint> green;
    std::vector<CurvePoint> blue;

    bool isIdentity() const;
    const std::vector<CurvePoint>& channel(int c) const { return c == 0 ? red : (c == 1 ? green : blue); }
    bool operator==(const Curves&) const = default;
};

/// A colour wheel: a master value plus an R/G/B balance. How the two combine depends on the wheel:
/// lift and offset add (`master + rgb`), gamma and gain multiply (`master * rgb`).
struct Wheel
{
    double master = 0.0;
    Rgb rgb;
    bool operator==(const Wheel&) const = default;
};

/// A primary grade, the unit a colorist edits per clip. A plain value: copy it, compare it, store it.
///
/// Evaluation order (DESIGN.md §3), on display-referred code values:
///   exposure -> white balance -> lift/gain/offset/gamma -> contrast around pivot ->
///   saturation (luma-preserving) -> curves (master, then R/G/B) -> look LUT.
/// See GradeProgram.h for the exact formulas.
struct Grade
{
    double exposure = 0.0;    ///< stops, applied in linear light (BT.1886 display gamma 2.4)
    double temperature = 0.0; ///< -100 (cooler, blue) .. +100 (warmer, orange)
    double tint = 0.0;        ///< -100 (green) .. +100 (magenta)
    Wheel lift{0.0, {0.0, 0.0, 0.0}};
    Wheel gamma{1.0, {1.0, 1.0, 1.0}};
    Wheel gain{1.0, {1.0, 1.0, 1.0}};
    Wheel offset{0.0, {0.0, 0.0, 0.0}};
    double contrast = 1.0;
    double pivot = 0.435; ///< DaVinci Resolve's default pivot, in code values
    double saturation = 1.0;
    Curves curves;
    LookLut look; ///< optional look, applied last

    /// Per-channel values the formulas use.
    Rgb effectiveLift() const { return Rgb{lift.master, lift.master, lift.master} + lift.rgb; }
    Rgb effectiveGamma() const { return gamma.rgb * gamma.master; }
    Rgb effectiveGain() const { return gain.rgb * gain.master; }
    Rgb effectiveOffset() const { return Rgb{offset.master, offset.master, offset.master} + offset.rgb; }

    bool isIdentity() const;
    bool operator==(const Grade&) const = default;
};

} // namespace cg
