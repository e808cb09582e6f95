#include "VideoDecoder.h"

#include "Error.h"
#include "FrameConverter.h"
#include "MediaError.h"
#include "PacketIndex.h"

#include <QFileInfo>

#include <algorithm>
#include <set>
#include <utility>

namespace cg {

using namespace cg::ffmpeg;

namespace {

// Packets the decoder may need beyond the target's own packet before it hands the target out:
// reordering delay (B-frame pyramids hold up to 16 frames), frame-thread delay, damaged packets.
constexpr int kPacketSlack = 256;
// Seek starts tried for one frame before giving up on it: the key frame before it, two earlier
// ones (open GOPs, key frames that are not clean random access points), then the first packet.
constexpr int kSeekAttempts = 4;
// The first packet is a start of last resort only for targets this close to it: decoding a long
// clip from its start for one damaged frame would stall the caller for minutes.
constexpr int kMaxRestartPackets = 3000;

bool isDamaged(const AVFrame& frame)
{
    return (frame.flags & AV_FRAME_FLAG_CORRUPT) || frame.decode_error_flags != 0;
}

} // namespace

struct VideoDecoder::Impl
{
    QString path;
    OpenMedia media;
    CodecContextPtr codec;
    FrameConverter converter;
    PixelFormat output = PixelFormat::Rgb8;
    int rotation = 0;

    PacketPtr packet = makePacket();
    PacketPtr pendingPacket = makePacket(); ///< the landing packet of a seek, fed first
    bool hasPendingPacket = false;
    FramePtr current = makeFrame();
    FramePtr held = makeFrame(); ///< the latest frame before the target, a stand-in for a lost target
    FramePtr peek = makeFrame(); ///< a frame taken out of the decoder too early, given back next time
    qint64 heldIndex = -1;
    qint64 peekIndex = -1;

    bool positioned = false; ///< the decoder continues the stream from a known packet
    bool draining = false;
    int nextPacket = 0;  ///< number of the next video packet the demuxer delivers
    qint64 lastOut = -1; ///< index of the last frame taken out of the decoder
    qint64 counted = 0;  ///< frames out since the first packet (CountFromStart)

    qint64 lastIndex = -1; ///< the frame returned last, kept (by reference) for repeated requests
    FramePtr last = makeFrame();
    qint64 nextIndex = 0;
    std::set<int> unsafeKeys;       ///< key packets that proved to be no clean starting point
    std::set<qint64> missingFrames; ///< frames the decoder never produced

    Impl(const QString& file, Depth depth)
        : path(file), media(openMedia(file)), converter(file, UntaggedMatrix::BySize)
    {
        const AVStream* stream = media.format->streams[media.videoStream];
        const AVCodecParameters* parameters = stream->codecpar;
        const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
        if (!decoder)
            failRead(path, QStringLiteral("no decoder for %1 video")
                               .arg(QString::fromLatin1(avcodec_get_name(parameters->codec_id))));
        codec = makeCodecContext(decoder);
        int error = avcodec_parameters_to_context(codec.get(), parameters);
        if (error < 0)
            failRead(path, describeError(error));
        codec->pkt_timebase = stream->time_base;
        codec->thread_count = 0; // one per core
        codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
        error = avcodec_open2(codec.get(), decoder, nullptr);
        if (error < 0)
            failRead(path, describeError(error));

        // Prime the decoder with the first packet: some streams say things only there that the
        // decoder keeps across flushes and needs for every later key frame too. H.264 from old
        // x264 builds names the build in an SEI of the first packet, and FFmpeg's decoder then
        // applies its 4:4:4 workaround (x264 < r151); without it, a seek straight to a later IDR
        // frame decodes to green garbage (cockatoo.mp4). It also leaves the decoder at frame 0.
        seekToPacket(0);
        int budget = kPacketSlack;
        feed(budget);

        rotation = media.info.video->rotation;
        switch (depth) {
        case Depth::Rgb8:
            output = PixelFormat::Rgb8;
            break;
        case Depth::Rgb16:
            output = PixelFormat::Rgb16;
            break;
        case Depth::Auto:
            output = media.info.video->bitDepth > 8 ? PixelFormat::Rgb16 : PixelFormat::Rgb8;
            break;
        }
    }

    const PacketIndex& index() const { return media.index; }
    AVFormatContext* format() const { return media.format.get(); }

    [[noreturn]] void fail(const QString& reason) const { failRead(path, reason); }

    // ---- demuxing -------------------------------------------------------------------------------

    enum class Read
    {
        Packet,
        End,
        Budget
    };

