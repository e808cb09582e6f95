#pragma once

#include "Grade.h"
#include "Image.h"

#include <QString>
#include <array>
#include <cstdint>
#include <random>

namespace cg {

/// The seven axes along which a frame can be wrong, each with a signed severity in [-1, 1]:
/// 0 is right, +-1 is the documented full-scale error (Detune::kFullScale...), and the classifier's
/// levels are 33 / 66 / 100 % of it. The sign says the direction:
///   exposure      + over-exposed            - under-exposed
///   blackPoint    + raised (milky) blacks   - crushed blacks
///   whitePoint    + clipped (too bright)    - dull (grey) whites
///   contrast      + too much                - flat
///   saturation    + over-saturated          - washed out
///   temperature   + too warm (orange)       - too cool (blue)
///   tint          + too magenta             - too green
enum class ErrorAxis : int
{
    Exposure,
    BlackPoint,
    WhitePoint,
    Contrast,
    Saturation,
    Temperature,
    Tint
};
constexpr int kErrorAxisCount = 7;
using Severities = std::array<double, kErrorAxisCount>;

/// "exposure", "blackPoint", ... (JSON keys).
QString errorAxisKey(ErrorAxis axis);

/// Detuning: making a frame wrong by a known amount, so that training labels are exact by
/// construction. Every axis has a *reference* error, a Grade of the core engine (GradeProgram), whose
/// exact inverse is the correcting grade (Suggestions.h). To keep a model from learning one operator
/// instead of the error, the training data uses several implementations of each axis, calibrated to
/// the reference at one anchor (below), in random order; a further family of implementations is
/// held out of training and used only by the evaluation ("detunes the model never saw").
namespace Detune {

// Full-scale (100 %) errors. Chosen so that 33 % is a clearly visible error on typical photos (median
// CIEDE2000 about 2.5-7 on the validation photos; exposure is the most visible) and 100 % a gross one.
constexpr double kExposureStops = 2.0;    ///< Grade exposure +-2 stops (linear light, BT.1886)
constexpr double kBlackLevel = 0.2;       ///< black moved to +0.2 (lift) or 0.2 clipped to 0 (crush)
constexpr double kWhiteLevel = 0.3;       ///< white moved to 0.7 (dull) or 0.7 clipped to 1 (clipped)
constexpr double kContrastFactor = 1.8;   ///< contrast x1.8^s around the pivot
constexpr double kSaturationFactor = 3.0; ///< saturation x3^s (luma-preserving)
constexpr double kWhiteBalance = 100.0;   ///< Grade temperature / tint +-100 (the sliders' ends)
constexpr double kPivot = 0.435;          ///< mid grey in code values: contrast pivot, white anchor

/// The reference error of one axis at signed severity `s` as a Grade of the core engine:
///   exposure     exposure = 2 s stops
///   blackPoint   s > 0: lift = 0.2 s (black rises to 0.2 s, white stays)
///                s < 0: lift = -b / (1 - b), b = 0.2 |s| (input b and below clip to 0, white stays)
///   whitePoint   gain G with a gamma that keeps mid grey (kPivot) and black fixed: v = (x G)^p,
///                p = ln m / ln(m G); s < 0: G = 1 - 0.3 |s| (white drops to 1 - 0.3|s|),
///                s > 0: G = 1 / (1 - 0.3 s) (input 1 - 0.3 s and above clip to 1)
///   contrast     contrast = 1.8^s around pivot 0.435
///   saturation   saturation = 3^s
///   temperature  temperature = 100 s;  tint: tint = 100 s
Grade referenceGrade(ErrorAxis axis, double severity);
/// All axes' reference errors in one Grade (in the engine's fixed order).
Grade referenceGrade(const Severities& severities);
/// Copy the controls that belong to `axis` from `from` into `to`: exposure; lift; gain and gamma;
/// contrast; saturation; temperature; tint. Builds a grade of several axes' errors or corrections.
void copyAxisControls(ErrorAxis axis, const Grade& from, Grade& to);

/// Which implementations an error is drawn from.
enum class Family
{
    Reference, ///< the core grade engine only (referenceGrade), in the engine's order
    Training,  ///< several implementations per axis, random order, optional neutral channel mixer:
               ///< exposure in BT.1886 / sRGB linear light (hard clip or soft shoulder) or on 2.2
               ///< code values; black point as lift, offset, curve or per-channel lift; white point as
               ///< gain+gamma in code values or sRGB linear light, or a curve; contrast linear around
               ///< 0.435 or a random pivot, a power law in linear light, or an S-curve; saturation
               ///< luma-preserving on code values or in linear light, or CIE LCh chroma; white balance
               ///< as gains in BT.1886 / sRGB linear light or on code values, Bradford adaptation, or a
               ///< CIELAB shift. Each implementation's strength is matched to the reference by least
               ///< squares on probe colours (greys; coloured probes for saturation).
    HeldOut,   ///< other implementations, never used in training (evaluation of generalisation):
               ///< exposure in BT.709 camera-curve light, black point / contrast / saturation on
               ///< BT.601 Y'CbCr luma or chroma only (as FFmpeg's eq filter), white point on HSV value
               ///< (hue and saturation kept), white balance by scaling CIE XYZ ("wrong von Kries")
};

/// One concrete detune: severities plus the random choices of implementation and order.
struct Recipe
{
    Severities severities{};
    Family family = Family::Reference;
    std::array<int, kErrorAxisCount> variant{}; ///< implementation per axis (family-specific)
    std::array<int, kErrorAxisCount> order{0, 1, 2, 3, 4, 5, 6};
    double pivot = kPivot; ///< contrast pivot of the variants that pick one
    bool mixer = false;    ///< a neutral-preserving channel mixer (a nuisance, no label)
    std::array<double, 9> mixerMatrix{1, 0, 0, 0, 1, 0, 0, 0, 1};
};

/// Draw the implementation choices for `severities` (deterministic for a given generator state).
Recipe randomRecipe(const Severities& severities, Family family, std::mt19937_64& random);

/// Detune interleaved RGB code values (0..1, `pixelCount` pixels) in place; results clamp to 0..1
/// after each operation, as chained tools writing display-referred files do.
void apply(const Recipe& recipe, float* rgb, size_t pixelCount);
/// Detune an image; the result has the input's pixel format (integer formats round).
Image apply(const Recipe& recipe, const Image& image);

} // namespace Detune
} // namespace cg
