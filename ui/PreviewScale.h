#pragma once

#include "Image.h"

namespace cg {

/// The interactive preview is graded at a reduced size so that a slider move repaints within a frame
/// (DESIGN.md §6: <= 33 ms); export always grades the full-resolution source. This is the widest
/// preview the viewer asks for while the picture is fitted (zoomed in, it asks for the source's own
/// resolution).
constexpr int kPreviewMaxWidth = 1280;

/// The preview width for showing a `sourceWidth` picture `neededWidth` pixels wide on screen: the
/// needed width rounded up to a step of 160, or exactly half the source when that is about as wide
/// (the fast, sharp 2 x 2 path), at most `maxWidth` and the source's own width.
int previewWidthFor(int sourceWidth, int neededWidth, int maxWidth = kPreviewMaxWidth);

/// Downscale by area averaging (a box filter over each output pixel's footprint, which does not alias
/// on fine detail the way point sampling does) to at most `maxWidth` columns, keeping the aspect ratio
/// and the pixel format. Images already narrow enough come back unchanged.
Image makePreview(const Image& source, int maxWidth = kPreviewMaxWidth);

} // namespace cg
