#pragma once

#include "Grade.h"

namespace cg {

/// A moderate, non-trivial grade touching every stage before the look LUT (primaries per channel,
/// white balance, contrast, saturation, a master curve), far from the identity. Shared by the LUT
/// interoperability tests and the benchmarks, so their figures are about the same grade (the grade
/// of the figures published since the first session).
inline Grade moderateGrade()
{
    Grade grade;
    grade.exposure = 0.3;
    grade.temperature = 18.0;
    grade.tint = -6.0;
    grade.lift = {0.02, {0.01, 0.0, -0.01}};
    grade.gamma = {1.08, {1.0, 1.02, 0.97}};
    grade.gain = {1.05, {1.02, 0.99, 1.0}};
    grade.contrast = 1.12;
    grade.saturation = 1.2;
    grade.curves.master = {{0.0, 0.0}, {0.25, 0.21}, {0.75, 0.8}, {1.0, 1.0}};
    return grade;
}

} // namespace cg
