#pragma once

#include "Image.h"

#include <QImage>

namespace cg {

/// The bridge between cg::Image (what the grade works on) and QImage (what Qt paints).
namespace ImageConversion {

/// An 8-bit RGB QImage (Format_RGB32) with the same code values: a plain copy for Rgb8, rounded
/// for deeper formats. This is what the viewer paints.
QImage toQImage(const Image& image);

/// An Rgb8 cg::Image from any QImage (alpha dropped).
Image fromQImage(const QImage& image);

} // namespace ImageConversion
} // namespace cg
