#include "Grade.h"

namespace cg {

namespace {

/// A channel is the identity when it has no points or exactly the diagonal's two ends: the monotone
/// spline through (0,0) and (1,1) is the straight line y = x, and outside it continues with slope 1.
bool isIdentityChannel(const std::vector<CurvePoint>& points)
{
    return points.empty() ||
           (points.size() == 2 && points[0] == CurvePoint{0.0, 0.0} && points[1] == CurvePoint{1.0, 1.0});
}

} // namespace

bool Curves::isIdentity() const
{
    return isIdentityChannel(master) && isIdentityChannel(red) && isIdentityChannel(green) &&
           isIdentityChannel(blue);
}

bool Grade::isIdentity() const
{
    // Compare against the default grade with the curves and the look taken out: curves count as
    // identity in either spelling, and a look without content changes nothing.
    Grade plain = *this;
    plain.curves = {};
    plain.look = {};
    return plain == Grade{} && curves.isIdentity() && look.isEmpty();
}

} // namespace cg
