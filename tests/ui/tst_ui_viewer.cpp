// The viewer driven through the real window, offscreen: it shows exactly the core's render of the
// decoded frame, before/after comparisons, frame-accurate scrubbing, the transport keys, playback at
// the clip's rate without blocking, zoom to full resolution and the display transform.

#include "UiTestSupport.h"

#include "DarkTheme.h"
#include "PlaybackController.h"
#include "TimelineRuler.h"
#include "TransportBar.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>

using namespace cg;
using namespace uitest;

class TestUiViewer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void viewerShowsTheGradedFrameAsTheCoreRendersIt();
    void undoRestoresThePreviousPixels();
    void splitWipeShowsTheOriginalOnTheLeft();
    void sideBySideShowsBothPictures();
    void toggleKeySwitchesBeforeAndAfter();
    void scrubbingTheRulerShowsTheExactFrame();
    void arrowsHomeAndEndStepThroughFrames();
    void playbackRunsAtTheClipsRateWithoutBlocking();
    void jklShuttleChangesSpeedAndDirection();
    void zoomTo100PercentShowsFullResolutionPixels();
    void displayTransformIsChosenAndShown();

private:
    void open(RecordingWindow& window, const QString& path);

    QTemporaryDir m_dir;
    QString m_clip;
};

void TestUiViewer::initTestCase()
{
    isolateSettings("tst_ui_viewer");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(makeClip(m_clip, 12, 320, 180, 25));
}

void TestUiViewer::open(RecordingWindow& window, const QString& path)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPath(path), qPrintable(window.lastError()));
    waitIdle(window);
    QVERIFY(window.viewer()->hasGraded());
}

void TestUiViewer::viewerShowsTheGradedFrameAsTheCoreRendersIt()
{
    RecordingWindow w;
    open(w, m_clip);
    QCOMPARE(w.playback()->frameCount(), 12);
    // Untouched grade: the viewer shows the decoded frame as it is.
    QVERIFY(w.viewer()->originalImage() == decodedPreview(m_clip, 0));
    QVERIFY(w.viewer()->gradedImage() == w.viewer()->originalImage());

    auto* exposure = w.findChild<QSlider*>(QStringLiteral("exposureSlider"));
    QVERIFY(exposure);
    exposure->setValue(w.gradePanel()->control(QStringLiteral("exposure"))->positionForValue(0.8));
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().exposure, 0.8);
    const Image expected = expectedGraded(w);
    QVERIFY(!(expected == w.viewer()->originalImage()));
    QVERIFY(w.viewer()->gradedImage() == expected);
    QCOMPARE(w.viewer()->composedFrame(), ImageConversion::toQImage(expected));
    QVERIFY(w.isWindowModified());
}

void TestUiViewer::undoRestoresThePreviousPixels()
{
    RecordingWindow w;
    open(w, m_clip);
    const Image before = w.viewer()->gradedImage();
    setControl(w, QStringLiteral("gain"), 1.4);
    waitIdle(w);
    const Image after = w.viewer()->gradedImage();
    QVERIFY(!(after == before));

    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_Z));
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().gain.master, 1.0);
    QVERIFY(w.viewer()->gradedImage() == before);
    QVERIFY(!w.isWindowModified());
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().gain.master, 1.4);
    QVERIFY(w.viewer()->gradedImage() == after);
}

