#pragma once

// The video stream's packet index, shared by probeMedia() (exact frame count) and VideoDecoder
// (frame-accurate seeking). Private to media/: it includes libav* headers through FfmpegPtr.h.

#include "FfmpegPtr.h"
#include "MediaInfo.h"

#include <QString>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cg::ffmpeg {

/// One packet of the video stream as the demuxer delivered it, in decode order.
struct IndexedPacket
{
    int64_t pts = AV_NOPTS_VALUE;
    int64_t dts = AV_NOPTS_VALUE;
    int64_t pos = -1;
    int64_t duration = 0;
    bool key = false;
    bool discard = false; ///< decoded for reference only, never shown (edit lists: AV_PKT_FLAG_DISCARD)
    char pictureType = 0; ///< MPEG-1/2/4 picture type: 'I', 'P', 'B', 'S', 'D'; 0 when not read
};

/// Every packet of the video stream, read once without decoding (one shown frame per packet).
/// Frames are numbered in presentation order; the decoder finds them again because VideoDecoder
/// feeds each packet with its packet number as pts, which the decoder hands back on the frame
/// made from it (through reordering and threading).
class PacketIndex
{
public:
    enum class Order
    {
        Timestamps,     ///< every shown packet has its own pts: presentation order is pts order
        PictureTypes,   ///< MPEG-1/2/4 without pts on every packet (.mpg/.vob, B-frames in AVI): the
                        ///< display order follows from the picture types (ISO/IEC 13818-2 6.1.1.11)
        DecodeOrder,    ///< the codec does not reorder: presentation order is decode order
        CountFromStart, ///< reordering without usable pts: frames are counted from the first packet
    };

    explicit PacketIndex(AVCodecID codec = AV_CODEC_ID_NONE) : m_codec(codec) {}

    /// Adds the next packet (decode order).
    void add(const AVPacket& packet);
    /// Sorts out presentation order once every packet is in. `reorders`: whether the codec may
    /// output frames in another order than it receives them (B-frames).
    void finish(bool reorders);

    Order order() const { return m_order; }
    /// Whether every frame's presentation index is known from the index alone.
    bool indexed() const { return m_order != Order::CountFromStart; }
    int packetCount() const { return int(m_packets.size()); }
    qint64 frameCount() const { return m_frameCount; }
    const IndexedPacket& packet(int number) const { return m_packets[size_t(number)]; }
    /// Packet that holds frame `index` (only when indexed()).
    int packetOfFrame(qint64 index) const { return m_frameToPacket[size_t(index)]; }
    /// Frame shown from packet `number`, -1 for packets never shown (only when indexed()).
    qint64 frameOfPacket(int number) const { return m_packetToFrame[size_t(number)]; }
    /// Key packets, ascending.
    const std::vector<int>& keyPackets() const { return m_keyPackets; }
    bool allKey() const { return m_allKey; }
    /// The number of the indexed packet the demuxer just returned, or -1 when it is not recognised
    /// (matched on byte position, dts or pts, whichever identifies packets uniquely here).
    int find(const AVPacket& packet) const;
    /// Whether `packet` is indexed packet `number` (same position, dts and pts where known).
    bool matches(const AVPacket& packet, int number) const;
    /// Presentation timestamps range, in the stream's time base (Timestamps order only).
    int64_t firstPts() const { return m_firstPts; }
    int64_t endPts() const { return m_endPts; }

private:
    enum class Field
    {
        Pos,
        Dts,
        Pts,
        None
    };
    static int64_t valueOf(const IndexedPacket& packet, Field field);

    bool reconstructMpegOrder(const std::vector<int>& shown);

    AVCodecID m_codec = AV_CODEC_ID_NONE;
    std::vector<IndexedPacket> m_packets;
    std::vector<int> m_frameToPacket;
    std::vector<qint64> m_packetToFrame;
    std::vector<int> m_keyPackets;
    std::unordered_map<int64_t, int> m_lookup;
    Field m_field = Field::None;
    Order m_order = Order::DecodeOrder;
    qint64 m_frameCount = 0;
    bool m_allKey = true;
    int64_t m_firstPts = AV_NOPTS_VALUE;
    int64_t m_endPts = AV_NOPTS_VALUE;
};

/// A demuxer opened on a file, still image or image sequence, with its video stream indexed.
struct OpenMedia
{
    InputFormatContextPtr format;
    int videoStream = -1;
    MediaInfo info;
    PacketIndex index;
};

/// Opens `path` and indexes its best video stream; the demuxer is then at the end of the file.
/// Throws InputError naming the file: missing, empty, unreadable, no video stream.
OpenMedia openMedia(const QString& path);

/// Opens `path` again with the same options (for demuxers that cannot seek back to the start).
InputFormatContextPtr reopenDemuxer(const QString& path);

} // namespace cg::ffmpeg
