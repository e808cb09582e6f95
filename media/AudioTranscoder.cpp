#include "AudioTranscoder.h"

#include "Error.h"
#include "FfmpegPtr.h"
#include "MediaError.h"
#include "MediaWriter.h"

extern "C" {
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
}

#include <QFileInfo>

#include <algorithm>
#include <vector>

namespace cg {

using namespace cg::ffmpeg;

namespace {

/// AVAudioFifo is not among FfmpegPtr.h's types; it is only used here.
struct AudioFifoDeleter
{
    void operator()(AVAudioFifo* fifo) const { av_audio_fifo_free(fifo); }
};
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, AudioFifoDeleter>;

/// The encoder's layout for `source`: the same one when the encoder takes it, else one of the same
/// channel count, else stereo (libswresample then downmixes). Always a native-order layout (a
/// channel mask, no allocation), so it can be passed by value.
AVChannelLayout chooseLayout(const AVCodec* encoder, const AVChannelLayout& source)
{
    AVChannelLayout layout{};
    if (source.order == AV_CHANNEL_ORDER_NATIVE)
        layout = source;
    else
        av_channel_layout_default(&layout, std::max(1, source.nb_channels));
    if (!encoder->ch_layouts)
        return layout;
    for (const AVChannelLayout* l = encoder->ch_layouts; l->nb_channels; ++l)
        if (av_channel_layout_compare(l, &layout) == 0)
            return layout;
    for (const AVChannelLayout* l = encoder->ch_layouts; l->nb_channels; ++l)
        if (l->nb_channels == layout.nb_channels && l->order == AV_CHANNEL_ORDER_NATIVE)
            return *l;
    AVChannelLayout stereo{};
    av_channel_layout_default(&stereo, 2);
    return stereo;
}

int chooseSampleRate(const AVCodec* encoder, int source)
{
    if (!encoder->supported_samplerates)
        return source;
    int best = 0;
    for (const int* rate = encoder->supported_samplerates; *rate; ++rate) {
        if (*rate == source)
            return source;
        if (*rate == 48000 || best == 0)
            best = *rate;
    }
    return best;
}

} // namespace

struct AudioTranscoder::Impl
{
    QString outputName;
    MediaWriter* writer = nullptr;
    AVRational sourceTimeBase{1, 1};
    int sourceRate = 0;
    CodecContextPtr decoder;
    CodecContextPtr encoder;
    SwrContextPtr resampler;
    AudioFifoPtr fifo;
    AVStream* stream = nullptr;
    FramePtr decoded;
    FramePtr converted;
    PacketPtr packet;
    /// The exported range in source samples.
    int64_t firstSample = 0;
    int64_t endSample = 0;
    int64_t nextSourceSample = AV_NOPTS_VALUE; ///< for frames without a timestamp
    bool started = false;
    int64_t nextPts = 0; ///< output samples written, in the encoder's time base (1 / rate)

    [[noreturn]] void fail(const QString& what, int error) const
    {
        throw InputError(QStringLiteral("cannot write %1: %2 (%3)").arg(outputName, what, describeError(error)));
    }

    void receiveFrames()
    {
        for (;;) {
            const int error = avcodec_receive_frame(decoder.get(), decoded.get());
            if (error == AVERROR(EAGAIN) || error == AVERROR_EOF)
                return;
            if (error == AVERROR_INVALIDDATA)
                continue; // a damaged audio frame is skipped, the stream goes on
            if (error < 0)
                fail(QStringLiteral("decoding the audio failed"), error);
            takeFrame(decoded.get());
            av_frame_unref(decoded.get());
        }
    }

    void takeFrame(const AVFrame* frame)
    {
        const int64_t timestamp = frame->best_effort_timestamp;
        const int64_t first = timestamp != AV_NOPTS_VALUE
                                  ? av_rescale_q(timestamp, sourceTimeBase, AVRational{1, sourceRate})
                                  : (nextSourceSample != AV_NOPTS_VALUE ? nextSourceSample : firstSample);
        nextSourceSample = first + frame->nb_samples;
        const int64_t from = std::max(first, firstSample);
        const int64_t to = std::min(first + frame->nb_samples, endSample);
        if (to <= from)
            return;
        if (!resampler)
            openResampler(frame);
        if (!started) {
            started = true;
            nextPts = av_rescale(from - firstSample, encoder->sample_rate, sourceRate);
        }
        // Point past the samples before the range, in whatever layout the decoder gives.
        const int skip = int(from - first);
        const int bytes = av_get_bytes_per_sample(AVSampleFormat(frame->format));
        const bool planar = av_sample_fmt_is_planar(AVSampleFormat(frame->format));
        const int channels = frame->ch_layout.nb_channels;
        std::vector<const uint8_t*> input(size_t(planar ? channels : 1));
        for (size_t c = 0; c < input.size(); ++c)
            input[c] = frame->extended_data[c] + size_t(skip) * size_t(bytes) * size_t(planar ? 1 : channels);
        convert(input.data(), int(to - from));
    }

