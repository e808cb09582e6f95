#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace cg {

class ClipMedia;

/// The playhead and the transport (Space, J/K/L, arrows, Home/End). Playback is driven by the wall
/// clock, not by finished frames: every tick computes which frame is due at the clip's rate and
/// speed and announces it; whatever renders frames takes the newest request and drops what it cannot
/// show in time, so a slow frame never slows the clock and nothing waits on decode. While playing
/// forwards it keeps the clip's read-ahead (FrameSource prefetch) ahead of the playhead.
class PlaybackController : public QObject
{
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);

    /// A new clip (null: none); stops playback and puts the playhead on `frame` (clamped).
    void setMedia(std::shared_ptr<const ClipMedia> media, qint64 frame = 0);
    qint64 frame() const { return m_frame; }
    qint64 frameCount() const { return m_frameCount; }
    double frameRate() const { return m_fps; }
    bool isPlaying() const { return m_speed != 0.0; }
    /// Frames of clip time per frame of real time: 1 = normal, -2 = reverse at double speed, 0 = paused.
    double speed() const { return m_speed; }
    bool isLooping() const { return m_loop; }
    /// The frames looped over: the in and out marks (-1 = start / end of the clip), clamped.
    qint64 loopStart() const;
    qint64 loopEnd() const;

    /// The speed steps of J and L (1x, 2x, 4x, 8x).
    static constexpr double kMaxShuttle = 8.0;

public slots:
    /// Move the playhead (pauses playback when `pause` is set, as a click in the timeline does).
    void seek(qint64 frame, bool pause = true);
    void play(double speed = 1.0);
    void pause();
    void togglePlay();
    /// L: play forwards, faster on each press; from reverse, forwards at 1x.
    void shuttleForward();
    /// J: play backwards, faster on each press.
    void shuttleReverse();
    void stepForward();
    void stepBackward();
    void goToStart();
    void goToEnd();
    void setLooping(bool loop);
    /// The range playback loops over while looping is on (the clip's in and out marks; -1 = the
    /// start / end of the clip). Outside looping the marks do not limit playback.
    void setLoopRange(qint64 inFrame, qint64 outFrame);

signals:
    /// The playhead moved (by playback or by a seek).
    void frameChanged(qint64 frame);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void tick();
    void restartClock();
    void keepReadAhead();

    std::shared_ptr<const ClipMedia> m_media;
    qint64 m_frame = 0;
    qint64 m_frameCount = 0;
    double m_fps = 0.0;
    double m_speed = 0.0;
    bool m_loop = false;
    qint64 m_loopIn = -1;
    qint64 m_loopOut = -1;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_clockStartFrame = 0;
    qint64 m_readAheadFrom = -1;
};

} // namespace cg
