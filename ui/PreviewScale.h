#pragma once

#include "Image.h"

namespace cg {

/// The interactive preview is graded at a reduced size so that a slider move repaints within a frame
/// (DESIGN.md §6: <= 33 ms); export always grades the full-resolution source.
constexpr int kPreviewMaxWidth = 1280;

/// Downscale by area averaging (a box filter over each output pixel's footprint, which does not alias
/// on fine detail the way point sampling does) to at most `maxWidth` columns, keeping the aspect ratio
/// and the pixel format. Images already narrow enough come back unchanged.
Image makePreview(const Image& source, int maxWidth = kPreviewMaxWidth);

} // namespace cg