void TestUiViewer::splitWipeShowsTheOriginalOnTheLeft()
{
    const QString flat = m_dir.filePath(QStringLiteral("flat.mp4"));
    QVERIFY(makeClip(flat, 3, 400, 300, 25, QStringLiteral("color=c=0x646464")));
    RecordingWindow w;
    open(w, flat);
    setControl(w, QStringLiteral("exposure"), 1.5);
    waitIdle(w);
    const QImage original = ImageConversion::toQImage(w.viewer()->originalImage());
    const QImage graded = ImageConversion::toQImage(w.viewer()->gradedImage());
    QVERIFY(graded.pixelColor(200, 150).red() > original.pixelColor(200, 150).red() + 30);

    w.findChild<QAction*>(QStringLiteral("compareAction"))->trigger();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SplitWipe);
    QVERIFY(w.findChild<QAction*>(QStringLiteral("viewSplitAction"))->isChecked());

    // At image resolution: left of the wipe is the original, right of it the grade.
    const QImage frame = w.viewer()->composedFrame();
    QCOMPARE(frame.pixelColor(50, 150), original.pixelColor(50, 150));
    QCOMPARE(frame.pixelColor(350, 150), graded.pixelColor(350, 150));

    // On screen, after scaling to the widget.
    const QRect r = w.viewer()->pictureRect();
    QVERIFY(r.width() > 100);
    const QImage shown = w.viewer()->grab().toImage();
    const QColor left = shown.pixelColor(r.left() + r.width() / 4, r.center().y() + r.height() / 4);
    const QColor right = shown.pixelColor(r.left() + 3 * r.width() / 4, r.center().y() + r.height() / 4);
    QVERIFY2(std::abs(left.red() - original.pixelColor(100, 220).red()) <= 2, qPrintable(left.name()));
    QVERIFY2(std::abs(right.red() - graded.pixelColor(300, 220).red()) <= 2, qPrintable(right.name()));

    // Dragging the wipe to the right shows more of the original.
    QTest::mousePress(w.viewer(), Qt::LeftButton, {}, QPoint(r.left() + r.width() / 2, r.center().y()));
    QTest::mouseMove(w.viewer(), QPoint(r.left() + 9 * r.width() / 10, r.center().y()));
    QTest::mouseRelease(w.viewer(), Qt::LeftButton, {},
                        QPoint(r.left() + 9 * r.width() / 10, r.center().y()));
    QVERIFY(std::abs(w.viewer()->wipePosition() - 0.9) < 0.02);
    QCOMPARE(w.viewer()->composedFrame().pixelColor(340, 150), original.pixelColor(340, 150));
}

void TestUiViewer::sideBySideShowsBothPictures()
{
    RecordingWindow w;
    open(w, m_clip);
    slider(w, QStringLiteral("saturation"))->setValue(0);
    waitIdle(w);
    w.findChild<QAction*>(QStringLiteral("viewSideBySideAction"))->trigger();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SideBySide);
    const QImage frame = w.viewer()->composedFrame();
    QCOMPARE(frame.size(), QSize(640, 180));
    QCOMPARE(frame.copy(0, 0, 320, 180), ImageConversion::toQImage(decodedPreview(m_clip, 0)));
    QCOMPARE(frame.copy(320, 0, 320, 180), ImageConversion::toQImage(expectedGraded(w)));
    QVERIFY(w.viewer()->secondPictureRect().left() >= w.viewer()->pictureRect().right());
}

void TestUiViewer::toggleKeySwitchesBeforeAndAfter()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("saturation"), 0.2);
    waitIdle(w);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.viewer()->setFocus();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Graded);
    QTest::keyClick(w.viewer(), Qt::Key_Backslash);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Original);
    QCOMPARE(w.viewer()->composedFrame(), ImageConversion::toQImage(decodedPreview(m_clip, 0)));
    QTest::keyClick(w.viewer(), Qt::Key_B);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Graded);
    QCOMPARE(w.viewer()->composedFrame(), ImageConversion::toQImage(expectedGraded(w)));

    // From a comparison mode the toggle comes back to that mode.
    w.viewer()->setMode(Viewer::Mode::SplitWipe);
    QTest::keyClick(w.viewer(), Qt::Key_B);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Original);
    QTest::keyClick(w.viewer(), Qt::Key_Backslash);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SplitWipe);
}

void TestUiViewer::scrubbingTheRulerShowsTheExactFrame()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("contrast"), 1.3);
    TimelineRuler* ruler = w.ruler();
    for (const qint64 target : {7, 2, 11}) {
        QTest::mouseClick(ruler, Qt::LeftButton, {}, QPoint(int(ruler->xOf(target)), ruler->height() / 2));
        QCOMPARE(w.playback()->frame(), target);
        waitIdle(w);
        QCOMPARE(w.viewer()->frameShown(), target);
        QVERIFY2(w.viewer()->originalImage() == decodedPreview(m_clip, target),
                 qPrintable(QString::number(target)));
        QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    }
    // Dragging scrubs through every frame under the mouse.
    QTest::mousePress(ruler, Qt::LeftButton, {}, QPoint(int(ruler->xOf(1)), 10));
    QTest::mouseMove(ruler, QPoint(int(ruler->xOf(5)), 10));
    QCOMPARE(w.playback()->frame(), 5);
    QTest::mouseRelease(ruler, Qt::LeftButton, {}, QPoint(int(ruler->xOf(5)), 10));
    waitIdle(w);
    QVERIFY(w.viewer()->originalImage() == decodedPreview(m_clip, 5));
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("timecodeLabel"))->text() == QStringLiteral("00:00:00:05"));
}