    /// The next packet of the video stream into `into`. `budget` counts demuxer reads.
    Read readVideoPacket(AVPacket* into, int& budget)
    {
        for (;;) {
            av_packet_unref(into);
            if (budget-- <= 0)
                return Read::Budget;
            if (av_read_frame(format(), into) < 0)
                return Read::End; // end of file, or a damaged tail
            if (into->stream_index == media.videoStream && into->size > 0)
                return Read::Packet;
        }
    }

    void discardOtherStreams()
    {
        for (unsigned i = 0; i < format()->nb_streams; ++i)
            if (int(i) != media.videoStream)
                format()->streams[i]->discard = AVDISCARD_ALL;
    }

    void resetDecoder()
    {
        avcodec_flush_buffers(codec.get());
        av_frame_unref(peek.get());
        av_frame_unref(held.get());
        peekIndex = -1;
        heldIndex = -1;
        hasPendingPacket = false;
        av_packet_unref(pendingPacket.get());
        positioned = false;
        draining = false;
        lastOut = -1;
    }

    /// Reads on after a seek until packet `target`, which is kept to be fed first. False when the
    /// demuxer landed after it or not on an indexed packet. `fromStart`: the demuxer was just opened,
    /// so packets can be counted when no field tells them apart.
    bool land(int target, bool fromStart = false)
    {
        int budget = index().packetCount() + 64;
        int unknown = 0;
        int counter = 0;
        while (readVideoPacket(pendingPacket.get(), budget) == Read::Packet) {
            int number = index().find(*pendingPacket);
            if (fromStart && (number < 0 || number != counter) && index().matches(*pendingPacket, counter))
                number = counter;
            ++counter;
            if (number < 0) {
                if (++unknown > 64)
                    break;
                continue;
            }
            if (number > target)
                break;
            if (number == target) {
                hasPendingPacket = true;
                nextPacket = target;
                positioned = true;
                return true;
            }
        }
        av_packet_unref(pendingPacket.get());
        return false;
    }

    /// Positions the demuxer on packet `target` (a key packet or the first one) with a flushed decoder.
    void seekToPacket(int target)
    {
        resetDecoder();
        counted = 0;
        const IndexedPacket& entry = index().packet(target);
        const int stream = media.videoStream;
        int64_t timestamp = AV_NOPTS_VALUE;
        if (entry.pts != AV_NOPTS_VALUE && entry.dts != AV_NOPTS_VALUE)
            timestamp = std::min(entry.pts, entry.dts);
        else
            timestamp = entry.pts != AV_NOPTS_VALUE ? entry.pts : entry.dts;

        // Demuxers seek on dts (MP4) or pts (Matroska) and may land before the key packet; landing
        // early only costs reading, landing late is caught by land().
        if (timestamp != AV_NOPTS_VALUE &&
            av_seek_frame(format(), stream, timestamp, AVSEEK_FLAG_BACKWARD) >= 0 && land(target))
            return;
        if (target == 0 && avformat_seek_file(format(), stream, INT64_MIN, INT64_MIN, INT64_MIN, 0) >= 0 &&
            land(target))
            return;
        if (entry.pos >= 0 && !(format()->iformat->flags & AVFMT_NO_BYTE_SEEK) &&
            av_seek_frame(format(), stream, entry.pos, AVSEEK_FLAG_BYTE) >= 0 && land(target))
            return;
        // Last resort: read the file again from its start.
        media.format = reopenDemuxer(path);
        if (media.format->nb_streams <= unsigned(media.videoStream))
            fail(QStringLiteral("the file changed while it was open"));
        discardOtherStreams();
        if (!land(target, true))
            fail(QStringLiteral("cannot find packet %1 of the video stream again").arg(target));
    }

    // ---- decoding -------------------------------------------------------------------------------

    /// Presentation index of a decoded frame, -1 when it is not one of the indexed frames.
    qint64 indexOf(const AVFrame& frame)
    {
        if (!index().indexed())
            return counted++;
        int64_t number = frame.pts;
        if (number == AV_NOPTS_VALUE)
            number = frame.best_effort_timestamp;
        if (number < 0 || number >= index().packetCount())
            return -1;
        return index().frameOfPacket(int(number));
    }

