#include "TransportBar.h"

#include "PlaybackController.h"
#include "Timecode.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>

#include <cmath>

namespace cg {

TransportBar::TransportBar(PlaybackController* playback, QWidget* parent)
    : QWidget(parent), m_playback(playback)
{
    setObjectName(QStringLiteral("transportBar"));
    m_timecode = new QLabel(this);
    m_timecode->setObjectName(QStringLiteral("timecodeLabel"));
    m_timecode->setToolTip(tr("Timecode of the playhead (hours:minutes:seconds:frames)"));
    m_frame = new QLabel(this);
    m_frame->setObjectName(QStringLiteral("frameLabel"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("playbackRateLabel"));
    m_rate->setMinimumWidth(70);

    auto* start =
        button(QStringLiteral("goStartButton"), QStringLiteral("go-start"), tr("First frame (Home)"));
    auto* back =
        button(QStringLiteral("stepBackButton"), QStringLiteral("step-back"), tr("One frame back (Left)"));
    m_reverse =
        button(QStringLiteral("playReverseButton"), QStringLiteral("play-reverse"), tr("Play backwards (J)"));
    auto* stop = button(QStringLiteral("stopButton"), QStringLiteral("stop"), tr("Stop (K)"));
    m_play = button(QStringLiteral("playButton"), QStringLiteral("play"), tr("Play / pause (Space, L)"));
    auto* forward = button(QStringLiteral("stepForwardButton"), QStringLiteral("step-forward"),
                           tr("One frame forward (Right)"));
    auto* end = button(QStringLiteral("goEndButton"), QStringLiteral("go-end"), tr("Last frame (End)"));
    m_loop = button(QStringLiteral("loopButton"), QStringLiteral("loop"), tr("Loop playback"));
    m_loop->setCheckable(true);

    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("zoomBox"));
    m_zoom->setToolTip(tr("Zoom (wheel over the picture; middle button drags)"));
    m_zoom->addItem(tr("Fit"), 0.0);
    for (int percent : {25, 50, 100, 200, 400})
        m_zoom->addItem(tr("%1 %").arg(percent), percent / 100.0);
    m_zoom->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_displayView = new QComboBox(this);
    m_displayView->setObjectName(QStringLiteral("displayViewBox"));
    m_displayView->setToolTip(
        tr("Display and view transform the picture is shown and exported through (OpenColorIO)"));
    m_displayView->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->setSpacing(2);
    layout->addWidget(m_timecode);
    layout->addSpacing(8);
    layout->addWidget(m_frame);
    layout->addStretch(1);
    for (QToolButton* b : {start, back, m_reverse, stop, m_play, forward, end})
        layout->addWidget(b);
    layout->addSpacing(6);
    layout->addWidget(m_loop);
    layout->addStretch(1);
    layout->addWidget(m_rate);
    layout->addWidget(m_zoom);
    layout->addSpacing(4);
    layout->addWidget(m_displayView);

    connect(start, &QToolButton::clicked, playback, &PlaybackController::goToStart);
    connect(back, &QToolButton::clicked, playback, &PlaybackController::stepBackward);
    connect(m_reverse, &QToolButton::clicked, playback, &PlaybackController::shuttleReverse);
    connect(stop, &QToolButton::clicked, playback, &PlaybackController::pause);
    connect(m_play, &QToolButton::clicked, playback, &PlaybackController::togglePlay);
    connect(forward, &QToolButton::clicked, playback, &PlaybackController::stepForward);
    connect(end, &QToolButton::clicked, playback, &PlaybackController::goToEnd);
    connect(m_loop, &QToolButton::toggled, playback, &PlaybackController::setLooping);
    connect(playback, &PlaybackController::frameChanged, this, &TransportBar::updateTime);
    connect(playback, &PlaybackController::speedChanged, this, [this](double speed) {
        m_play->setIcon(
            QIcon(speed > 0 ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
        m_reverse->setIcon(QIcon(speed < 0 ? QStringLiteral(":/icons/pause.svg")
                                           : QStringLiteral(":/icons/play-reverse.svg")));
        if (speed == 0)
            m_rate->clear();
        updateTime();
    });
    connect(m_zoom, &QComboBox::activated, this,
            [this](int index) { emit zoomChosen(m_zoom->itemData(index).toDouble()); });
    connect(m_displayView, &QComboBox::activated, this, &TransportBar::displayViewChosen);
    updateTime();
}

QToolButton* TransportBar::button(const QString& name, const QString& icon, const QString& tip)
{
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
    b->setIconSize(QSize(16, 16));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

void TransportBar::updateTime()
{
    const qint64 frames = m_playback->frameCount();
    const double fps = m_playback->frameRate();
    m_timecode->setText(Timecode::fromFrame(m_playback->frame(), fps));
    if (frames > 1) {
        QString text = tr("Frame %1 / %2").arg(m_playback->frame()).arg(frames - 1);
        const double speed = m_playback->speed();
        if (speed != 0.0 && speed != 1.0)
            text += QStringLiteral("   ") + tr("%1×").arg(speed);
        m_frame->setText(text);
    } else {
        m_frame->setText(frames == 1 ? tr("Still") : QString());
    }
    for (QWidget* w : findChildren<QToolButton*>())
        if (w != m_loop)
            w->setEnabled(frames > 1);
}

void TransportBar::setDisplayViews(const QStringList& choices, int current)
{
    const QSignalBlocker block(m_displayView);
    m_displayView->clear();
    m_displayView->addItems(choices);
    m_displayView->setCurrentIndex(current);
}

void TransportBar::setZoom(double scale, bool fitted)
{
    const QSignalBlocker block(m_zoom);
    if (fitted) {
        m_zoom->setCurrentIndex(0);
        m_zoom->setItemText(0, tr("Fit"));
        return;
    }
    const int index = m_zoom->findData(std::round(scale * 100.0) / 100.0);
    if (index > 0) {
        m_zoom->setCurrentIndex(index);
        m_zoom->setItemText(0, tr("Fit"));
    } else {
        // An in-between zoom (mouse wheel): shown in the first item until "Fit" is chosen again.
        m_zoom->setItemText(0, tr("%1 %").arg(std::lround(scale * 100)));
        m_zoom->setCurrentIndex(0);
    }
}

void TransportBar::setPlaybackRate(double framesPerSecond, double target)
{
    m_rate->setText(tr("%1 fps").arg(framesPerSecond, 0, 'f', 1));
    m_rate->setStyleSheet(framesPerSecond < target * 0.97 ? QStringLiteral("color: #e06c5a;")
                                                          : QStringLiteral("color: #7cc47a;"));
}

} // namespace cg
