#include "EncoderFramePool.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <cstdint>
#include <new>

namespace cg {

using namespace cg::ffmpeg;

EncoderFramePool::EncoderFramePool(int width, int height, const YuvFormat& format)
    : m_width(width), m_height(height), m_format(format)
{
    const AVPixelFormat pixelFormat = AVPixelFormat(format.pixelFormat);
    if (av_image_fill_linesizes(m_linesize, pixelFormat, width) < 0)
        throw std::bad_alloc();
    // Rows and planes start on 64-byte boundaries, as av_frame_get_buffer places them for SIMD.
    ptrdiff_t linesizes[4] = {};
    for (int i = 0; i < 4; ++i) {
        m_linesize[i] = FFALIGN(m_linesize[i], kAlign);
        linesizes[i] = m_linesize[i];
    }
    size_t sizes[4] = {};
    if (av_image_fill_plane_sizes(sizes, pixelFormat, height, linesizes) < 0)
        throw std::bad_alloc();
    size_t offset = 0;
    for (int i = 0; i < 4; ++i) {
        m_offset[i] = offset;
        offset += FFALIGN(sizes[i], size_t(kAlign));
    }
    // Slack for aligning the start, and for SIMD readers that load a little past a plane's end.
    m_pool.reset(av_buffer_pool_init(offset + 2 * kAlign, nullptr));
    if (!m_pool)
        throw std::bad_alloc();
}

FramePtr EncoderFramePool::frame()
{
    FramePtr frame = makeFrame();
    frame->format = m_format.pixelFormat;
    frame->width = m_width;
    frame->height = m_height;
    frame->color_range = AVCOL_RANGE_MPEG;
    frame->colorspace = AVColorSpace(m_format.colorSpace);
    frame->buf[0] = av_buffer_pool_get(m_pool.get());
    if (!frame->buf[0])
        throw std::bad_alloc();
    uint8_t* base = frame->buf[0]->data;
    base += (kAlign - reinterpret_cast<uintptr_t>(base) % kAlign) % kAlign;
    for (int i = 0; i < 4 && m_linesize[i] > 0; ++i) {
        frame->data[i] = base + m_offset[i];
        frame->linesize[i] = m_linesize[i];
    }
    frame->extended_data = frame->data;
    return frame;
}

} // namespace cg
