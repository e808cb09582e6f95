#pragma once

#include "Image.h"
#include "Rgb.h"

namespace cg {

/// Colour science used across Cinegrade. All functions work on doubles; RGB code values are 0..1.
namespace ColorMath {

// Rec. ITU-R BT.709 luma weights (also the ASC CDL saturation weights).
constexpr double kLumaR = 0.2126;
constexpr double kLumaG = 0.7152;
constexpr double kLumaB = 0.0722;
inline double luma709(Rgb c) { return kLumaR * c.r + kLumaG * c.g + kLumaB * c.b; }

// Transfer functions. "toLinear" decodes code values to linear light, "fromLinear" encodes.
double srgbToLinear(double v);   ///< IEC 61966-2-1 piecewise curve
double srgbFromLinear(double v);
double bt709ToLinear(double v);  ///< BT.709 OETF inverse (camera curve, 0.45 power with linear toe)
double bt709FromLinear(double v);///< BT.709 OETF
double bt1886ToLinear(double v); ///< BT.1886 EOTF with Lw = 1, Lb = 0: pure 2.4 power
double bt1886FromLinear(double v);

struct Xyz { double x = 0, y = 0, z = 0; };
struct Lab { double l = 0, a = 0, b = 0; };

/// Linear Rec.709 / sRGB primaries, D65 white (IEC 61966-2-1 matrix).
Xyz linearRgbToXyz(Rgb linear);
Rgb xyzToLinearRgb(Xyz xyz);
/// CIE 1976 L*a*b* relative to D65 (Xn = 0.95047, Yn = 1, Zn = 1.08883).
Lab xyzToLab(Xyz xyz);
Xyz labToXyz(Lab lab);
/// sRGB code values (0..1) to Lab via the sRGB transfer function, and back.
Lab srgbToLab(Rgb srgb);
Rgb labToSrgb(Lab lab);

double deltaE76(Lab a, Lab b);
/// CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1.
double deltaE2000(Lab a, Lab b);

/// Mean CIE76 and CIEDE2000 between two images of the same size, treating code values as sRGB.
double meanDeltaE76(const Image& a, const Image& b);
double meanDeltaE2000(const Image& a, const Image& b);
/// PSNR in dB on 8-bit code values (infinity for equal images).
double psnr8(const Image& a, const Image& b);
/// Colourfulness M of Hasler & Süsstrunk (2003) on 0..255 code values.
double colourfulness(const Image& image);

} // namespace ColorMath
} // namespace cg
