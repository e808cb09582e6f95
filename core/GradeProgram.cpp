#include "GradeProgram.h"

#include "ColorMath.h"
#include "Image.h"

#include <algorithm>
#include <cmath>

namespace cg {

namespace {
// Full-scale white-balance strengths: temperature +-100 scales linear red/blue by 1.5^+-1, tint +-100
// scales linear green by 1.3^-+1 (magenta is less green). Chosen so that the ends of the sliders match
// roughly +-2000 K around D65 and the range of Resolve's tint control.
constexpr double kTemperatureFullScale = 1.5;
constexpr double kTintFullScale = 1.3;
constexpr double kDisplayGamma = 2.4; // BT.1886
} // namespace

Rgb GradeProgram::whiteBalanceLinearGains(double temperature, double tint)
{
    if (temperature == 0.0 && tint == 0.0)
        return {1.0, 1.0, 1.0}; // exactly, so that a neutral grade is the identity bit for bit
    const double t = temperature / 100.0;
    const double m = tint / 100.0;
    Rgb gains{std::pow(kTemperatureFullScale, t), std::pow(kTintFullScale, -m), std::pow(kTemperatureFullScale, -t)};
    // Keep the luminance of a neutral grey: normalise by the BT.709 luminance of the gains.
    return gains * (1.0 / ColorMath::luma709(gains));
}

GradeProgram::GradeProgram(const Grade& grade) : m_grade(grade)
{
    const Rgb wb = whiteBalanceLinearGains(grade.temperature, grade.tint);
    const double exposureGain = std::pow(2.0, grade.exposure / kDisplayGamma);
    const Rgb lift = grade.effectiveLift();
    const Rgb gain = grade.effectiveGain();
    const Rgb gamma = grade.effectiveGamma();
    const Rgb offset = grade.effectiveOffset();
    for (int c = 0; c < 3; ++c) {
        // A linear-light gain k is the code-value gain k^(1/2.4) under a pure power display curve.
        m_inputGain[c] = exposureGain * std::pow(wb[c], 1.0 / kDisplayGamma);
        m_slope[c] = gain[c] * (1.0 - lift[c]);
        m_offset[c] = gain[c] * lift[c] + offset[c];
        m_power[c] = 1.0 / std::max(gamma[c], 1e-6);
    }
    m_master = MonotoneCurve(grade.curves.master);
    for (int c = 0; c < 3; ++c)
        m_channel[size_t(c)] = MonotoneCurve(grade.curves.channel(c));
}

double GradeProgram::primary(int c, double x) const
{
    double v = x * m_inputGain[c] * m_slope[c] + m_offset[c];
    v = m_power[c] == 1.0 ? std::max(v, 0.0) : std::pow(std::max(v, 0.0), m_power[c]);
    return (v - m_grade.pivot) * m_grade.contrast + m_grade.pivot;
}

Rgb GradeProgram::primaries(Rgb in) const
{
    return {primary(0, in.r), primary(1, in.g), primary(2, in.b)};
}

Rgb GradeProgram::saturate(Rgb v) const
{
    if (m_grade.saturation == 1.0)
        return v;
    const double y = ColorMath::luma709(v);
    return Rgb{y, y, y} + (v - Rgb{y, y, y}) * m_grade.saturation;
}

double GradeProgram::curve(int channel, double v) const
{
    return m_channel[size_t(channel)](m_master(v));
}

Rgb GradeProgram::look(Rgb v) const
{
    return m_grade.look.isEmpty() ? v : m_grade.look.lut.apply(v);
}

Image renderExact(const Grade& grade, const Image& image)
{
    const GradeProgram program(grade);
    Image out(image.width(), image.height(), image.format());
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const Rgb in{image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
            const bool isFloat = image.format() == PixelFormat::RgbF32;
            Rgb clampedIn = in;
            if (isFloat)
                for (int c = 0; c < 3; ++c)
                    clampedIn[c] = std::clamp(in[c], 0.0, 1.0);
            const Rgb v = program.apply(clampedIn);
            for (int c = 0; c < 3; ++c)
                out.setSample(x, y, c, float(v[c]));
        }
    return out;
}

} // namespace cg
