#include "TimelineRuler.h"

#include "DarkTheme.h"
#include "Timecode.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cg {

TimelineRuler::TimelineRuler(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineRuler"));
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(30);
    setToolTip(tr("Click or drag to move the playhead"));
}

void TimelineRuler::setClip(qint64 frameCount, double frameRate)
{
    m_frames = std::max<qint64>(0, frameCount);
    m_fps = frameRate;
    m_playhead = std::clamp<qint64>(m_playhead, 0, std::max<qint64>(0, m_frames - 1));
    update();
}

void TimelineRuler::setPlayhead(qint64 frame)
{
    if (frame == m_playhead)
        return;
    m_playhead = frame;
    update();
}

void TimelineRuler::setMarks(qint64 inFrame, qint64 outFrame)
{
    m_in = inFrame;
    m_out = outFrame;
    update();
}

QRectF TimelineRuler::track() const
{
    return QRectF(10.0, 0.0, std::max(1.0, width() - 20.0), height());
}

qint64 TimelineRuler::frameAt(double x) const
{
    if (m_frames <= 0)
        return 0;
    const QRectF t = track();
    const double f = (x - t.left()) / t.width() * double(m_frames);
    return std::clamp<qint64>(qint64(std::floor(f)), 0, m_frames - 1);
}

double TimelineRuler::xOf(qint64 frame) const
{
    const QRectF t = track();
    if (m_frames <= 0)
        return t.left();
    return t.left() + (double(frame) + 0.5) / double(m_frames) * t.width();
}

void TimelineRuler::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x1f, 0x1f, 0x1f));
    const QRectF t = track();
    if (m_frames <= 1) {
        p.setPen(DarkTheme::dimText());
        p.drawText(rect(), Qt::AlignCenter, m_frames == 1 ? tr("Still image") : tr("No clip"));
        return;
    }
    // In/out range.
    if (m_in >= 0 || m_out >= 0) {
        const qint64 in = m_in >= 0 ? m_in : 0;
        const qint64 out = m_out >= 0 ? m_out : m_frames - 1;
        const double x0 = t.left() + double(in) / m_frames * t.width();
        const double x1 = t.left() + double(out + 1) / m_frames * t.width();
        p.fillRect(QRectF(x0, 14, x1 - x0, height() - 14), QColor(0x4f, 0x7c, 0xac, 70));
        p.setPen(QPen(QColor(0x7f, 0xa7, 0xd6), 2));
        if (m_in >= 0)
            p.drawLine(QPointF(x0, 14), QPointF(x0, height()));
        if (m_out >= 0)
            p.drawLine(QPointF(x1, 14), QPointF(x1, height()));
    }
    // Ticks every second (or a multiple, so labels do not collide) with timecode labels.
    const int rate = Timecode::nominalRate(m_fps);
    const double pxPerFrame = t.width() / double(m_frames);
    const QFontMetrics fm(font());
    const double labelWidth = fm.horizontalAdvance(QStringLiteral("00:00:00:00")) + 16;
    qint64 step = rate;
    for (const qint64 seconds : {1, 2, 5, 10, 30, 60, 120, 300, 600}) {
        step = seconds * rate;
        if (step * pxPerFrame >= labelWidth)
            break;
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    for (qint64 f = 0; f < m_frames; f += step) {
        const double x = t.left() + double(f) * pxPerFrame;
        p.setPen(QColor(0x60, 0x60, 0x60));
        p.drawLine(QPointF(x, 14), QPointF(x, height()));
        p.setPen(DarkTheme::dimText());
        p.drawText(QPointF(x + 3, 11), Timecode::fromFrame(f, m_fps));
    }
    // Minor ticks per frame when there is room, else per second.
    const qint64 minor = pxPerFrame >= 4 ? 1 : rate;
    if (minor * pxPerFrame >= 3) {
        p.setPen(QColor(0x48, 0x48, 0x48));
        for (qint64 f = 0; f < m_frames; f += minor)
            p.drawLine(QPointF(t.left() + f * pxPerFrame, height() - 6),
                       QPointF(t.left() + f * pxPerFrame, height()));
    }
    // The playhead.
    const double x = xOf(m_playhead);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xe0, 0x4a, 0x3a), 1.5));
    p.drawLine(QPointF(x, 14), QPointF(x, height()));
    QPolygonF head;
    head << QPointF(x - 5, 12) << QPointF(x + 5, 12) << QPointF(x, 18);
    p.setBrush(QColor(0xe0, 0x4a, 0x3a));
    p.drawPolygon(head);
}

void TimelineRuler::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_frames <= 1)
        return;
    m_scrubbing = true;
    emit scrubStarted();
    emit seekRequested(frameAt(event->position().x()));
}

void TimelineRuler::mouseMoveEvent(QMouseEvent* event)
{
    if (m_scrubbing)
        emit seekRequested(frameAt(event->position().x()));
}

void TimelineRuler::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_scrubbing) {
        m_scrubbing = false;
        emit scrubFinished();
    }
}

} // namespace cg
