#include "PlaybackController.h"

#include "ClipMedia.h"

#include <algorithm>
#include <cmath>

namespace cg {
namespace {
constexpr int kReadAhead = 24;     ///< frames decoded ahead of the playhead
constexpr int kReadAheadRenew = 8; ///< renew the request after this many frames were shown
} // namespace

PlaybackController::PlaybackController(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::tick);
}

void PlaybackController::setMedia(std::shared_ptr<const ClipMedia> media, qint64 frame)
{
    pause();
    m_media = std::move(media);
    m_frameCount = m_media ? m_media->frameCount() : 0;
    m_fps = m_media ? m_media->frameRate() : 0.0;
    m_frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_frameCount - 1));
    m_readAheadFrom = -1;
    emit frameChanged(m_frame);
}

void PlaybackController::seek(qint64 frame, bool pauseFirst)
{
    if (pauseFirst)
        pause();
    frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_frameCount - 1));
    if (isPlaying())
        restartClock();
    if (frame == m_frame)
        return;
    m_frame = frame;
    if (isPlaying())
        m_clockStartFrame = frame;
    emit frameChanged(m_frame);
}

void PlaybackController::play(double speed)
{
    if (m_frameCount <= 1 || m_fps <= 0.0 || speed == 0.0) {
        pause();
        return;
    }
    if (m_loop) {
        // Looping plays the marked range: from outside it (or from its far end), start at its start.
        const qint64 first = loopStart();
        const qint64 last = loopEnd();
        if (speed > 0 && (m_frame < first || m_frame >= last))
            seek(first, false);
        if (speed < 0 && (m_frame > last || m_frame <= first))
            seek(last, false);
    }
    // Playing forwards from the last frame starts again at the first, as every player does.
    if (speed > 0 && m_frame >= m_frameCount - 1)
        seek(0, false);
    if (speed < 0 && m_frame <= 0)
        seek(m_frameCount - 1, false);
    const bool wasPlaying = isPlaying();
    const double before = m_speed;
    m_speed = speed;
    restartClock();
    m_readAheadFrom = -1;
    keepReadAhead();
    // Tick twice per frame, so the frame shown is never more than half a frame late.
    const double framesPerSecond = m_fps * std::abs(speed);
    m_timer.start(std::clamp(int(500.0 / framesPerSecond), 4, 40));
    if (!wasPlaying)
        emit playingChanged(true);
    if (before != speed)
        emit speedChanged(speed);
}

void PlaybackController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    m_speed = 0.0;
    emit speedChanged(0.0);
    emit playingChanged(false);
}

void PlaybackController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play(1.0);
}

void PlaybackController::shuttleForward()
{
    play(m_speed > 0 ? std::min(m_speed * 2, kMaxShuttle) : 1.0);
}

void PlaybackController::shuttleReverse()
{
    play(m_speed < 0 ? std::max(m_speed * 2, -kMaxShuttle) : -1.0);
}

void PlaybackController::stepForward()
{
    seek(m_frame + 1);
}

void PlaybackController::stepBackward()
{
    seek(m_frame - 1);
}

void PlaybackController::goToStart()
{
    seek(0);
}

void PlaybackController::goToEnd()
{
    seek(m_frameCount - 1);
}

void PlaybackController::setLooping(bool loop)
{
    m_loop = loop;
}

void PlaybackController::setLoopRange(qint64 inFrame, qint64 outFrame)
{
    m_loopIn = inFrame;
    m_loopOut = outFrame;
}

qint64 PlaybackController::loopStart() const
{
    const qint64 last = std::max<qint64>(0, m_frameCount - 1);
    return m_loopIn < 0 ? 0 : std::min(m_loopIn, last);
}

qint64 PlaybackController::loopEnd() const
{
    const qint64 last = std::max<qint64>(0, m_frameCount - 1);
    const qint64 end = m_loopOut < 0 ? last : std::min(m_loopOut, last);
    return std::max(end, loopStart());
}

void PlaybackController::restartClock()
{
    m_clock.start();
    m_clockStartFrame = m_frame;
}

void PlaybackController::keepReadAhead()
{
    if (!m_media || m_speed <= 0)
        return;
    if (m_readAheadFrom >= 0 && m_frame >= m_readAheadFrom && m_frame < m_readAheadFrom + kReadAheadRenew)
        return;
    m_readAheadFrom = m_frame;
    qint64 from = m_frame + 1;
    qint64 count = kReadAhead;
    if (m_loop && m_frame <= loopEnd()) {
        // Decode only what the loop will show; near the out mark the earlier request already holds
        // the frames up to it, so read the in mark's frames for the wrap instead.
        if (loopEnd() - m_frame <= kReadAheadRenew)
            from = loopStart();
        count = std::clamp<qint64>(loopEnd() - from + 1, 1, kReadAhead);
    }
    m_media->prefetch(from, int(count));
}

void PlaybackController::tick()
{
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    qint64 target = m_clockStartFrame + qint64(std::floor(elapsed * m_fps * m_speed));
    const qint64 last = m_frameCount - 1;
    // Looping wraps at the marks (the out mark is the last frame played); without looping playback
    // runs to the clip's ends. A playhead that started outside the marks wraps when it passes them.
    const qint64 first = m_loop ? loopStart() : 0;
    const qint64 end = m_loop ? loopEnd() : last;
    const bool pastEnd =
        m_speed > 0 ? target > end && m_clockStartFrame <= end : target < first && m_clockStartFrame >= first;
    if (m_loop && pastEnd) {
        m_frame = m_speed > 0 ? first : end;
        restartClock();
        m_readAheadFrom = -1;
        keepReadAhead();
        emit frameChanged(m_frame);
        return;
    }
    if (target > last || target < 0) {
        if (m_loop) {
            const qint64 wrapped = m_speed > 0 ? first : end;
            m_frame = wrapped;
            restartClock();
            m_readAheadFrom = -1;
            keepReadAhead();
            emit frameChanged(m_frame);
            return;
        }
        target = std::clamp<qint64>(target, 0, last);
        if (target != m_frame) {
            m_frame = target;
            emit frameChanged(m_frame);
        }
        pause();
        return;
    }
    if (target == m_frame)
        return;
    m_frame = target;
    keepReadAhead();
    emit frameChanged(m_frame);
}

} // namespace cg