    /// Feeds one packet (or the end-of-stream flush). False when the budget ran out or the demuxer
    /// no longer delivers the packets the index expects.
    bool feed(int& budget)
    {
        AVPacket* input = nullptr;
        if (hasPendingPacket) {
            hasPendingPacket = false;
            av_packet_unref(packet.get());
            av_packet_move_ref(packet.get(), pendingPacket.get());
            input = packet.get();
        } else {
            switch (readVideoPacket(packet.get(), budget)) {
            case Read::Packet:
                if (!index().matches(*packet, nextPacket))
                    return false; // the demuxer went its own way: seek again
                input = packet.get();
                break;
            case Read::Budget:
                return false;
            case Read::End:
                break;
            }
        }
        if (!input) {
            draining = true;
            avcodec_send_packet(codec.get(), nullptr);
            return true;
        }
        // The packet's number rides through the decoder as the frame's pts: that is how a frame
        // coming out (reordered, from another thread) is matched to its place in the index.
        packet->pts = nextPacket;
        packet->dts = nextPacket;
        ++nextPacket;
        // A damaged packet is skipped; the decoder conceals it and goes on with the next one.
        avcodec_send_packet(codec.get(), packet.get());
        av_packet_unref(packet.get());
        return true;
    }

    /// The next frame out of the decoder into `out`, with its presentation index (-1: not shown).
    bool receive(AVFrame* out, qint64& frameIndex, int& budget)
    {
        if (peek->buf[0]) {
            av_frame_move_ref(out, peek.get());
            frameIndex = peekIndex;
            peekIndex = -1;
            return true;
        }
        if (!positioned)
            return false;
        for (int errors = 0;;) {
            av_frame_unref(out);
            const int error = avcodec_receive_frame(codec.get(), out);
            if (error == 0) {
                frameIndex = indexOf(*out);
                if (frameIndex >= 0)
                    lastOut = frameIndex;
                return true;
            }
            if (error == AVERROR_EOF) {
                positioned = false;
                return false;
            }
            if (error != AVERROR(EAGAIN)) {
                if (++errors > kPacketSlack) {
                    positioned = false;
                    return false;
                }
                continue;
            }
            if (draining || !feed(budget)) {
                positioned = false;
                return false;
            }
        }
    }

    void putBack(AVFrame* frame, qint64 frameIndex)
    {
        av_frame_unref(peek.get());
        av_frame_move_ref(peek.get(), frame);
        peekIndex = frameIndex;
    }

    // ---- frame-accurate access ------------------------------------------------------------------

    /// Packets to start decoding from for frame `target`, best first: the last clean key packet
    /// at or before the target in decode order that is not shown after it (so leading frames of
    /// an open GOP start one GOP earlier), then earlier key packets, then the first packet.
    std::vector<int> startsFor(qint64 target) const
    {
        std::vector<int> starts;
        if (!index().indexed()) {
            starts.push_back(0);
            return starts;
        }
        const int targetPacket = index().packetOfFrame(target);
        const std::vector<int>& keys = index().keyPackets();
        auto it = std::upper_bound(keys.begin(), keys.end(), targetPacket);
        while (it != keys.begin() && int(starts.size()) < kSeekAttempts - 1) {
            const int key = *--it;
            if (unsafeKeys.count(key))
                continue;
            // A key packet shown after the target (open GOP: the target is a leading picture of
            // the key frame's GOP) cannot start it; a key packet that is never shown (edit list)
            // can when its pts is before the target's.
            const qint64 keyFrame = index().frameOfPacket(key);
            if (keyFrame > target)
                continue;
            if (keyFrame < 0 && index().order() == PacketIndex::Order::Timestamps &&
                index().packet(key).pts > index().packet(targetPacket).pts)
                continue;
            starts.push_back(key);
        }
        if (starts.empty() || (starts.back() != 0 && targetPacket <= kMaxRestartPackets))
            starts.push_back(0);
        return starts;
    }

    qint64 packetsToReach(qint64 target, int from) const
    {
        if (!index().indexed())
            return std::max<qint64>(0, target - counted) + kPacketSlack;
        return std::max(0, index().packetOfFrame(target) - from) + kPacketSlack;
    }

    void deliver(const AVFrame& frame, qint64 frameIndex, Image& out)
    {
        // Keep a reference (not a copy) of the frame: a repeated request converts it again.
        if (&frame != last.get()) {
            av_frame_unref(last.get());
            if (av_frame_ref(last.get(), &frame) < 0)
                throw std::bad_alloc();
        }
        lastIndex = frameIndex;
        nextIndex = frameIndex + 1;
        converter.convert(*last, output, rotation, out);
    }

    /// The index of the next frame the decoder (or the frame given back) hands out.
    qint64 nextOut() const { return peek->buf[0] ? peekIndex : lastOut + 1; }

