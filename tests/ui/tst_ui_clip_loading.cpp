// Opening and playing clips through the window: a long clip is probed off the GUI thread (the event
// loop keeps turning), playback loops between the in and out marks, and thumbnails go through the
// clip's colour pipeline as the viewer does.

#include "DarkTheme.h"
#include "PlaybackController.h"
#include "ThumbnailLoader.h"
#include "TimelinePanel.h"
#include "UiTestSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cstdlib>

using namespace cg;
using namespace uitest;

class TestUiClipLoading : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void longClipIsProbedWhileTheEventLoopKeepsTurning();
    void loopPlaysBetweenInAndOutMarksAndOtherwiseTheWholeClip();
    void thumbnailGoesThroughTheClipsInputColourSpaceLikeTheViewer();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestUiClipLoading::initTestCase()
{
    isolateSettings("tst_ui_clip_loading");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(makeClip(m_clip, 30, 320, 180, 25));
}

void TestUiClipLoading::longClipIsProbedWhileTheEventLoopKeepsTurning()
{
    // Forty minutes at 25 fps: 60000 packets to index (the probe reads every one, for the exact
    // frame count). Tiny frames, so the clip is made in a few seconds; probing it still takes a time a
    // user would notice, which makes a probe on the GUI thread show as one long gap below.
    const QString longClip = m_dir.filePath(QStringLiteral("long.mp4"));
    QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x36:rate=25", "-t", "2400", "-pix_fmt",
                       "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", longClip}));

    // What probing costs here, on this thread (the file is in the page cache from now on).
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 frames = 0;
    {
        const ClipMedia media(longClip);
        frames = media.frameCount();
    }
    const double probeMs = double(probeClock.nsecsElapsed()) / 1e6;
    QCOMPARE(frames, qint64(60000));

    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    waitIdle(w);

    // A 10 ms timer counts how the GUI thread's event loop turns while the clip opens.
    QElapsedTimer gapClock;
    double longestGapMs = 0.0;
    qint64 last = 0;
    int ticks = 0;
    bool sawProbing = false;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = gapClock.nsecsElapsed();
        longestGapMs = std::max(longestGapMs, double(now - last) / 1e6);
        last = now;
        ++ticks;
        sawProbing = sawProbing || (w.session()->isProbing() && w.isProcessing());
    });
    gapClock.start();
    ticker.start();
    QElapsedTimer openClock;
    openClock.start();
    const bool opened = w.openPath(longClip);
    const double openMs = double(openClock.nsecsElapsed()) / 1e6;
    // The step from the last tick to the end of the open counts as a gap too.
    longestGapMs = std::max(longestGapMs, double(gapClock.nsecsElapsed() - last) / 1e6);
    ticker.stop();
    QVERIFY2(opened, qPrintable(w.lastError()));
    qInfo("probe on this thread %.0f ms; open in the window %.0f ms, %d ticks, longest GUI gap %.1f ms",
          probeMs, openMs, ticks, longestGapMs);

    QVERIFY(w.session()->media());
    QCOMPARE(w.session()->media()->frameCount(), qint64(60000));
    QVERIFY(!w.session()->isProbing());
    // Were the probe on the GUI thread, one gap would be as long as the probe itself.
    QVERIFY2(longestGapMs < probeMs / 2,
             qPrintable(QStringLiteral("longest gap %1 ms, probe %2 ms").arg(longestGapMs).arg(probeMs)));
    QVERIFY2(ticks >= 3, qPrintable(QString::number(ticks)));
    QVERIFY(sawProbing); // the window counted the probe as work in progress
    waitIdle(w);
    QVERIFY(w.viewer()->hasGraded());
    QVERIFY(w.errorDialogs.isEmpty());
}

