#include "Detune.h"

#include "ColorMath.h"
#include "GradeProgram.h"
#include "MonotoneCurve.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

namespace cg {

QString errorAxisKey(ErrorAxis axis)
{
    static const char* const keys[kErrorAxisCount] = {"exposure",   "blackPoint",  "whitePoint", "contrast",
                                                      "saturation", "temperature", "tint"};
    return QString::fromLatin1(keys[int(axis)]);
}

namespace Detune {

namespace {

using Matrix3 = std::array<double, 9>;

// IEC 61966-2-1 (sRGB) linear RGB <-> CIE XYZ, D65.
constexpr Matrix3 kRgbToXyz{0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522,
                            0.0721750, 0.0193339, 0.1191920, 0.9503041};
// Bradford cone response (Lam 1985), as used by ICC v4 chromatic adaptation.
constexpr Matrix3 kBradford{0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296};

Matrix3 multiply(const Matrix3& a, const Matrix3& b)
{
    Matrix3 m{};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            for (int k = 0; k < 3; ++k)
                m[size_t(r * 3 + c)] += a[size_t(r * 3 + k)] * b[size_t(k * 3 + c)];
    return m;
}

Matrix3 inverse(const Matrix3& m)
{
    const double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
    const double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    return {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
}

Rgb transform(const Matrix3& m, Rgb v)
{
    return {m[0] * v.r + m[1] * v.g + m[2] * v.b, m[3] * v.r + m[4] * v.g + m[5] * v.b,
            m[6] * v.r + m[7] * v.g + m[8] * v.b};
}

Matrix3 diagonal(Rgb d)
{
    return {d.r, 0, 0, 0, d.g, 0, 0, 0, d.b};
}

inline float toLinear(float v)
{
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

inline float fromLinear(float v)
{
    v = std::max(v, 0.0f);
    return v <= 0.0031308f ? v * 12.92f : 1.055f * std::pow(v, 1.0f / 2.4f) - 0.055f;
}

inline float clamp01(float v)
{
    return std::clamp(v, 0.0f, 1.0f);
}

template <typename PerPixel> void forEachPixel(float* rgb, size_t count, PerPixel perPixel)
{
    for (size_t i = 0; i < count; ++i) {
        float* p = rgb + 3 * i;
        perPixel(p[0], p[1], p[2]);
        p[0] = clamp01(p[0]);
        p[1] = clamp01(p[1]);
        p[2] = clamp01(p[2]);
    }
}

template <typename Curve> void forEachSample(float* rgb, size_t count, Curve curve)
{
    forEachPixel(rgb, count, [&](float& r, float& g, float& b) {
        r = curve(r);
        g = curve(g);
        b = curve(b);
    });
}

void applyGrade(const Grade& grade, float* rgb, size_t count)
{
    const GradeProgram program(grade);
    forEachPixel(rgb, count, [&](float& r, float& g, float& b) {
        const Rgb v = program.apply(Rgb{r, g, b});
        r = float(v.r);
        g = float(v.g);
        b = float(v.b);
    });
}

void applyMatrixLinear(const Matrix3& m, float* rgb, size_t count)
{
    forEachPixel(rgb, count, [&](float& r, float& g, float& b) {
        const Rgb v = transform(m, Rgb{toLinear(r), toLinear(g), toLinear(b)});
        r = fromLinear(float(v.r));
        g = fromLinear(float(v.g));
        b = fromLinear(float(v.b));
    });
}

// BT.601 Y'CbCr on code values (unscaled chroma: Cb = B' - Y', Cr = R' - Y'), the space FFmpeg's eq
// filter and most video tools work in: the held-out implementations use it (the reference uses BT.709).
template <typename LumaChroma> void forEachYcc(float* rgb, size_t count, LumaChroma lumaChroma)
{
    constexpr float kr = 0.299f, kg = 0.587f, kb = 0.114f;
    forEachPixel(rgb, count, [&](float& r, float& g, float& b) {
        float y = kr * r + kg * g + kb * b;
        float cb = b - y;
        float cr = r - y;
        lumaChroma(y, cb, cr);
        r = y + cr;
        b = y + cb;
        g = (y - kr * r - kb * b) / kg;
    });
}

// The white-point reference: v = (x G)^p keeping mid grey m and black (see Detune.h).
struct WhiteGainGamma
{
    double gain = 1.0;
    double power = 1.0;
};
WhiteGainGamma whiteGainGamma(double severity, double mid, double white)
{
    if (severity == 0.0)
        return {};
    const double gain = severity < 0 ? white : 1.0 / white;
    return {gain, std::log(mid) / std::log(mid * gain)};
}

double whiteTarget(double severity)
{
    return 1.0 - kWhiteLevel * std::abs(severity); // dull: white lands here; clipped: input clips here
}

Rgb whiteBalanceGains(ErrorAxis axis, double s)
{
    return axis == ErrorAxis::Temperature ? GradeProgram::whiteBalanceLinearGains(kWhiteBalance * s, 0.0)
                                          : GradeProgram::whiteBalanceLinearGains(0.0, kWhiteBalance * s);
}

// ---- one axis, one implementation --------------------------------------------------------------

void exposure(int variant, bool heldOut, double s, float* rgb, size_t n)
{
    if (heldOut) { // gain in the linear light of the BT.709 camera curve (OETF), hard clip
        const double k = std::exp2(kExposureStops * s);
        forEachSample(rgb, n, [&](float v) {
            return float(ColorMath::bt709FromLinear(std::min(1.0, ColorMath::bt709ToLinear(v) * k)));
        });
        return;
    }
    const float stops = float(kExposureStops * s);
    switch (variant) {
    case 0:
        applyGrade(referenceGrade(ErrorAxis::Exposure, s), rgb, n);
        break;
    case 1: { // sRGB linear light, hard clip
        const float k = std::exp2(stops);
        forEachSample(rgb, n, [&](float v) { return fromLinear(toLinear(v) * k); });
        break;
    }
    case 2: { // sRGB linear light with a soft shoulder above 0.7 (highlights roll off, no hard clip)
        const float k = std::exp2(stops);
        constexpr float knee = 0.7f;
        forEachSample(rgb, n, [&](float v) {
            float lin = toLinear(v) * k;
            if (lin > knee)
                lin = knee + (1.0f - knee) * std::tanh((lin - knee) / (1.0f - knee));
            return fromLinear(lin);
        });
        break;
    }
    default: { // gain on code values assuming a 2.2 display gamma
        const float k = std::exp2(stops / 2.2f);
        forEachSample(rgb, n, [&](float v) { return v * k; });
        break;
    }
    }
}

void blackPoint(int variant, bool heldOut, double s, std::mt19937_64* random, float* rgb, size_t n)
{
    const double b = kBlackLevel * std::abs(s);
    if (heldOut) { // levels on luma only (Y'CbCr), chroma untouched
        const float lift = float(s > 0 ? b : -b / (1.0 - b));
        forEachYcc(rgb, n, [&](float& y, float&, float&) { y = std::max(0.0f, lift + y * (1.0f - lift)); });
        return;
    }
    switch (variant) {
    case 0:
        applyGrade(referenceGrade(ErrorAxis::BlackPoint, s), rgb, n);
        break;
    case 1: { // an offset of every code value (a "brightness" or printer-light style black level)
        const float offset = float(s > 0 ? b : -b);
        forEachSample(rgb, n, [&](float v) { return v + offset; });
        break;
    }
    case 2: { // a curve through the moved black, mid grey and white
        const MonotoneCurve curve(s > 0 ? std::vector<CurvePoint>{{0, b}, {kPivot, kPivot}, {1, 1}}
                                        : std::vector<CurvePoint>{{b, 0}, {kPivot, kPivot}, {1, 1}});
        forEachSample(rgb, n, [&](float v) { return float(curve(v)); });
        break;
    }
    default: { // per-channel lift, channels up to 10 % apart (real lifts are rarely neutral)
        std::uniform_real_distribution<double> spread(0.9, 1.1);
        Grade grade;
        for (int c = 0; c < 3; ++c) {
            const double bc = b * (random ? spread(*random) : 1.0);
            grade.lift.rgb[c] = s > 0 ? bc : -bc / (1.0 - bc);
        }
        applyGrade(grade, rgb, n);
        break;
    }
    }
}

void whitePoint(int variant, bool heldOut, double s, float* rgb, size_t n)
{
    const double w = whiteTarget(s);
    if (heldOut) {
        // The reference's gain-with-gamma on HSV value (the max of R, G, B), scaling the pixel: hue and
        // saturation kept, where the reference curves each channel.
        const WhiteGainGamma wg = whiteGainGamma(s, kPivot, w);
        const float gain = float(wg.gain), power = float(wg.power);
        forEachPixel(rgb, n, [&](float& r, float& g, float& b) {
            const float v = std::max({r, g, b});
            if (v <= 0.0f)
                return;
            const float k = std::pow(v * gain, power) / v;
            r *= k;
            g *= k;
            b *= k;
        });
        return;
    }
    switch (variant) {
    case 0:
        applyGrade(referenceGrade(ErrorAxis::WhitePoint, s), rgb, n);
        break;
    case 1: { // a curve through black, mid grey and the moved white
        const MonotoneCurve curve(s < 0 ? std::vector<CurvePoint>{{0, 0}, {kPivot, kPivot}, {1, w}}
                                        : std::vector<CurvePoint>{{0, 0}, {kPivot, kPivot}, {w, 1}});
        forEachSample(rgb, n, [&](float v) { return float(curve(v)); });
        break;
    }
    default: { // the reference's gain-with-gamma, in sRGB linear light
        const WhiteGainGamma wg =
            whiteGainGamma(s, ColorMath::srgbToLinear(kPivot), ColorMath::srgbToLinear(w));
        const float gain = float(wg.gain), power = float(wg.power);
        forEachSample(rgb, n, [&](float v) { return fromLinear(std::pow(toLinear(v) * gain, power)); });
        break;
    }
    }
}

void contrast(int variant, bool heldOut, double s, double pivot, float* rgb, size_t n)
{
    const float k = float(std::pow(kContrastFactor, s));
    if (heldOut) { // luma only (what FFmpeg's eq filter does), chroma untouched
        const float p = float(kPivot);
        forEachYcc(rgb, n, [&](float& y, float&, float&) { y = (y - p) * k + p; });
        return;
    }
    switch (variant) {
    case 0:
        applyGrade(referenceGrade(ErrorAxis::Contrast, s), rgb, n);
        break;
    case 1: { // linear, around a pivot that varies with the tool (0.3 .. 0.55)
        const float p = float(pivot);
        forEachSample(rgb, n, [&](float v) { return (v - p) * k + p; });
        break;
    }
    case 2: { // a power law around the pivot in linear light: blacks stay black
        const float p = toLinear(float(pivot));
        forEachSample(rgb, n, [&](float v) { return fromLinear(p * std::pow(toLinear(v) / p, k)); });
        break;
    }
    default: { // an S-curve (or its inverse) with black and white fixed and slope k at the pivot
        const double p = pivot;
        const double d = 0.7 * std::min(p, 1.0 - p) / std::max(1.0, double(k));
        const MonotoneCurve curve({{0, 0}, {p - d, p - d * k}, {p, p}, {p + d, p + d * k}, {1, 1}});
        forEachSample(rgb, n, [&](float v) { return float(curve(v)); });
        break;
    }
    }
}

void saturation(int variant, bool heldOut, double s, float* rgb, size_t n)
{
    const float f = float(std::pow(kSaturationFactor, s));
    if (heldOut) { // BT.601 chroma scaled, luma kept (FFmpeg's eq filter)
        forEachYcc(rgb, n, [&](float&, float& cb, float& cr) {
            cb *= f;
            cr *= f;
        });
        return;
    }
    switch (variant) {
    case 0:
        applyGrade(referenceGrade(ErrorAxis::Saturation, s), rgb, n);
        break;
    case 1: { // luminance-preserving in linear light
        forEachPixel(rgb, n, [&](float& r, float& g, float& b) {
            const float lr = toLinear(r), lg = toLinear(g), lb = toLinear(b);
            const float y = float(ColorMath::luma709(Rgb{lr, lg, lb}));
            r = fromLinear(y + (lr - y) * f);
            g = fromLinear(y + (lg - y) * f);
            b = fromLinear(y + (lb - y) * f);
        });
        break;
    }
    default: { // CIE LCh chroma scaled, lightness and hue kept
        forEachPixel(rgb, n, [&](float& r, float& g, float& b) {
            ColorMath::Lab lab = ColorMath::srgbToLab(Rgb{r, g, b});
            lab.a *= f;
            lab.b *= f;
            const Rgb v = ColorMath::labToSrgb(lab);
            r = float(v.r);
            g = float(v.g);
            b = float(v.b);
        });
        break;
    }
    }
}

void whiteBalance(ErrorAxis axis, int variant, bool heldOut, double s, float* rgb, size_t n)
{
    const Rgb gains = whiteBalanceGains(axis, s);
    if (heldOut) { // "wrong von Kries": scale X, Y, Z so that white lands where the gains put it
        const Rgb white = transform(kRgbToXyz, Rgb{1, 1, 1});
        const Rgb target = transform(kRgbToXyz, gains);
        const Matrix3 m = multiply(
            inverse(kRgbToXyz),
            multiply(diagonal({target.r / white.r, target.g / white.g, target.b / white.b}), kRgbToXyz));
        applyMatrixLinear(m, rgb, n);
        return;
    }
    switch (variant) {
    case 0: {
        Grade grade;
        (axis == ErrorAxis::Temperature ? grade.temperature : grade.tint) = kWhiteBalance * s;
        applyGrade(grade, rgb, n);
        break;
    }
    case 1:
        applyMatrixLinear(diagonal(gains), rgb, n);
        break; // the same gains in sRGB linear light
    case 2: {  // gains on code values assuming a 2.2 display gamma
        const float gr = float(std::pow(gains.r, 1 / 2.2)), gg = float(std::pow(gains.g, 1 / 2.2)),
                    gb = float(std::pow(gains.b, 1 / 2.2));
        forEachPixel(rgb, n, [&](float& r, float& g, float& b) {
            r *= gr;
            g *= gg;
            b *= gb;
        });
        break;
    }
    case 3: { // Bradford chromatic adaptation from D65 to the white the gains make
        const Rgb white = transform(kBradford, transform(kRgbToXyz, Rgb{1, 1, 1}));
        const Rgb target = transform(kBradford, transform(kRgbToXyz, gains));
        const Matrix3 toCone = multiply(kBradford, kRgbToXyz);
        const Matrix3 m = multiply(
            inverse(toCone),
            multiply(diagonal({target.r / white.r, target.g / white.g, target.b / white.b}), toCone));
        applyMatrixLinear(m, rgb, n);
        break;
    }
    default: { // a shift of a*, b* in CIELAB proportional to L*, matching the reference on mid grey
        const ColorMath::Lab grey = ColorMath::srgbToLab(Rgb{kPivot, kPivot, kPivot});
        const Rgb castGrey = GradeProgram([&] {
                                 Grade g;
                                 (axis == ErrorAxis::Temperature ? g.temperature : g.tint) =
                                     kWhiteBalance * s;
                                 return g;
                             }())
                                 .apply(Rgb{kPivot, kPivot, kPivot});
        const ColorMath::Lab cast = ColorMath::srgbToLab(castGrey);
        const double da = (cast.a - grey.a) / grey.l, db = (cast.b - grey.b) / grey.l;
        forEachPixel(rgb, n, [&](float& r, float& g, float& b) {
            ColorMath::Lab lab = ColorMath::srgbToLab(Rgb{r, g, b});
            lab.a += da * lab.l;
            lab.b += db * lab.l;
            const Rgb v = ColorMath::labToSrgb(lab);
            r = float(v.r);
            g = float(v.g);
            b = float(v.b);
        });
        break;
    }
    }
}

constexpr std::array<int, kErrorAxisCount> kTrainingVariants{4, 4, 3, 4, 3, 5, 5};

/// One axis's error by one implementation at strength `s` (uncalibrated).
void applyAxis(ErrorAxis axis, int variant, bool heldOut, double s, double pivot, std::mt19937_64* random,
               float* rgb, size_t n)
{
    switch (axis) {
    case ErrorAxis::Exposure:
        exposure(variant, heldOut, s, rgb, n);
        break;
    case ErrorAxis::BlackPoint:
        blackPoint(variant, heldOut, s, random, rgb, n);
        break;
    case ErrorAxis::WhitePoint:
        whitePoint(variant, heldOut, s, rgb, n);
        break;
    case ErrorAxis::Contrast:
        contrast(variant, heldOut, s, pivot, rgb, n);
        break;
    case ErrorAxis::Saturation:
        saturation(variant, heldOut, s, rgb, n);
        break;
    case ErrorAxis::Temperature:
    case ErrorAxis::Tint:
        whiteBalance(axis, variant, heldOut, s, rgb, n);
        break;
    }
}

// ---- calibration -------------------------------------------------------------------------------
// Every implementation's strength is matched to the reference by least squares over probe colours:
// one label then means the same amount of visible error whatever the implementation, and the
// reference's inverse (the suggested grade) undoes it as far as the shapes agree. The probes are what
// the axis is judged on: a grey ramp for the tone axes and for white balance (the cast of neutrals),
// moderately saturated colours for saturation. The implementations still differ in shape (space, toe
// and shoulder, channel coupling, what they do to colours), which is the variety the model must see
// through.

constexpr int kGridSize = 23;    // severities -1.1 .. 1.1 in steps of 0.1
constexpr int kVariantSlots = 6; // training variants 0..4, slot 5 = the held-out implementation

const std::vector<float>& probeColours(ErrorAxis axis)
{
    static const std::vector<float> greys = [] {
        std::vector<float> c;
        for (int i = 0; i <= 32; ++i)
            c.insert(c.end(), {i / 32.0f, i / 32.0f, i / 32.0f});
        return c;
    }();
    static const std::vector<float> colours = [] {
        std::vector<float> c;
        const float levels[4] = {0.15f, 0.35f, 0.55f, 0.75f};
        for (float r : levels)
            for (float g : levels)
                for (float b : levels)
                    c.insert(c.end(), {r, g, b});
        return c;
    }();
    return axis == ErrorAxis::Saturation ? colours : greys;
}

bool isCalibrated(ErrorAxis axis, int variant, bool heldOut)
{
    if (heldOut)
        return true;
    if (variant == 0)
        return false; // the reference itself
    // A random pivot and a per-channel spread are deliberate variety around the reference's amount.
    return !(axis == ErrorAxis::Contrast && variant == 1) && !(axis == ErrorAxis::BlackPoint && variant == 3);
}

double probeError(ErrorAxis axis, int variant, bool heldOut, double strength,
                  const std::vector<float>& target)
{
    std::vector<float> probe = probeColours(axis);
    applyAxis(axis, variant, heldOut, strength, kPivot, nullptr, probe.data(), probe.size() / 3);
    double sum = 0.0;
    for (size_t i = 0; i < probe.size(); ++i)
        sum += double(probe[i] - target[i]) * double(probe[i] - target[i]);
    return sum;
}

/// The strength of an implementation that best matches the reference at severity `s`: a golden-section
/// search over s x [1/3, 3] (same sign).
double matchReference(ErrorAxis axis, int variant, bool heldOut, double s)
{
    if (s == 0.0)
        return 0.0;
    std::vector<float> target = probeColours(axis);
    applyAxis(axis, 0, false, s, kPivot, nullptr, target.data(), target.size() / 3);
    double a = std::log(1.0 / 3.0), b = std::log(3.0);
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = probeError(axis, variant, heldOut, s * std::exp(c), target);
    double fd = probeError(axis, variant, heldOut, s * std::exp(d), target);
    for (int i = 0; i < 24; ++i) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - ratio * (b - a);
            fc = probeError(axis, variant, heldOut, s * std::exp(c), target);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + ratio * (b - a);
            fd = probeError(axis, variant, heldOut, s * std::exp(d), target);
        }
    }
    return s * std::exp(0.5 * (a + b));
}

struct CalibrationTable
{
    std::once_flag once;
    std::array<double, kGridSize> strength{};
};

double calibrated(ErrorAxis axis, int variant, bool heldOut, double s)
{
    if (!isCalibrated(axis, variant, heldOut))
        return s;
    static CalibrationTable tables[kErrorAxisCount][kVariantSlots];
    const int slot = heldOut ? kVariantSlots - 1 : variant;
    CalibrationTable& table = tables[int(axis)][slot];
    std::call_once(table.once, [&] {
        for (int k = 0; k < kGridSize; ++k)
            table.strength[size_t(k)] = matchReference(axis, variant, heldOut, -1.1 + 0.1 * k);
    });
    const double position = std::clamp((s + 1.1) / 0.1, 0.0, double(kGridSize - 1));
    const int lower = std::min(int(position), kGridSize - 2);
    const double fraction = position - lower;
    return table.strength[size_t(lower)] * (1.0 - fraction) + table.strength[size_t(lower + 1)] * fraction;
}

} // namespace

Grade referenceGrade(ErrorAxis axis, double s)
{
    Grade grade;
    if (s == 0.0)
        return grade;
    switch (axis) {
    case ErrorAxis::Exposure:
        grade.exposure = kExposureStops * s;
        break;
    case ErrorAxis::BlackPoint: {
        const double b = kBlackLevel * std::abs(s);
        grade.lift.master = s > 0 ? b : -b / (1.0 - b);
        break;
    }
    case ErrorAxis::WhitePoint: {
        const WhiteGainGamma wg = whiteGainGamma(s, kPivot, whiteTarget(s));
        grade.gain.master = wg.gain;
        grade.gamma.master = 1.0 / wg.power; // the engine's power is 1 / gamma
        break;
    }
    case ErrorAxis::Contrast:
        grade.contrast = std::pow(kContrastFactor, s);
        grade.pivot = kPivot;
        break;
    case ErrorAxis::Saturation:
        grade.saturation = std::pow(kSaturationFactor, s);
        break;
    case ErrorAxis::Temperature:
        grade.temperature = kWhiteBalance * s;
        break;
    case ErrorAxis::Tint:
        grade.tint = kWhiteBalance * s;
        break;
    }
    return grade;
}

void copyAxisControls(ErrorAxis axis, const Grade& from, Grade& to)
{
    switch (axis) {
    case ErrorAxis::Exposure:
        to.exposure = from.exposure;
        break;
    case ErrorAxis::BlackPoint:
        to.lift = from.lift;
        break;
    case ErrorAxis::WhitePoint:
        to.gain = from.gain;
        to.gamma = from.gamma;
        break;
    case ErrorAxis::Contrast:
        to.contrast = from.contrast;
        break;
    case ErrorAxis::Saturation:
        to.saturation = from.saturation;
        break;
    case ErrorAxis::Temperature:
        to.temperature = from.temperature;
        break;
    case ErrorAxis::Tint:
        to.tint = from.tint;
        break;
    }
}

Grade referenceGrade(const Severities& severities)
{
    Grade grade;
    for (int a = 0; a < kErrorAxisCount; ++a) {
        copyAxisControls(ErrorAxis(a), referenceGrade(ErrorAxis(a), severities[size_t(a)]), grade);
    }
    return grade;
}

Recipe randomRecipe(const Severities& severities, Family family, std::mt19937_64& random)
{
    Recipe recipe;
    recipe.severities = severities;
    recipe.family = family;
    if (family == Family::Reference)
        return recipe;
    std::shuffle(recipe.order.begin(), recipe.order.end(), random);
    if (family == Family::HeldOut)
        return recipe;
    for (int a = 0; a < kErrorAxisCount; ++a)
        recipe.variant[size_t(a)] =
            std::uniform_int_distribution<int>(0, kTrainingVariants[size_t(a)] - 1)(random);
    recipe.pivot = std::uniform_real_distribution<double>(0.3, 0.55)(random);
    // A neutral-preserving channel mixer (rows sum to 1) in linear light: cross-talk a camera matrix
    // or a careless mix leaves, which is none of the seven errors.
    recipe.mixer = std::uniform_real_distribution<double>(0, 1)(random) < 0.4;
    if (recipe.mixer) {
        std::uniform_real_distribution<double> crossTalk(-0.06, 0.08);
        for (int r = 0; r < 3; ++r) {
            double sum = 0.0;
            for (int c = 0; c < 3; ++c)
                if (c != r) {
                    recipe.mixerMatrix[size_t(r * 3 + c)] = crossTalk(random);
                    sum += recipe.mixerMatrix[size_t(r * 3 + c)];
                }
            recipe.mixerMatrix[size_t(r * 4)] = 1.0 - sum;
        }
    }
    return recipe;
}

void apply(const Recipe& recipe, float* rgb, size_t n)
{
    if (recipe.family == Family::Reference) {
        applyGrade(referenceGrade(recipe.severities), rgb, n);
        return;
    }
    const bool heldOut = recipe.family == Family::HeldOut;
    // The per-channel lift of the training family draws its spread from a generator seeded by the
    // recipe, so that applying one recipe twice gives the same pixels.
    std::mt19937_64 random(uint64_t(recipe.pivot * 1e9) ^ uint64_t(recipe.variant[1] + 1));
    if (recipe.mixer)
        applyMatrixLinear(recipe.mixerMatrix, rgb, n);
    for (int index : recipe.order) {
        const double s = recipe.severities[size_t(index)];
        if (s == 0.0)
            continue;
        const ErrorAxis axis = ErrorAxis(index);
        const int variant = recipe.variant[size_t(index)];
        applyAxis(axis, variant, heldOut, calibrated(axis, variant, heldOut, s), recipe.pivot, &random, rgb,
                  n);
    }
}

Image apply(const Recipe& recipe, const Image& image)
{
    if (image.isNull())
        return image;
    Image work = image.converted(PixelFormat::RgbF32);
    apply(recipe, work.row<float>(0), work.pixelCount());
    return work.converted(image.format());
}

} // namespace Detune
} // namespace cg