    /// Frame `target` into `out` (its memory reused when it fits).
    void frame(qint64 target, Image& out)
    {
        const qint64 count = index().frameCount();
        if (target < 0 || target >= count)
            fail(QStringLiteral("frame %1 is out of range (the clip has %2 frames)").arg(target).arg(count));
        if (target == lastIndex && last->buf[0])
            return converter.convert(*last, output, rotation, out);
        clearLastLogMessage();

        const std::vector<int> starts = startsFor(target);
        // Decoding on is cheaper than seeking when the target is ahead and its start is behind us.
        const bool forward = (positioned || peek->buf[0]) && target >= nextOut() &&
                             (!index().indexed() || starts.front() <= nextPacket);
        if (missingFrames.count(target) && forward && target == lastIndex + 1 && last->buf[0])
            return deliver(*last, target, out); // known to be lost: repeat the frame before, as players do

        // -1: decode on from where the decoder is; else seek to that packet first.
        std::vector<int> plan;
        if (forward)
            plan.push_back(-1);
        plan.insert(plan.end(), starts.begin(), starts.end());
        av_frame_unref(held.get());
        heldIndex = -1;
        for (size_t attempt = 0; attempt < plan.size(); ++attempt) {
            const int start = plan[attempt];
            if (start >= 0)
                seekToPacket(start);
            int budget = int(std::min<qint64>(packetsToReach(target, start >= 0 ? start : nextPacket),
                                              qint64(index().packetCount()) + kPacketSlack));
            // Damage after a seek, on the way to the target (the frames the target may reference),
            // means the start was no clean random access point: start earlier.
            const qint64 startFrame = start > 0 ? index().frameOfPacket(start) : -1;
            bool damaged = false;
            qint64 frameIndex = -1;
            while (receive(current.get(), frameIndex, budget)) {
                if (frameIndex < 0)
                    continue;
                if (start > 0 && frameIndex >= startFrame && isDamaged(*current))
                    damaged = true;
                if (frameIndex < target) {
                    if (frameIndex > heldIndex) {
                        av_frame_unref(held.get());
                        av_frame_move_ref(held.get(), current.get());
                        heldIndex = frameIndex;
                    }
                    continue;
                }
                if (frameIndex > target) {
                    putBack(current.get(), frameIndex); // passed the target without seeing it
                    break;
                }
                if (damaged && attempt + 1 < plan.size()) {
                    unsafeKeys.insert(start);
                    break;
                }
                return deliver(*current, target, out);
            }
        }

        // Every start tried: the decoder does not produce this frame (damaged or undecodable).
        // Stand in the nearest frame before it, else the one after, as a player would show.
        missingFrames.insert(target);
        if (heldIndex >= 0)
            return deliver(*held, target, out);
        if (peek->buf[0] && peekIndex > target)
            return deliver(*peek, target, out);
        const std::string detail = lastLogMessage();
        fail(QStringLiteral("frame %1 cannot be decoded%2")
                 .arg(target)
                 .arg(detail.empty() ? QString()
                                     : QStringLiteral(" (%1)").arg(QString::fromStdString(detail))));
    }
};

VideoDecoder::VideoDecoder(const QString& path, Depth depth) : d(std::make_unique<Impl>(path, depth)) {}

VideoDecoder::~VideoDecoder() = default;
VideoDecoder::VideoDecoder(VideoDecoder&&) noexcept = default;
VideoDecoder& VideoDecoder::operator=(VideoDecoder&&) noexcept = default;

const MediaInfo& VideoDecoder::info() const
{
    return d->media.info;
}

qint64 VideoDecoder::frameCount() const
{
    return d->index().frameCount();
}

PixelFormat VideoDecoder::outputFormat() const
{
    return d->output;
}

Image VideoDecoder::frame(qint64 index)
{
    Image image;
    d->frame(index, image);
    return image;
}

bool VideoDecoder::readNext(Image& image)
{
    if (d->nextIndex >= frameCount())
        return false;
    d->frame(d->nextIndex, image);
    return true;
}

qint64 VideoDecoder::nextIndex() const
{
    return d->nextIndex;
}

qint64 VideoDecoder::timestamp(qint64 index) const
{
    const PacketIndex& packets = d->index();
    if (index < 0 || index >= packets.frameCount())
        return AV_NOPTS_VALUE;
    if (packets.order() == PacketIndex::Order::Timestamps)
        return packets.packet(packets.packetOfFrame(index)).pts - packets.firstPts();
    const VideoStreamInfo& video = *d->media.info.video;
    if (video.frameRate.num <= 0 || video.timeBase.num <= 0)
        return index;
    return av_rescale_q(index, AVRational{video.frameRate.den, video.frameRate.num},
                        AVRational{video.timeBase.num, video.timeBase.den});
}

} // namespace cg