    void openResampler(const AVFrame* frame)
    {
        SwrContext* raw = nullptr;
        // libswresample 4.7 takes the layouts through non-const pointers but does not change them.
        int error = swr_alloc_set_opts2(&raw, &encoder->ch_layout, encoder->sample_fmt, encoder->sample_rate,
                                        const_cast<AVChannelLayout*>(&frame->ch_layout),
                                        AVSampleFormat(frame->format), frame->sample_rate, 0, nullptr);
        resampler.reset(raw);
        if (error >= 0)
            error = swr_init(resampler.get());
        if (error < 0)
            fail(QStringLiteral("cannot convert the audio"), error);
    }

    /// Resample `count` input samples (nullptr input: flush) into the FIFO, then encode whole frames.
    void convert(const uint8_t** input, int count)
    {
        const int capacity = swr_get_out_samples(resampler.get(), count);
        if (capacity <= 0)
            return;
        av_frame_unref(converted.get());
        converted->format = encoder->sample_fmt;
        converted->sample_rate = encoder->sample_rate;
        av_channel_layout_copy(&converted->ch_layout, &encoder->ch_layout);
        converted->nb_samples = capacity;
        int error = av_frame_get_buffer(converted.get(), 0);
        if (error < 0)
            throw std::bad_alloc();
        const int samples = swr_convert(resampler.get(), converted->extended_data, capacity, input, count);
        if (samples < 0)
            fail(QStringLiteral("cannot convert the audio"), samples);
        if (samples > 0 && av_audio_fifo_write(fifo.get(), reinterpret_cast<void**>(converted->extended_data),
                                               samples) < samples)
            throw std::bad_alloc();
        encodeFrames(false);
    }

    void encodeFrames(bool last)
    {
        // AAC takes frames of exactly frame_size samples (a smaller last one); PCM takes any size.
        const int chunk = encoder->frame_size > 0 ? encoder->frame_size : 4096;
        while (av_audio_fifo_size(fifo.get()) >= chunk || (last && av_audio_fifo_size(fifo.get()) > 0)) {
            FramePtr frame = makeFrame();
            frame->nb_samples = std::min(chunk, av_audio_fifo_size(fifo.get()));
            frame->format = encoder->sample_fmt;
            frame->sample_rate = encoder->sample_rate;
            av_channel_layout_copy(&frame->ch_layout, &encoder->ch_layout);
            if (av_frame_get_buffer(frame.get(), 0) < 0)
                throw std::bad_alloc();
            av_audio_fifo_read(fifo.get(), reinterpret_cast<void**>(frame->extended_data), frame->nb_samples);
            frame->pts = nextPts;
            nextPts += frame->nb_samples;
            const int error = avcodec_send_frame(encoder.get(), frame.get());
            if (error < 0)
                fail(QStringLiteral("encoding the audio failed"), error);
            writePackets();
        }
    }

