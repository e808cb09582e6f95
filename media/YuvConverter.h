#pragma once

#include "Image.h"
#include "YuvFormat.h"

#include <memory>

struct AVFrame;

namespace cg {

/// Graded RGB (8- or 16-bit) to the encoder's planar Y'CbCr with libswscale, the matrix and limited
/// range stated explicitly (sws_setColorspaceDetails) rather than left to swscale's defaults. The
/// frame is cut into horizontal bands converted in parallel, one swscale context per band (swscale
/// 6 has no threads of its own). Private to media/.
class YuvConverter
{
public:
    /// Throws InputError when swscale cannot convert between the formats.
    YuvConverter(int width, int height, PixelFormat source, const YuvFormat& format);
    ~YuvConverter();
    YuvConverter(const YuvConverter&) = delete;
    YuvConverter& operator=(const YuvConverter&) = delete;

    /// `rgb` must have the size and pixel format given to the constructor; `frame` is allocated in the
    /// YuvFormat at that size.
    void convert(const Image& rgb, AVFrame* frame);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cg
