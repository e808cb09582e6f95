#pragma once

#include <QWidget>

namespace cg {

/// The current clip's frames as a ruler: timecode ticks, the in/out range, the playhead. Click or
/// drag to scrub (frame-accurate: every position is a whole frame).
class TimelineRuler : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineRuler(QWidget* parent = nullptr);

    void setClip(qint64 frameCount, double frameRate);
    void setPlayhead(qint64 frame);
    /// -1 = not set.
    void setMarks(qint64 inFrame, qint64 outFrame);
    qint64 playhead() const { return m_playhead; }
    /// The frame under a widget x, and the x of a frame's centre.
    qint64 frameAt(double x) const;
    double xOf(qint64 frame) const;

    QSize sizeHint() const override { return {600, 30}; }
    QSize minimumSizeHint() const override { return {120, 30}; }

signals:
    void seekRequested(qint64 frame);
    void scrubStarted();
    void scrubFinished();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRectF track() const;

    qint64 m_frames = 0;
    double m_fps = 0.0;
    qint64 m_playhead = 0;
    qint64 m_in = -1;
    qint64 m_out = -1;
    bool m_scrubbing = false;
};

} // namespace cg
