#pragma once

namespace cg {

/// How graded RGB is stored for an encoder: the planar YUV layout (FFmpeg pixel format, bit depth,
/// chroma subsampling) and the colour encoding (Y'CbCr matrix, always limited "TV" range, which is what
/// H.264 and ProRes deliverables use).
struct YuvFormat
{
    int pixelFormat = -1; ///< AVPixelFormat: yuv420p, yuv422p10le or yuv444p10le
    int bitDepth = 8;     ///< 8 or 10
    int chromaShiftX = 1; ///< log2 of the horizontal chroma subsampling (4:2:x: 1, 4:4:4: 0)
    int chromaShiftY = 1; ///< log2 of the vertical chroma subsampling (4:2:0: 1, else 0)
    int colorSpace = 1;   ///< AVColorSpace of the matrix: BT.709 (1) or BT.2020 non-constant (9)
    double kr = 0.2126;   ///< luma weight of red   (ITU-R BT.709-6 table 3: 0.2126; BT.2020: 0.2627)
    double kb = 0.0722;   ///< luma weight of blue  (ITU-R BT.709-6 table 3: 0.0722; BT.2020: 0.0593)
};

} // namespace cg
