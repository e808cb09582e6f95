#pragma once

#include "Grade.h"
#include "MonotoneCurve.h"

#include <array>

namespace cg {

class Image;

/// A grade prepared for exact evaluation of one colour at a time: the reference every faster path
/// (CompiledGrade's LUTs) is tested against.
///
/// Stage 1, per channel c ("primaries", separable):
///   x *= 2^(exposure / 2.4) * wb_c          exposure and white balance in linear light under the
///                                            BT.1886 pure 2.4 power, where a linear gain k is the
///                                            code-value gain k^(1/2.4)
///   v  = x * gain_c * (1 - lift_c) + gain_c * lift_c + offset_c     (ASC CDL slope and offset)
///   v  = max(v, 0) ^ (1 / gamma_c)                                    (ASC CDL power)
///   v  = (v - pivot) * contrast + pivot
/// Stage 2, across channels ("secondaries"):
///   v  = Y + saturation * (v - Y), Y = BT.709 luma of v
///   v_c = curve_c(curve_master(v_c))
///   v  = look(v)
/// No clamping between stages; integer outputs are clamped when written.
class GradeProgram
{
public:
    explicit GradeProgram(const Grade& grade);

    double primary(int channel, double x) const;
    Rgb primaries(Rgb in) const;
    Rgb secondaries(Rgb v) const { return look(curves(saturate(v))); }
    Rgb saturate(Rgb v) const;
    double curve(int channel, double v) const;
    Rgb curves(Rgb v) const { return {curve(0, v.r), curve(1, v.g), curve(2, v.b)}; }
    Rgb look(Rgb v) const;
    bool hasCurves() const { return !m_grade.curves.isIdentity(); }
    bool hasLook() const { return !m_grade.look.isEmpty(); }
    Rgb apply(Rgb in) const { return secondaries(primaries(in)); }

    /// White-balance gains in linear light for temperature/tint (luminance-preserving), exposed for
    /// the CDL mapping and tests.
    static Rgb whiteBalanceLinearGains(double temperature, double tint);

private:
    Grade m_grade;
    Rgb m_inputGain;
    Rgb m_slope, m_offset, m_power;
    MonotoneCurve m_master;
    std::array<MonotoneCurve, 3> m_channel;
};

/// Render an image through the exact path (slow; for tests and as the reference).
Image renderExact(const Grade& grade, const Image& image);

} // namespace cg