void TestUiClipLoading::loopPlaysBetweenInAndOutMarksAndOtherwiseTheWholeClip()
{
    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(w.openPath(m_clip), qPrintable(w.lastError()));
    waitIdle(w);
    PlaybackController* playback = w.playback();
    QCOMPARE(playback->frameCount(), qint64(30));

    auto* loopButton = w.findChild<QToolButton*>(QStringLiteral("loopButton"));
    QVERIFY(loopButton);
    loopButton->click();
    QVERIFY(playback->isLooping());

    QList<qint64> shown;
    connect(playback, &PlaybackController::frameChanged, this, [&](qint64 frame) { shown << frame; });
    // Times the playhead jumped against the direction of play, onto `to` (a busy machine may skip
    // the frame before the jump, so only where it lands is exact).
    const auto wraps = [&](qint64 to, bool forwards) {
        int count = 0;
        for (qsizetype i = 1; i < shown.size(); ++i)
            if ((forwards ? shown[i] < shown[i - 1] : shown[i] > shown[i - 1]) && shown[i] == to)
                ++count;
        return count;
    };

    // Marks 10..14: playback wraps from the out mark back to the in mark and never leaves them.
    w.session()->setMarks(0, 10, 14);
    QCOMPARE(playback->loopStart(), qint64(10));
    QCOMPARE(playback->loopEnd(), qint64(14));
    playback->seek(12);
    shown.clear();
    playback->play(4.0); // 100 frames a second: the five marked frames go round every 50 ms
    QTest::qWait(600);
    QVERIFY(playback->isPlaying());
    playback->pause();
    QVERIFY2(!shown.isEmpty(), "nothing was played");
    for (qint64 frame : shown)
        QVERIFY2(frame >= 10 && frame <= 14, qPrintable(QString::number(frame)));
    QVERIFY2(wraps(10, true) >= 3, qPrintable(QString::number(wraps(10, true))));

    // Backwards it wraps from the in mark to the out mark.
    shown.clear();
    playback->play(-4.0);
    QTest::qWait(400);
    playback->pause();
    for (qint64 frame : shown)
        QVERIFY2(frame >= 10 && frame <= 14, qPrintable(QString::number(frame)));
    QVERIFY2(wraps(14, false) >= 2, qPrintable(QString::number(wraps(14, false))));

    // Started outside the marks, looping playback jumps to the in mark.
    playback->seek(25);
    shown.clear();
    playback->play(1.0);
    QTRY_VERIFY(!shown.isEmpty());
    playback->pause();
    QCOMPARE(shown.first(), qint64(10));

    // Without marks the whole clip loops.
    w.session()->setMarks(0, -1, -1);
    QCOMPARE(playback->loopStart(), qint64(0));
    QCOMPARE(playback->loopEnd(), qint64(29));
    playback->seek(20);
    shown.clear();
    playback->play(8.0); // 200 frames a second: round the 30 frames every 150 ms
    QTest::qWait(700);
    QVERIFY(playback->isPlaying());
    playback->pause();
    QVERIFY2(wraps(0, true) >= 2, qPrintable(QString::number(wraps(0, true))));
    QVERIFY(std::any_of(shown.begin(), shown.end(), [](qint64 f) { return f >= 25; }));
    QVERIFY(std::any_of(shown.begin(), shown.end(), [](qint64 f) { return f > 0 && f < 10; }));

    // Loop off: playback stops at the end of the clip, marks or not.
    loopButton->click();
    QVERIFY(!playback->isLooping());
    w.session()->setMarks(0, 10, 14);
    playback->seek(12);
    playback->play(8.0);
    QTRY_VERIFY_WITH_TIMEOUT(!playback->isPlaying(), 2000);
    QCOMPARE(playback->frame(), qint64(29));
    waitIdle(w);
}

void TestUiClipLoading::thumbnailGoesThroughTheClipsInputColourSpaceLikeTheViewer()
{
    const QString logSpace = QStringLiteral("ARRI LogC3 (AWG)");
    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(w.openPaths({m_clip, m_clip}), qPrintable(w.lastError()));
    waitIdle(w);
    QVERIFY(w.session()->colorSpaces().contains(logSpace));
    // The second clip is log footage; the first stays in the project's (default) space.
    w.session()->setInputColorSpace(1, logSpace);
    w.session()->setCurrentClip(1);
    waitIdle(w);
    QVERIFY(w.session()->pipeline());

    QListWidget* list = w.timelinePanel()->clipList();
    // The role that holds the thumbnail (see TimelinePanel.cpp): Qt::UserRole + 6.
    const auto thumbnail = [&](int row) { return list->item(row)->data(Qt::UserRole + 6).value<QImage>(); };
    const QImage plain = thumbnail(0);
    const QImage log = thumbnail(1);
    QVERIFY(!plain.isNull());
    QVERIFY(!log.isNull());
    QCOMPARE(log.size(), plain.size());
    QVERIFY(log != plain);

    // The viewer's picture of frame 0 (the same lattice and pipeline, PreviewRenderer), made at the
    // thumbnail's size; the viewer itself must show that render at its own size.
    w.playback()->seek(0);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    const CompiledGrade viewerGrade(w.session()->currentGrade(), CompiledGrade::kDefaultSize,
                                    w.session()->pipeline());
    const QImage expected =
        ImageConversion::toQImage(viewerGrade.applied(decodedPreview(m_clip, 0, ThumbnailLoader::kWidth)));
    QCOMPARE(expected.size(), log.size());
    const QImage a = log.convertToFormat(QImage::Format_RGB32);
    const QImage b = expected.convertToFormat(QImage::Format_RGB32);
    const QImage p = plain.convertToFormat(QImage::Format_RGB32);
    int worst = 0;
    int worstFromPlain = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb s = a.pixel(x, y);
            const QRgb e = b.pixel(x, y);
            const QRgb q = p.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(s) - qRed(e)), std::abs(qGreen(s) - qGreen(e)),
                              std::abs(qBlue(s) - qBlue(e))});
            worstFromPlain = std::max({worstFromPlain, std::abs(qRed(s) - qRed(q)),
                                       std::abs(qGreen(s) - qGreen(q)), std::abs(qBlue(s) - qBlue(q))});
        }
    QVERIFY2(worst <= 1, qPrintable(QStringLiteral("thumbnail differs from the viewer by %1").arg(worst)));
    // A log interpretation changes the picture a lot, not by rounding.
    QVERIFY2(worstFromPlain > 20, qPrintable(QString::number(worstFromPlain)));

    // Back to the project's space: the thumbnail is the plain one again.
    w.session()->setInputColorSpace(1, QString());
    waitIdle(w);
    QCOMPARE(thumbnail(1), plain);
}

QTEST_MAIN(TestUiClipLoading)
#include "tst_ui_clip_loading.moc"
