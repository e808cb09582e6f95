#pragma once

#include "MediaInfo.h"

#include <QString>
#include <vector>

namespace cg {

/// When each frame of a video stream is shown: the presentation timestamps of all its frames, read
/// from the packets (no decoding), in presentation order. An export gives output frame k the
/// timestamp of the source frame it came from, so variable frame rates and odd time bases survive.
struct FrameTimeline
{
    Rational timeBase;
    std::vector<qint64> starts; ///< presentation timestamps, ascending
    qint64 end = 0;             ///< when the last frame ends (its timestamp plus its duration)
    qint64 frameDuration = 1;   ///< the average frame duration, used past the known frames

    /// Start of frame `index`; frames past the known ones continue at the average rate.
    qint64 start(qint64 index) const;
    /// End of frame `index`: the start of the next one.
    qint64 endOf(qint64 index) const;
};

/// Reads the timeline of `video` (a stream of the file at `path`). Packets without timestamps
/// (raw elementary streams) get evenly spaced ones at the stream's frame rate. Throws InputError when
/// the file cannot be read.
FrameTimeline readFrameTimeline(const QString& path, const VideoStreamInfo& video);

} // namespace cg
