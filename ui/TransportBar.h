#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace cg {

class PlaybackController;

/// Under the viewer: the timecode of the playhead, the transport buttons (start, back one frame,
/// reverse, stop, play, forward one frame, end, loop), the zoom and the display/view the picture is
/// shown through (the OCIO output transform).
class TransportBar : public QWidget
{
    Q_OBJECT
public:
    explicit TransportBar(PlaybackController* playback, QWidget* parent = nullptr);

    /// "Display / View" choices and the current one (index into the list).
    void setDisplayViews(const QStringList& choices, int current);
    /// Shown scale ("Fit" or "100 %").
    void setZoom(double scale, bool fitted);
    /// The measured playback rate, shown while playing (red when below the clip's rate).
    void setPlaybackRate(double framesPerSecond, double target);

    QLabel* timecodeLabel() const { return m_timecode; }
    QComboBox* displayViewBox() const { return m_displayView; }

signals:
    void displayViewChosen(int index);
    /// 0 = fit.
    void zoomChosen(double scale);

private:
    void updateTime();
    QToolButton* button(const QString& name, const QString& icon, const QString& tip);

    PlaybackController* m_playback;
    QLabel* m_timecode;
    QLabel* m_frame;
    QLabel* m_rate;
    QToolButton* m_play;
    QToolButton* m_reverse;
    QToolButton* m_loop;
    QComboBox* m_zoom;
    QComboBox* m_displayView;
};

} // namespace cg
