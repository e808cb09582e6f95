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
    m_media->prefetch(m_frame + 1, kReadAhead);
}

void PlaybackController::tick()
{
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    qint64 target = m_clockStartFrame + qint64(std::floor(elapsed * m_fps * m_speed));
    const qint64 last = m_frameCount - 1;
    if (target > last || target < 0) {
        if (m_loop) {
            const qint64 wrapped = m_speed > 0 ? 0 : last;
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
