#include "ColorMath.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace cg::ColorMath {

namespace {

// ---------------------------------------------------------------------------------------------------
// Transfer-function constants
// ---------------------------------------------------------------------------------------------------

// IEC 61966-2-1 (sRGB): the encoded threshold 0.04045 and the linear one 0.0031308 are the published
// values; they meet the power segment to within 1e-7, so the pair below is an exact inverse pair.
constexpr double kSrgbEncodedKnee = 0.04045;
constexpr double kSrgbLinearKnee = 0.0031308;

// BT.709 OETF: V = alpha * L^0.45 - (alpha - 1) for L >= beta, V = 4.5 L below. BT.709 rounds alpha and
// beta to 1.099 and 0.018, which leaves a small step at the knee; we use the values that solve the
// continuity of value and slope (as quoted to more digits in BT.2020, Table 4), so encode and decode
// are exact inverses and monotone.
constexpr double kBt709Alpha = 1.09929682680944;
constexpr double kBt709Beta = 0.018053968510807;
constexpr double kBt709EncodedKnee = 4.5 * kBt709Beta;

// BT.1886 Annex 1 EOTF with Lw = 1 and Lb = 0 reduces to L = V^2.4.
constexpr double kBt1886Gamma = 2.4;

// ---------------------------------------------------------------------------------------------------
// Rec.709 / sRGB primaries and the D65 white of the header (Xn = 0.95047, Zn = 1.08883)
// ---------------------------------------------------------------------------------------------------

constexpr double kWhiteX = 0.95047;
constexpr double kWhiteY = 1.0;
constexpr double kWhiteZ = 1.08883;

using Matrix3 = std::array<std::array<double, 3>, 3>;

Matrix3 invert(const Matrix3& m)
{
    const double c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
    const double c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
    const double c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
    const double det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
    const double s = 1.0 / det;
    Matrix3 r{};
    r[0][0] = c00 * s;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) * s;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) * s;
    r[1][0] = c01 * s;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) * s;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) * s;
    r[2][0] = c02 * s;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) * s;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) * s;
    return r;
}

/// RGB -> XYZ from the BT.709 primaries (x, y) = R (0.64, 0.33), G (0.30, 0.60), B (0.15, 0.06) and
/// the white point above (SMPTE RP 177 derivation). The IEC 61966-2-1 matrix (0.4124 0.3576 0.1805 ...)
/// is this matrix rounded to four decimals; keeping the full precision makes RGB white map exactly
/// to the Lab reference white, so neutral colours have a* = b* = 0.
Matrix3 deriveRgbToXyz()
{
    const double xy[3][2] = {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}};
    Matrix3 primaries{}; // columns: XYZ of each primary with Y = 1
    for (int c = 0; c < 3; ++c) {
        const double x = xy[c][0];
        const double y = xy[c][1];
        primaries[0][c] = x / y;
        primaries[1][c] = 1.0;
        primaries[2][c] = (1.0 - x - y) / y;
    }
    const Matrix3 inv = invert(primaries);
    const double white[3] = {kWhiteX, kWhiteY, kWhiteZ};
    double scale[3];
    for (int r = 0; r < 3; ++r)
        scale[r] = inv[r][0] * white[0] + inv[r][1] * white[1] + inv[r][2] * white[2];
    Matrix3 m{};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            m[r][c] = primaries[r][c] * scale[c];
    return m;
}

const Matrix3& rgbToXyzMatrix()
{
    static const Matrix3 m = deriveRgbToXyz();
    return m;
}

const Matrix3& xyzToRgbMatrix()
{
    static const Matrix3 m = invert(rgbToXyzMatrix());
    return m;
}

// CIE 15:2004 Lab companding: f(t) = t^(1/3) above (6/29)^3, a linear segment below.
constexpr double kLabDelta = 6.0 / 29.0;
constexpr double kLabDeltaCubed = kLabDelta * kLabDelta * kLabDelta;

double labF(double t)
{
    return t > kLabDeltaCubed ? std::cbrt(t) : t / (3.0 * kLabDelta * kLabDelta) + 4.0 / 29.0;
}

double labFInverse(double f)
{
    return f > kLabDelta ? f * f * f : 3.0 * kLabDelta * kLabDelta * (f - 4.0 / 29.0);
}

constexpr double kDegPerRad = 180.0 / std::numbers::pi;
constexpr double kRadPerDeg = std::numbers::pi / 180.0;

