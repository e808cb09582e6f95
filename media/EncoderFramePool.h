#pragma once

#include "FfmpegPtr.h"
#include "YuvFormat.h"

extern "C" {
#include <libavutil/buffer.h>
}

#include <cstddef>
#include <memory>

namespace cg {

/// Frames for the encoder, their pictures drawn from a pool of buffers: an encoder with frame threads
/// (prores_ks) keeps a reference to each frame until its thread is done with it, and the buffer goes
/// back to the pool then, not to the allocator. Allocating 4-8 MB per frame instead costs page faults
/// (the kernel clearing every page) and unmaps.
class EncoderFramePool
{
public:
    /// Throws std::bad_alloc when FFmpeg cannot lay out or allocate the pool.
    EncoderFramePool(int width, int height, const YuvFormat& format);

    /// A frame of the pool's size and format, tagged limited range and the format's matrix.
    ffmpeg::FramePtr frame();

private:
    static constexpr int kAlign = 64;
    struct PoolDeleter
    {
        // The pool is freed once the last buffer drawn from it comes back.
        void operator()(AVBufferPool* pool) const { av_buffer_pool_uninit(&pool); }
    };
    int m_width;
    int m_height;
    YuvFormat m_format;
    int m_linesize[4] = {};
    size_t m_offset[4] = {};
    std::unique_ptr<AVBufferPool, PoolDeleter> m_pool;
};

} // namespace cg