void TestUiViewer::arrowsHomeAndEndStepThroughFrames()
{
    RecordingWindow w;
    open(w, m_clip);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.viewer()->setFocus();
    QTest::keyClick(w.viewer(), Qt::Key_Right);
    QTest::keyClick(w.viewer(), Qt::Key_Right);
    QCOMPARE(w.playback()->frame(), 2);
    QTest::keyClick(w.viewer(), Qt::Key_Left);
    QCOMPARE(w.playback()->frame(), 1);
    waitIdle(w);
    QVERIFY(w.viewer()->originalImage() == decodedPreview(m_clip, 1));
    QTest::keyClick(w.viewer(), Qt::Key_End);
    QCOMPARE(w.playback()->frame(), 11);
    waitIdle(w);
    QVERIFY(w.viewer()->originalImage() == decodedPreview(m_clip, 11));
    QTest::keyClick(w.viewer(), Qt::Key_Right); // stays on the last frame
    QCOMPARE(w.playback()->frame(), 11);
    QTest::keyClick(w.viewer(), Qt::Key_Home);
    QCOMPARE(w.playback()->frame(), 0);
    // A focused slider keeps its arrow keys: they change the grade, not the frame.
    QSlider* tint = slider(w, QStringLiteral("tint"));
    tint->setFocus();
    QTest::keyClick(tint, Qt::Key_Right);
    QCOMPARE(w.playback()->frame(), 0);
    QCOMPARE(w.session()->currentGrade().tint, 0.5);
    waitIdle(w);
}

void TestUiViewer::playbackRunsAtTheClipsRateWithoutBlocking()
{
    const QString longer = m_dir.filePath(QStringLiteral("longer.mp4"));
    QVERIFY(makeClip(longer, 25, 320, 180, 25));
    RecordingWindow w;
    open(w, longer);
    setControl(w, QStringLiteral("saturation"), 1.4);
    waitIdle(w);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.viewer()->setFocus();

    // A 5 ms heartbeat on the GUI thread: the longest gap shows whether anything blocked it.
    QElapsedTimer beat;
    qint64 longestGap = 0;
    QTimer heart;
    heart.setInterval(5);
    QObject::connect(&heart, &QTimer::timeout, [&] { longestGap = std::max(longestGap, beat.restart()); });
    QElapsedTimer clock;
    clock.start();
    beat.start();
    heart.start();
    QTest::keyClick(w.viewer(), Qt::Key_Space);
    QVERIFY(w.playback()->isPlaying());
    QTest::qWait(400);
    const qint64 atHalf = w.playback()->frame();
    const double expected = clock.elapsed() / 1000.0 * 25.0;
    // The wall clock drives the playhead: it is where the clip's rate says, give or take a few frames.
    QVERIFY2(std::abs(double(atHalf) - expected) <= 4.0,
             qPrintable(QStringLiteral("frame %1, expected %2").arg(atHalf).arg(expected)));
    QTRY_VERIFY_WITH_TIMEOUT(!w.playback()->isPlaying(), 3000);
    heart.stop();
    QCOMPARE(w.playback()->frame(), 24); // stops on the last frame
    QVERIFY2(w.playbackFramesShown() >= 12, qPrintable(QString::number(w.playbackFramesShown())));
    // Coarse (a busy 2-core machine can delay any thread for a while), but a GUI thread that waited
    // for decoding or rendering would show here as gaps of whole frames, repeatedly.
    QVERIFY2(longestGap < 300, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(longestGap)));
    waitIdle(w);
    QVERIFY(w.viewer()->originalImage() == decodedPreview(longer, 24));
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiViewer::jklShuttleChangesSpeedAndDirection()
{
    RecordingWindow w;
    open(w, m_clip);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.viewer()->setFocus();
    QTest::keyClick(w.viewer(), Qt::Key_L);
    QCOMPARE(w.playback()->speed(), 1.0);
    QTest::keyClick(w.viewer(), Qt::Key_L);
    QCOMPARE(w.playback()->speed(), 2.0);
    QTest::keyClick(w.viewer(), Qt::Key_L);
    QCOMPARE(w.playback()->speed(), 4.0);
    QTest::keyClick(w.viewer(), Qt::Key_K);
    QCOMPARE(w.playback()->speed(), 0.0);
    QTest::keyClick(w.viewer(), Qt::Key_End);
    QTest::keyClick(w.viewer(), Qt::Key_J);
    QCOMPARE(w.playback()->speed(), -1.0);
    QTest::keyClick(w.viewer(), Qt::Key_J);
    QCOMPARE(w.playback()->speed(), -2.0);
    QTRY_VERIFY_WITH_TIMEOUT(w.playback()->frame() < 11, 2000);
    QTest::keyClick(w.viewer(), Qt::Key_K);
    QVERIFY(!w.playback()->isPlaying());
    waitIdle(w);
}