/// Hue angle in degrees, 0..360 (Sharma 2005, eq. 4; h = 0 when a = b = 0).
double hueDegrees(double b, double a)
{
    if (a == 0.0 && b == 0.0)
        return 0.0;
    const double h = std::atan2(b, a) * kDegPerRad;
    return h < 0.0 ? h + 360.0 : h;
}

void requireSameSize(const Image& a, const Image& b, const char* what)
{
    if (a.width() != b.width() || a.height() != b.height())
        throw std::invalid_argument(std::string(what) + ": images differ in size (" +
                                    std::to_string(a.width()) + "x" + std::to_string(a.height()) + " vs " +
                                    std::to_string(b.width()) + "x" + std::to_string(b.height()) + ")");
}

/// Converts the pixels of one image to Lab, one row at a time. Integer formats go through a table of
/// the sRGB decode per code value (256 or 65536 entries), so a frame costs one matrix and three cube
/// roots per pixel instead of three extra powers.
class LabRowReader
{
public:
    explicit LabRowReader(const Image& image) : m_image(image)
    {
        if (image.format() == PixelFormat::Rgb8)
            buildTable(255);
        else if (image.format() == PixelFormat::Rgb16)
            buildTable(65535);
    }

    void read(int y, std::vector<Lab>& out) const
    {
        const int w = m_image.width();
        out.resize(size_t(w));
        switch (m_image.format()) {
        case PixelFormat::Rgb8:
            readInteger(m_image.row<uint8_t>(y), w, out);
            break;
        case PixelFormat::Rgb16:
            readInteger(m_image.row<uint16_t>(y), w, out);
            break;
        case PixelFormat::RgbF32: {
            const float* p = m_image.row<float>(y);
            for (int x = 0; x < w; ++x, p += 3)
                out[size_t(x)] = linearToLab({srgbToLinear(p[0]), srgbToLinear(p[1]), srgbToLinear(p[2])});
            break;
        }
        }
    }

private:
    void buildTable(int maxCode)
    {
        m_linear.resize(size_t(maxCode) + 1);
        for (int i = 0; i <= maxCode; ++i)
            m_linear[size_t(i)] = srgbToLinear(double(i) / maxCode);
    }

    template <typename T> void readInteger(const T* p, int w, std::vector<Lab>& out) const
    {
        for (int x = 0; x < w; ++x, p += 3)
            out[size_t(x)] = linearToLab({m_linear[p[0]], m_linear[p[1]], m_linear[p[2]]});
    }

    static Lab linearToLab(Rgb linear) { return xyzToLab(linearRgbToXyz(linear)); }

    const Image& m_image;
    std::vector<double> m_linear;
};

template <typename Metric> double meanDeltaE(const Image& a, const Image& b, const char* what, Metric metric)
{
    requireSameSize(a, b, what);
    if (a.isNull())
        return 0.0;
    const LabRowReader readerA(a);
    const LabRowReader readerB(b);
    std::vector<Lab> rowA;
    std::vector<Lab> rowB;
    double total = 0.0;
    for (int y = 0; y < a.height(); ++y) {
        readerA.read(y, rowA);
        readerB.read(y, rowB);
        double rowSum = 0.0; // per-row partial sums keep the rounding error of a 2-Mpixel sum small
        for (size_t x = 0; x < rowA.size(); ++x)
            rowSum += metric(rowA[x], rowB[x]);
        total += rowSum;
    }
    return total / double(a.pixelCount());
}

/// Code value 0..255 of one sample, as an 8-bit file would store it.
int code8(const Image& image, int x, int y, int c)
{
    if (image.format() == PixelFormat::Rgb8)
        return image.row<uint8_t>(y)[size_t(x) * 3 + size_t(c)];
    const float v = image.sample(x, y, c);
    return int(std::lround(std::clamp(std::isnan(v) ? 0.0f : v, 0.0f, 1.0f) * 255.0f));
}

} // namespace

// ---------------------------------------------------------------------------------------------------
// Transfer functions
// ---------------------------------------------------------------------------------------------------

