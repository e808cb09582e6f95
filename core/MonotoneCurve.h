#pragma once

#include "Grade.h"

#include <vector>

namespace cg {

/// A monotone cubic Hermite spline through control points (Fritsch & Carlson 1980), so a curve that
/// the user drew rising never overshoots or folds back. Outside the first/last point it continues
/// along its end tangents (values outside 0..1 exist before clamping), so an identity curve stays the
/// identity for any value and the curve stays smooth for the tables that sample it.
class MonotoneCurve
{
public:
    MonotoneCurve() = default; ///< the identity
    explicit MonotoneCurve(std::vector<CurvePoint> points);

    bool isIdentity() const { return m_x.size() < 2 && m_y.empty(); }
    double operator()(double x) const;

private:
    std::vector<double> m_x, m_y, m_tangent;
};

} // namespace cg
