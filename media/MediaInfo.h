#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace cg {

/// A rational number as FFmpeg uses them for frame rates and time bases.
struct Rational
{
    int num = 0;
    int den = 1;
    double value() const { return den == 0 ? 0.0 : double(num) / double(den); }
    bool operator==(const Rational&) const = default;
};

/// What the decoder needs to know to turn the stream's samples into the right RGB, read from the
/// stream (never assumed): YUV matrix, range, primaries, transfer, bit depth, rotation.
struct VideoStreamInfo
{
    int streamIndex = -1;
    QString codec;          ///< FFmpeg codec name, e.g. "h264", "prores"
    QString profile;        ///< e.g. "High 4:4:4 Predictive", "HQ"; empty when unknown
    QString pixelFormat;    ///< e.g. "yuv420p", "yuv422p10le"
    int width = 0;          ///< of the pictures VideoDecoder returns: upright, rotation applied
    int height = 0;
    int bitDepth = 8;       ///< bits per component of the source
    Rational frameRate;     ///< average frame rate
    Rational timeBase;
    qint64 frameCount = 0;  ///< exact: counted from the packet index, not estimated
    double duration = 0.0;  ///< seconds
    QString colorMatrix;    ///< "bt709", "bt470bg"/"smpte170m" (BT.601), "bt2020nc", ... ("unknown" when untagged)
    QString colorRange;     ///< "tv" (limited) or "pc" (full)
    QString colorPrimaries; ///< "bt709", "bt2020", ...
    QString colorTransfer;  ///< "bt709", "smpte2084", ...
    QString decodeMatrix;   ///< the matrix VideoDecoder uses: the tag, or for untagged streams BT.709 for HD
                            ///< (width >= 1280 or height > 576) and BT.601 ("smpte170m") otherwise; "gbr" for RGB
    QString decodeRange;    ///< the range VideoDecoder uses: the tag, or "pc" for JPEG/RGB/gray, "tv" for YUV
    int rotation = 0;       ///< degrees clockwise to display upright: 0, 90, 180, 270
    bool intraOnly = false; ///< every frame a key frame (ProRes, MJPEG, DNxHD, image sequences)
    bool operator==(const VideoStreamInfo&) const = default;
};

struct AudioStreamInfo
{
    int streamIndex = -1;
    QString codec;
    int sampleRate = 0;
    int channels = 0;
    double duration = 0.0;
    bool operator==(const AudioStreamInfo&) const = default;
};

struct MediaInfo
{
    QString path;
    QString container;      ///< FFmpeg demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "image2"
    double duration = 0.0;  ///< seconds
    bool isStill = false;   ///< a single image
    std::optional<VideoStreamInfo> video;
    std::vector<AudioStreamInfo> audio;
    bool operator==(const MediaInfo&) const = default;
};

/// Open and describe a media file (video, still image or image sequence pattern such as
/// "shot_%04d.dpx"); counts the video frames from the packet index. Throws InputError for missing,
/// unreadable or corrupt files and for files without a video stream.
MediaInfo probeMedia(const QString& path);

/// The JSON of `cinegrade-cli info`.
QJsonObject mediaInfoToJson(const MediaInfo& info);

} // namespace cg