void TestUiViewer::zoomTo100PercentShowsFullResolutionPixels()
{
    const QString big = m_dir.filePath(QStringLiteral("big.mp4"));
    QVERIFY(makeClip(big, 2, 1600, 900, 25));
    RecordingWindow w;
    w.resize(1400, 900);
    open(w, big);
    // Fitted, the viewer grades a preview no wider than the picture is shown.
    const int fitted = w.viewer()->originalImage().width();
    QCOMPARE(fitted, w.previewWidth());
    QVERIFY(fitted < 1600 && fitted >= w.viewer()->pictureRect().width());
    QVERIFY(w.viewer()->originalImage() == decodedPreview(big, 0, fitted));
    w.findChild<QAction*>(QStringLiteral("zoom100Action"))->trigger();
    QVERIFY(!w.viewer()->isFitted());
    QCOMPARE(w.viewer()->displayScale(), 1.0);
    waitIdle(w);
    // At 100 % every source pixel is shown: the frame is rendered at full resolution.
    QCOMPARE(w.viewer()->originalImage().width(), 1600);
    QVERIFY(w.viewer()->originalImage() == decodedPreview(big, 0, 1600));
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QCOMPARE(w.viewer()->pictureRect().width(), 1600);

    // The middle button pans.
    const QPointF before = w.viewer()->pan();
    const QPoint c = w.viewer()->rect().center();
    QTest::mousePress(w.viewer(), Qt::MiddleButton, {}, c);
    QTest::mouseMove(w.viewer(), c + QPoint(60, 30));
    QTest::mouseRelease(w.viewer(), Qt::MiddleButton, {}, c + QPoint(60, 30));
    QCOMPARE(w.viewer()->pan() - before, QPointF(60, 30));

    w.findChild<QAction*>(QStringLiteral("zoomFitAction"))->trigger();
    QVERIFY(w.viewer()->isFitted());
    waitIdle(w);
    QCOMPARE(w.viewer()->originalImage().width(), fitted);
}

void TestUiViewer::displayTransformIsChosenAndShown()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("exposure"), 0.5);
    waitIdle(w);
    const Image rec709 = w.viewer()->gradedImage();
    QVERIFY(!w.session()->pipeline());

    auto* box = w.transportBar()->displayViewBox();
    const int srgb = box->findText(QStringLiteral("sRGB / Standard"));
    QVERIFY2(srgb >= 0, qPrintable(QStringLiteral("no sRGB among %1").arg(box->count())));
    box->setCurrentIndex(srgb);
    emit box->activated(srgb);
    waitIdle(w);
    QCOMPARE(w.session()->project().color.display, QStringLiteral("sRGB"));
    QVERIFY(w.session()->pipeline());
    QVERIFY(!(w.viewer()->gradedImage() == rec709));
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY2(w.findChild<QLabel*>(QStringLiteral("colorSpaceLabel"))->text().contains(QStringLiteral("sRGB")),
             qPrintable(w.findChild<QLabel*>(QStringLiteral("colorSpaceLabel"))->text()));
    // One undo step back to the default display.
    w.session()->undoStack()->undo();
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == rec709);
}

QTEST_MAIN(TestUiViewer)
#include "tst_ui_viewer.moc"