// IEC 61966-2-1: the linear segment also covers negative values (as the formula is written), so
// out-of-range float code values stay finite and invertible.
double srgbToLinear(double v)
{
    return v <= kSrgbEncodedKnee ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double srgbFromLinear(double v)
{
    return v <= kSrgbLinearKnee ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

double bt709ToLinear(double v)
{
    return v < kBt709EncodedKnee ? v / 4.5 : std::pow((v + (kBt709Alpha - 1.0)) / kBt709Alpha, 1.0 / 0.45);
}

double bt709FromLinear(double v)
{
    return v < kBt709Beta ? 4.5 * v : kBt709Alpha * std::pow(v, 0.45) - (kBt709Alpha - 1.0);
}

// A pure power has no real value below 0: mirror it (odd extension) so float headroom survives.
double bt1886ToLinear(double v)
{
    return std::copysign(std::pow(std::abs(v), kBt1886Gamma), v);
}

double bt1886FromLinear(double v)
{
    return std::copysign(std::pow(std::abs(v), 1.0 / kBt1886Gamma), v);
}

// ---------------------------------------------------------------------------------------------------
// XYZ and Lab
// ---------------------------------------------------------------------------------------------------

Xyz linearRgbToXyz(Rgb linear)
{
    const Matrix3& m = rgbToXyzMatrix();
    return {m[0][0] * linear.r + m[0][1] * linear.g + m[0][2] * linear.b,
            m[1][0] * linear.r + m[1][1] * linear.g + m[1][2] * linear.b,
            m[2][0] * linear.r + m[2][1] * linear.g + m[2][2] * linear.b};
}

Rgb xyzToLinearRgb(Xyz xyz)
{
    const Matrix3& m = xyzToRgbMatrix();
    return {m[0][0] * xyz.x + m[0][1] * xyz.y + m[0][2] * xyz.z,
            m[1][0] * xyz.x + m[1][1] * xyz.y + m[1][2] * xyz.z,
            m[2][0] * xyz.x + m[2][1] * xyz.y + m[2][2] * xyz.z};
}

// CIE 15:2004, eq. 8.1-8.3.
Lab xyzToLab(Xyz xyz)
{
    const double fx = labF(xyz.x / kWhiteX);
    const double fy = labF(xyz.y / kWhiteY);
    const double fz = labF(xyz.z / kWhiteZ);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Xyz labToXyz(Lab lab)
{
    const double fy = (lab.l + 16.0) / 116.0;
    const double fx = fy + lab.a / 500.0;
    const double fz = fy - lab.b / 200.0;
    return {kWhiteX * labFInverse(fx), kWhiteY * labFInverse(fy), kWhiteZ * labFInverse(fz)};
}

Lab srgbToLab(Rgb srgb)
{
    return xyzToLab(linearRgbToXyz({srgbToLinear(srgb.r), srgbToLinear(srgb.g), srgbToLinear(srgb.b)}));
}

Rgb labToSrgb(Lab lab)
{
    const Rgb linear = xyzToLinearRgb(labToXyz(lab));
    return {srgbFromLinear(linear.r), srgbFromLinear(linear.g), srgbFromLinear(linear.b)};
}

// ---------------------------------------------------------------------------------------------------
// Colour differences
// ---------------------------------------------------------------------------------------------------

double deltaE76(Lab a, Lab b)
{
    const double dl = a.l - b.l;
    const double da = a.a - b.a;
    const double db = a.b - b.b;
    return std::sqrt(dl * dl + da * da + db * db);
}

// G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
// Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1), 2005. Equation
// numbers below refer to that paper; kL = kC = kH = 1.
double deltaE2000(Lab lab1, Lab lab2)
{
    constexpr double k25To7 = 6103515625.0; // 25^7

    // Eq. 2-5: chroma-dependent stretch of a*, then C' and h'.
    const double c1 = std::hypot(lab1.a, lab1.b);
    const double c2 = std::hypot(lab2.a, lab2.b);
    const double cMean = 0.5 * (c1 + c2);
    const double cMean7 = std::pow(cMean, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cMean7 / (cMean7 + k25To7)));
    const double a1 = (1.0 + g) * lab1.a;
    const double a2 = (1.0 + g) * lab2.a;
    const double cp1 = std::hypot(a1, lab1.b);
    const double cp2 = std::hypot(a2, lab2.b);
    const double hp1 = hueDegrees(lab1.b, a1);
    const double hp2 = hueDegrees(lab2.b, a2);

    // Eq. 8-11: differences; the hue difference takes the short way round and is 0 for a neutral.
    const double dL = lab2.l - lab1.l;
    const double dC = cp2 - cp1;
    const double cProduct = cp1 * cp2;
    double dh = 0.0;
    if (cProduct != 0.0) {
        dh = hp2 - hp1;
        if (dh > 180.0)
            dh -= 360.0;
        else if (dh < -180.0)
            dh += 360.0;
    }
    const double dH = 2.0 * std::sqrt(cProduct) * std::sin(0.5 * dh * kRadPerDeg);

    // Eq. 12-14: means; the mean hue of a pair straddling 0 deg is taken on the short arc (eq. 14).
    const double lMean = 0.5 * (lab1.l + lab2.l);
    const double cpMean = 0.5 * (cp1 + cp2);
    double hpMean = hp1 + hp2;
    if (cProduct != 0.0) {
        if (std::abs(hp1 - hp2) <= 180.0)
            hpMean *= 0.5;
        else if (hpMean < 360.0)
            hpMean = 0.5 * (hpMean + 360.0);
        else
            hpMean = 0.5 * (hpMean - 360.0);
    }

    // Eq. 15-22: weighting functions and the rotation term.
    const double t = 1.0 - 0.17 * std::cos((hpMean - 30.0) * kRadPerDeg) +
                     0.24 * std::cos(2.0 * hpMean * kRadPerDeg) +
                     0.32 * std::cos((3.0 * hpMean + 6.0) * kRadPerDeg) -
                     0.20 * std::cos((4.0 * hpMean - 63.0) * kRadPerDeg);
    const double hueBump = (hpMean - 275.0) / 25.0;
    const double dTheta = 30.0 * std::exp(-hueBump * hueBump);
    const double cpMean7 = std::pow(cpMean, 7.0);
    const double rc = 2.0 * std::sqrt(cpMean7 / (cpMean7 + k25To7));
    const double l50 = (lMean - 50.0) * (lMean - 50.0);
    const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double sc = 1.0 + 0.045 * cpMean;
    const double sh = 1.0 + 0.015 * cpMean * t;
    const double rt = -std::sin(2.0 * dTheta * kRadPerDeg) * rc;

    const double tl = dL / sl;
    const double tc = dC / sc;
    const double th = dH / sh;
    return std::sqrt(std::max(0.0, tl * tl + tc * tc + th * th + rt * tc * th));
}

// ---------------------------------------------------------------------------------------------------
// Image metrics
// ---------------------------------------------------------------------------------------------------

double meanDeltaE76(const Image& a, const Image& b)
{
    return meanDeltaE(a, b, "meanDeltaE76", [](Lab x, Lab y) { return deltaE76(x, y); });
}

double meanDeltaE2000(const Image& a, const Image& b)
{
    return meanDeltaE(a, b, "meanDeltaE2000", [](Lab x, Lab y) { return deltaE2000(x, y); });
}

// PSNR = 10 log10(255^2 / MSE), MSE over all three channels of 8-bit code values; deeper formats are
// first rounded to the 8-bit code value they would be stored as.
double psnr8(const Image& a, const Image& b)
{
    requireSameSize(a, b, "psnr8");
    uint64_t squaredError = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            for (int c = 0; c < 3; ++c) {
                const int d = code8(a, x, y, c) - code8(b, x, y, c);
                squaredError += uint64_t(d * d);
            }
    if (squaredError == 0)
        return std::numeric_limits<double>::infinity();
    const double mse = double(squaredError) / (double(a.pixelCount()) * 3.0);
    return 10.0 * std::log10(255.0 * 255.0 / mse);
}

// D. Hasler, S. Süsstrunk, "Measuring colourfulness in natural images", SPIE 5007, 2003:
// rg = R - G, yb = (R + G)/2 - B, M = sqrt(sd_rg^2 + sd_yb^2) + 0.3 sqrt(mean_rg^2 + mean_yb^2),
// with population standard deviations over all pixels.
double colourfulness(const Image& image)
{
    if (image.isNull())
        return 0.0;
    double sumRg = 0.0;
    double sumYb = 0.0;
    double sumRg2 = 0.0;
    double sumYb2 = 0.0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double r = 255.0 * image.sample(x, y, 0);
            const double g = 255.0 * image.sample(x, y, 1);
            const double b = 255.0 * image.sample(x, y, 2);
            const double rg = r - g;
            const double yb = 0.5 * (r + g) - b;
            sumRg += rg;
            sumYb += yb;
            sumRg2 += rg * rg;
            sumYb2 += yb * yb;
        }
    const double n = double(image.pixelCount());
    const double meanRg = sumRg / n;
    const double meanYb = sumYb / n;
    const double varRg = std::max(0.0, sumRg2 / n - meanRg * meanRg);
    const double varYb = std::max(0.0, sumYb2 / n - meanYb * meanYb);
    return std::sqrt(varRg + varYb) + 0.3 * std::sqrt(meanRg * meanRg + meanYb * meanYb);
}

} // namespace cg::ColorMath
