#pragma once

// Ownership of FFmpeg objects (libavformat/libavcodec/libavutil/libswscale/libswresample 5.1).
// Every FFmpeg object in media/ lives in one of these std::unique_ptr aliases, so early returns and
// exceptions free it with the right function (STYLE.md: no naked av_*_free in business code).
// Private to media/: never include it from a public header (libav* headers stay out of those).

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <new>
#include <string>

namespace cg::ffmpeg {

/// A demuxer opened with avformat_open_input: closed (and its AVIOContext with it) by avformat_close_input.
struct InputFormatContextDeleter
{
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
using InputFormatContextPtr = std::unique_ptr<AVFormatContext, InputFormatContextDeleter>;

/// A muxer made with avformat_alloc_output_context2. The deleter closes the AVIOContext opened with
/// avio_open (unless the format needs no file) and frees the context; it does not write the trailer,
/// which can fail and so belongs to the code that reports errors.
struct OutputFormatContextDeleter
{
    void operator()(AVFormatContext* context) const
    {
        if (context->oformat && !(context->oformat->flags & AVFMT_NOFILE))
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
using OutputFormatContextPtr = std::unique_ptr<AVFormatContext, OutputFormatContextDeleter>;

struct CodecContextDeleter
{
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

struct FrameDeleter
{
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

struct PacketDeleter
{
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;

struct SwsContextDeleter
{
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

struct SwrContextDeleter
{
    void operator()(SwrContext* context) const { swr_free(&context); }
};
using SwrContextPtr = std::unique_ptr<SwrContext, SwrContextDeleter>;

/// Allocation helpers: FFmpeg reports a failed allocation with nullptr; C++ code expects bad_alloc.
inline FramePtr makeFrame()
{
    FramePtr frame(av_frame_alloc());
    if (!frame)
        throw std::bad_alloc();
    return frame;
}

inline PacketPtr makePacket()
{
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    return packet;
}

/// Codec context for `codec`; nullptr codec is allowed (FFmpeg then fills defaults only).
inline CodecContextPtr makeCodecContext(const AVCodec* codec)
{
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        throw std::bad_alloc();
    return context;
}

/// The text of an AVERROR code. av_err2str() is a C compound-literal macro, not valid C++.
inline std::string errorString(int error)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(error, text, sizeof text) < 0)
        std::snprintf(text, sizeof text, "error %d", error);
    return text;
}

// FFmpeg's log: libav* print warnings and errors to stderr on their own, which would interleave with
// the command line's JSON and progress output. installQuietLog() replaces the (process-wide) callback
// with one that prints nothing and keeps the calling thread's last error message, so a failure can be
// explained to the user ("cannot read x.png: inflate returned error -3"). Call it before using libav*;
// it is idempotent and thread-safe. The last message is per thread: clear it before an operation.
namespace detail {
inline std::string& lastLogMessageStorage()
{
    thread_local std::string message;
    return message;
}

inline void quietLogCallback(void* avcl, int level, const char* format, va_list args)
{
    if (level > AV_LOG_ERROR)
        return;
    char body[1024] = {};
    std::vsnprintf(body, sizeof body, format, args);
    std::string text(body);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (text.empty())
        return;
    // Name the component ("png: ...") instead of FFmpeg's "[png @ 0x55d0...]" prefix.
    const AVClass* avClass = avcl ? *static_cast<const AVClass* const*>(avcl) : nullptr;
    if (avClass && avClass->item_name)
        text = std::string(avClass->item_name(avcl)) + ": " + text;
    lastLogMessageStorage() = std::move(text);
}
} // namespace detail

inline void installQuietLog()
{
    static const bool installed = [] {
        av_log_set_level(AV_LOG_ERROR);
        av_log_set_callback(&detail::quietLogCallback);
        return true;
    }();
    (void)installed;
}

inline void clearLastLogMessage()
{
    detail::lastLogMessageStorage().clear();
}

/// The last error FFmpeg logged on this thread since clearLastLogMessage(), or an empty string.
inline std::string lastLogMessage()
{
    return detail::lastLogMessageStorage();
}

} // namespace cg::ffmpeg