    void writePackets()
    {
        for (;;) {
            const int error = avcodec_receive_packet(encoder.get(), packet.get());
            if (error == AVERROR(EAGAIN) || error == AVERROR_EOF)
                return;
            if (error < 0)
                fail(QStringLiteral("encoding the audio failed"), error);
            packet->stream_index = stream->index;
            writer->write(packet.get(), encoder->time_base);
            av_packet_unref(packet.get());
        }
    }
};

AudioTranscoder::AudioTranscoder(const AVStream* source, MediaWriter& writer, const TimeRange& range)
    : d(std::make_unique<Impl>())
{
    clearLastLogMessage();
    d->writer = &writer;
    d->outputName = QFileInfo(writer.outputPath()).fileName();
    d->sourceTimeBase = source->time_base;
    d->decoded = makeFrame();
    d->converted = makeFrame();
    d->packet = makePacket();
    const AVCodecParameters* parameters = source->codecpar;

    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (!decoder)
        throw InputError(
            QStringLiteral("cannot write %1: audio stream #%2 (%3) can neither be copied into it "
                           "nor decoded; export without audio")
                .arg(d->outputName)
                .arg(source->index)
                .arg(QString::fromLatin1(avcodec_get_name(parameters->codec_id))));
    d->decoder = makeCodecContext(decoder);
    int error = avcodec_parameters_to_context(d->decoder.get(), parameters);
    if (error < 0)
        d->fail(QStringLiteral("cannot decode its audio"), error);
    d->decoder->pkt_timebase = source->time_base;
    error = avcodec_open2(d->decoder.get(), decoder, nullptr);
    if (error < 0)
        d->fail(QStringLiteral("cannot decode its audio"), error);
    d->sourceRate = d->decoder->sample_rate > 0 ? d->decoder->sample_rate : 48000;

    // MP4 gets AAC (what every player reads there); MOV, the ProRes container, gets uncompressed PCM,
    // 24-bit when the source holds more than 16 bits.
    const bool mov = QByteArray(writer.format()->oformat->name) == "mov";
    const bool deep =
        av_get_bytes_per_sample(d->decoder->sample_fmt) > 2 || parameters->bits_per_raw_sample > 16;
    const AVCodecID target = !mov ? AV_CODEC_ID_AAC : (deep ? AV_CODEC_ID_PCM_S24LE : AV_CODEC_ID_PCM_S16LE);
    const AVCodec* encoder = avcodec_find_encoder(target);
    if (!encoder)
        throw InputError(QStringLiteral("cannot write %1: this FFmpeg has no %2 encoder")
                             .arg(d->outputName, QString::fromLatin1(avcodec_get_name(target))));
    d->encoder = makeCodecContext(encoder);
    AVCodecContext* context = d->encoder.get();
    context->sample_fmt = encoder->sample_fmts ? encoder->sample_fmts[0] : AV_SAMPLE_FMT_S16;
    context->sample_rate = chooseSampleRate(encoder, d->sourceRate);
    const AVChannelLayout layout = chooseLayout(encoder, d->decoder->ch_layout);
    av_channel_layout_copy(&context->ch_layout, &layout);
    context->time_base = AVRational{1, context->sample_rate};
    if (target == AV_CODEC_ID_AAC)
        context->bit_rate = std::min<int64_t>(64000 * int64_t(context->ch_layout.nb_channels), 512000);
    if (writer.format()->oformat->flags & AVFMT_GLOBALHEADER)
        context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    error = avcodec_open2(context, encoder, nullptr);
    if (error < 0)
        d->fail(QStringLiteral("cannot encode its audio as %1").arg(QString::fromLatin1(encoder->name)),
                error);

    d->fifo.reset(av_audio_fifo_alloc(context->sample_fmt, context->ch_layout.nb_channels, 4096));
    if (!d->fifo)
        throw std::bad_alloc();

    d->stream = writer.addStream();
    error = avcodec_parameters_from_context(d->stream->codecpar, context);
    if (error < 0)
        throw std::bad_alloc();
    d->stream->time_base = context->time_base;
    av_dict_copy(&d->stream->metadata, source->metadata, 0);
    d->stream->disposition = source->disposition;

    const AVRational rangeBase{range.timeBase.num, range.timeBase.den};
    d->firstSample = av_rescale_q(range.start, rangeBase, AVRational{1, d->sourceRate});
    d->endSample = av_rescale_q(range.end, rangeBase, AVRational{1, d->sourceRate});
}

AudioTranscoder::~AudioTranscoder() = default;

void AudioTranscoder::push(const AVPacket* packet)
{
    clearLastLogMessage();
    int error = avcodec_send_packet(d->decoder.get(), packet);
    if (error == AVERROR(EAGAIN)) {
        d->receiveFrames();
        error = avcodec_send_packet(d->decoder.get(), packet);
    }
    if (error < 0 && error != AVERROR_INVALIDDATA)
        d->fail(QStringLiteral("decoding the audio failed"), error);
    d->receiveFrames();
}

void AudioTranscoder::finish()
{
    clearLastLogMessage();
    avcodec_send_packet(d->decoder.get(), nullptr);
    d->receiveFrames();
    if (d->resampler)
        d->convert(nullptr, 0);
    d->encodeFrames(true);
    const int error = avcodec_send_frame(d->encoder.get(), nullptr);
    if (error < 0 && error != AVERROR_EOF)
        d->fail(QStringLiteral("encoding the audio failed"), error);
    d->writePackets();
}

} // namespace cg
