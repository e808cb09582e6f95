#include "MonotoneCurve.h"

#include <algorithm>
#include <cmath>

namespace cg {

MonotoneCurve::MonotoneCurve(std::vector<CurvePoint> points)
{
    std::sort(points.begin(), points.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
    points.erase(std::unique(points.begin(), points.end(),
                             [](const CurvePoint& a, const CurvePoint& b) { return a.x == b.x; }),
                 points.end());
    const bool identity = points.empty() || (points.size() == 2 && points[0] == CurvePoint{0, 0} &&
                                             points[1] == CurvePoint{1, 1});
    if (identity)
        return;
    for (const CurvePoint& p : points) {
        m_x.push_back(p.x);
        m_y.push_back(p.y);
    }
    const size_t n = m_x.size();
    m_tangent.assign(n, 1.0);
    if (n == 1)
        return;
    // Fritsch & Carlson (1980): secant slopes, three-point tangents, then limit them so that
    // alpha^2 + beta^2 <= 9 on every interval, which keeps each cubic piece monotone.
    std::vector<double> secant(n - 1);
    for (size_t i = 0; i + 1 < n; ++i)
        secant[i] = (m_y[i + 1] - m_y[i]) / (m_x[i + 1] - m_x[i]);
    m_tangent[0] = secant[0];
    m_tangent[n - 1] = secant[n - 2];
    for (size_t i = 1; i + 1 < n; ++i)
        m_tangent[i] = secant[i - 1] * secant[i] <= 0.0 ? 0.0 : (secant[i - 1] + secant[i]) / 2.0;
    for (size_t i = 0; i + 1 < n; ++i) {
        if (secant[i] == 0.0) {
            m_tangent[i] = m_tangent[i + 1] = 0.0;
            continue;
        }
        const double alpha = m_tangent[i] / secant[i];
        const double beta = m_tangent[i + 1] / secant[i];
        const double norm = alpha * alpha + beta * beta;
        if (norm > 9.0) {
            const double tau = 3.0 / std::sqrt(norm);
            m_tangent[i] = tau * alpha * secant[i];
            m_tangent[i + 1] = tau * beta * secant[i];
        }
    }
}

double MonotoneCurve::operator()(double x) const
{
    if (m_x.empty())
        return x;
    if (m_x.size() == 1)
        return m_y[0] + (x - m_x[0]);
    // Beyond the end points the curve continues along its end tangents: C1 continuity keeps the
    // 3D LUT that samples it accurate there (a kink between lattice points costs ~4/1023).
    if (x <= m_x.front())
        return m_y.front() + (x - m_x.front()) * m_tangent.front();
    if (x >= m_x.back())
        return m_y.back() + (x - m_x.back()) * m_tangent.back();
    const size_t i = size_t(std::upper_bound(m_x.begin(), m_x.end(), x) - m_x.begin()) - 1;
    const double h = m_x[i + 1] - m_x[i];
    const double t = (x - m_x[i]) / h;
    const double t2 = t * t, t3 = t2 * t;
    // Cubic Hermite basis.
    const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
    return h00 * m_y[i] + h10 * h * m_tangent[i] + h01 * m_y[i + 1] + h11 * h * m_tangent[i + 1];
}

} // namespace cg
