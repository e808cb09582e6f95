// The main window driven through its real widgets, offscreen: what the viewer shows is the compiled
// grade of the preview, undo, before/after, scopes, project round trip, errors, export, translation,
// and screenshots for review.

#include "CompiledGrade.h"
#include "CubeFile.h"
#include "DarkTheme.h"
#include "GradePanel.h"
#include "ImageConversion.h"
#include "MainWindow.h"
#include "ParameterControl.h"
#include "Project.h"
#include "ProjectSession.h"
#include "ScopesPanel.h"
#include "StillImage.h"
#include "Translations.h"
#include "Viewer.h"
#include "WaveformScope.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace cg;

namespace {

/// The window with its modal pieces replaced by recorders, so no test ever blocks on a dialog.
class RecordingWindow : public MainWindow
{
public:
    QStringList errorDialogs;

protected:
    void showErrorDialog(const QString& title, const QString& message) override
    {
        errorDialogs << title + QStringLiteral(": ") + message;
    }
    bool confirmDiscardChanges() override { return true; }
};

/// A test picture with ramps and saturated patches: every grade control changes some of its pixels.
QImage rampImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor(x * 255 / (width - 1), y * 255 / (height - 1), 96));
    QPainter p(&image);
    const QColor patches[] = {Qt::red, Qt::green, Qt::blue, Qt::white, Qt::black, QColor(200, 150, 120)};
    for (int i = 0; i < 6; ++i)
        p.fillRect(QRect(10 + i * (width - 20) / 6, height / 3, (width - 20) / 6 - 4, height / 3),
                   patches[i]);
    return image;
}

/// A synthetic landscape for the screenshots: a slightly cool, underexposed scene, as it might come
/// out of a camera before grading.
QImage landscapeImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, height * 0.62);
    sky.setColorAt(0.0, QColor(38, 62, 104));
    sky.setColorAt(0.7, QColor(120, 140, 160));
    sky.setColorAt(1.0, QColor(178, 160, 140));
    p.fillRect(image.rect(), sky);
    QRadialGradient sun(width * 0.7, height * 0.45, height * 0.22);
    sun.setColorAt(0.0, QColor(250, 236, 200));
    sun.setColorAt(0.25, QColor(230, 190, 140, 200));
    sun.setColorAt(1.0, QColor(200, 150, 120, 0));
    p.fillRect(image.rect(), sun);
    const auto hill = [&](double base, double amplitude, double frequency, double phase, QColor color) {
        QPainterPath path;
        path.moveTo(0, height);
        for (int x = 0; x <= width; x += 8)
            path.lineTo(x, height * base + amplitude * height *
                                               std::sin(frequency * x / width * 6.283 + phase) *
                                               std::cos(0.7 * frequency * x / width * 6.283));
        path.lineTo(width, height);
        path.closeSubpath();
        p.fillPath(path, color);
    };
    hill(0.62, 0.05, 1.3, 0.4, QColor(70, 84, 92));
    hill(0.72, 0.06, 2.1, 1.9, QColor(46, 74, 52));
    hill(0.84, 0.04, 3.2, 0.7, QColor(30, 52, 34));
    // A row of patches along the bottom, like a chart held into the shot.
    const QColor chart[] = {QColor(115, 82, 68),  QColor(194, 150, 130), QColor(98, 122, 157),
                            QColor(87, 108, 67),  QColor(133, 128, 177), QColor(103, 189, 170),
                            QColor(214, 126, 44), QColor(80, 91, 166),   QColor(193, 90, 99),
                            QColor(94, 60, 108),  QColor(157, 188, 64),  QColor(224, 163, 46)};
    const int patch = width / 30;
    for (int i = 0; i < 12; ++i)
        p.fillRect(QRect(width / 2 - 6 * (patch + 4) + i * (patch + 4), height - patch * 2, patch, patch),
                   chart[i].darker(125));
    p.end();
    // Sensor-like noise (fixed seed), so that levels spread as in a photograph rather than in combs.
    QRandomGenerator noise(20261122);
    for (int y = 0; y < height; ++y) {
        uchar* row = image.scanLine(y);
        for (int x = 0; x < width * 3; ++x)
            row[x] = uchar(std::clamp(int(row[x]) + int(noise.bounded(9)) - 4, 0, 255));
    }
    return image;
}

QImage flatImage(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(color);
    return image;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void viewerShowsCompiledGradeOfPreview();
    void keyboardOnSliderEditsGrade();
    void undoAndRedoRestorePixels();
    void oneDragOfOneControlIsOneUndoStep();
    void doubleClickResetsControl();
    void resetGradeRestoresOriginal();
    void splitViewShowsOriginalOnLeft();
    void sideBySideShowsBothPictures();
    void toggleKeySwitchesBeforeAndAfter();
    void scopesFollowGrade();
    void largeImagesArePreviewedDownscaled();
    void savedProjectReopensWithSameGrade();
    void corruptProjectShowsErrorAndKeepsProject();
    void unreadableImageShowsError();
    void badLutShowsErrorAndGoodLutApplies();
    void exportWritesFullResolutionGradedImage();
    void exportedCubeHoldsTheGrade();
    void dockLayoutIsRemembered();
    void shortcutsDialogListsRealBindings();
    void germanTranslationIsComplete();
    void screenshotsOfMainWindow();

private:
    QString writeImage(const QString& name, const QImage& image);
    void open(RecordingWindow& window, const QString& path);
    static void waitIdle(MainWindow& window);
    static Image expectedPreview(const MainWindow& window);
    static QSlider* slider(const MainWindow& window, const QString& key);

    QTemporaryDir m_dir;
    QString m_rampPath;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a throw-away location, never to the developer's own configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CinegradeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
    // The look the application runs with, so that the screenshots show the real thing.
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots")));
    m_rampPath = writeImage(QStringLiteral("ramp.png"), rampImage(320, 180));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::cleanup()
{
    QSettings().clear();
}

QString TestMainWindow::writeImage(const QString& name, const QImage& image)
{
    const QString path = m_dir.filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestMainWindow::waitIdle(MainWindow& window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.isProcessing(), 15000);
}

void TestMainWindow::open(RecordingWindow& window, const QString& path)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPath(path), qPrintable(window.lastError()));
    waitIdle(window);
    QVERIFY(window.viewer()->hasGraded());
}

Image TestMainWindow::expectedPreview(const MainWindow& window)
{
    const CompiledGrade compiled(window.session()->currentGrade());
    return compiled.applied(*window.session()->preview());
}

QSlider* TestMainWindow::slider(const MainWindow& window, const QString& key)
{
    ParameterControl* control = window.gradePanel()->control(key);
    return control ? control->slider() : nullptr;
}

void TestMainWindow::viewerShowsCompiledGradeOfPreview()
{
    RecordingWindow w;
    open(w, m_rampPath);
    // Untouched grade: the viewer shows the picture as it is.
    QVERIFY(w.viewer()->gradedImage() == *w.session()->preview());

    QSlider* exposure = w.findChild<QSlider*>(QStringLiteral("exposureSlider"));
    QVERIFY(exposure);
    auto* control = w.gradePanel()->control(QStringLiteral("exposure"));
    exposure->setValue(control->positionForValue(0.8));
    waitIdle(w);

    QCOMPARE(w.session()->currentGrade().exposure, 0.8);
    QCOMPARE(w.findChild<QDoubleSpinBox*>(QStringLiteral("exposureSpinBox"))->value(), 0.8);
    const Image expected = expectedPreview(w);
    QVERIFY(!(expected == *w.session()->preview()));
    QVERIFY(w.viewer()->gradedImage() == expected);
    QCOMPARE(w.viewer()->composedFrame(), ImageConversion::toQImage(expected));
    QVERIFY(w.isWindowModified());
}

void TestMainWindow::keyboardOnSliderEditsGrade()
{
    RecordingWindow w;
    open(w, m_rampPath);
    QSlider* saturation = slider(w, QStringLiteral("saturation"));
    saturation->setFocus();
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(saturation, Qt::Key_Right);
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().saturation, 1.05);
    QVERIFY(w.viewer()->gradedImage() == expectedPreview(w));
    // Ten quick key presses on one control are one undo step.
    QCOMPARE(w.session()->undoStack()->count(), 1);
}

void TestMainWindow::undoAndRedoRestorePixels()
{
    RecordingWindow w;
    open(w, m_rampPath);
    const Image before = w.viewer()->gradedImage();

    slider(w, QStringLiteral("exposure"))
        ->setValue(w.gradePanel()->control(QStringLiteral("exposure"))->positionForValue(1.0));
    waitIdle(w);
    const Image after = w.viewer()->gradedImage();
    QVERIFY(!(after == before));

    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_Z));
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().exposure, 0.0);
    QCOMPARE(slider(w, QStringLiteral("exposure"))->value(),
             w.gradePanel()->control(QStringLiteral("exposure"))->positionForValue(0.0));
    QVERIFY(w.viewer()->gradedImage() == before);
    QVERIFY(!w.isWindowModified());

    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().exposure, 1.0);
    QVERIFY(w.viewer()->gradedImage() == after);
}

void TestMainWindow::oneDragOfOneControlIsOneUndoStep()
{
    RecordingWindow w;
    open(w, m_rampPath);
    QSlider* gain = slider(w, QStringLiteral("gain"));
    QUndoStack* stack = w.session()->undoStack();

    const auto drag = [&](std::initializer_list<int> positions) {
        gain->setSliderDown(true); // emits sliderPressed, as a mouse press on the handle does
        for (int p : positions)
            gain->setValue(p);
        gain->setSliderDown(false);
    };
    const int start = gain->value();
    drag({start + 5, start + 10, start + 20, start + 30});
    QCOMPARE(stack->count(), 1);
    QCOMPARE(w.session()->currentGrade().gain.master, 1.3);
    drag({start + 40, start + 50});
    QCOMPARE(stack->count(), 2);

    stack->undo();
    QCOMPARE(w.session()->currentGrade().gain.master, 1.3);
    stack->undo();
    QCOMPARE(w.session()->currentGrade().gain.master, 1.0);

    // A drag that returns to where it started leaves no step behind.
    drag({start + 10, start});
    QCOMPARE(stack->count(), 0);
    waitIdle(w);
}

void TestMainWindow::doubleClickResetsControl()
{
    RecordingWindow w;
    open(w, m_rampPath);
    QSlider* contrast = slider(w, QStringLiteral("contrast"));
    contrast->setValue(contrast->value() + 60);
    QCOMPARE(w.session()->currentGrade().contrast, 1.3);
    QTest::mouseDClick(contrast, Qt::LeftButton);
    QCOMPARE(w.session()->currentGrade().contrast, 1.0);

    w.findChild<QSlider*>(QStringLiteral("pivotSlider"))->setValue(100);
    QTest::mouseDClick(w.findChild<QWidget*>(QStringLiteral("pivotLabel")), Qt::LeftButton);
    QCOMPARE(w.session()->currentGrade().pivot, 0.435);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedPreview(w));
}

void TestMainWindow::resetGradeRestoresOriginal()
{
    RecordingWindow w;
    open(w, m_rampPath);
    slider(w, QStringLiteral("lift"))->setValue(slider(w, QStringLiteral("lift"))->value() + 50);
    slider(w, QStringLiteral("tint"))->setValue(slider(w, QStringLiteral("tint"))->value() + 20);
    waitIdle(w);
    QVERIFY(!w.session()->currentGrade().isIdentity());
    w.findChild<QAction*>(QStringLiteral("resetGradeAction"))->trigger();
    waitIdle(w);
    QVERIFY(w.session()->currentGrade() == Grade{});
    QVERIFY(w.viewer()->gradedImage() == expectedPreview(w));
    w.session()->undoStack()->undo();
    QCOMPARE(w.session()->currentGrade().tint, 10.0);
}

void TestMainWindow::splitViewShowsOriginalOnLeft()
{
    const QString flat = writeImage(QStringLiteral("flat.png"), flatImage(400, 300, QColor(100, 100, 100)));
    RecordingWindow w;
    open(w, flat);
    slider(w, QStringLiteral("exposure"))
        ->setValue(w.gradePanel()->control(QStringLiteral("exposure"))->positionForValue(1.5));
    waitIdle(w);
    const QColor graded = ImageConversion::toQImage(w.viewer()->gradedImage()).pixelColor(0, 0);
    QVERIFY(graded.red() > 130);

    w.findChild<QAction*>(QStringLiteral("compareAction"))->trigger();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SplitWipe);
    QVERIFY(w.findChild<QAction*>(QStringLiteral("viewSplitAction"))->isChecked());

    // At image resolution: columns left of the wipe are the original, right of it the grade.
    const QImage frame = w.viewer()->composedFrame();
    QCOMPARE(frame.pixelColor(50, 150), QColor(100, 100, 100));
    QCOMPARE(frame.pixelColor(350, 150), graded);

    // On screen, after fitting to the widget.
    const QRect r = w.viewer()->pictureRect();
    QVERIFY(r.width() > 100);
    const QImage shown = w.viewer()->grab().toImage();
    const QColor left = shown.pixelColor(r.left() + r.width() / 4, r.center().y() + r.height() / 4);
    const QColor right = shown.pixelColor(r.left() + 3 * r.width() / 4, r.center().y() + r.height() / 4);
    QVERIFY2(std::abs(left.red() - 100) <= 1, qPrintable(left.name()));
    QVERIFY2(std::abs(right.red() - graded.red()) <= 1, qPrintable(right.name()));

    // Dragging the wipe to the right shows more of the original.
    QTest::mousePress(w.viewer(), Qt::LeftButton, {}, QPoint(r.left() + r.width() / 2, r.center().y()));
    QTest::mouseMove(w.viewer(), QPoint(r.left() + 9 * r.width() / 10, r.center().y()));
    QTest::mouseRelease(w.viewer(), Qt::LeftButton, {},
                        QPoint(r.left() + 9 * r.width() / 10, r.center().y()));
    QVERIFY(std::abs(w.viewer()->wipePosition() - 0.9) < 0.02);
    QCOMPARE(w.viewer()->composedFrame().pixelColor(340, 150), QColor(100, 100, 100));
}

void TestMainWindow::sideBySideShowsBothPictures()
{
    RecordingWindow w;
    open(w, m_rampPath);
    slider(w, QStringLiteral("saturation"))->setValue(0);
    waitIdle(w);
    w.findChild<QAction*>(QStringLiteral("viewSideBySideAction"))->trigger();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SideBySide);
    const QImage frame = w.viewer()->composedFrame();
    QCOMPARE(frame.size(), QSize(640, 180));
    QCOMPARE(frame.copy(0, 0, 320, 180), ImageConversion::toQImage(*w.session()->preview()));
    QCOMPARE(frame.copy(320, 0, 320, 180), ImageConversion::toQImage(expectedPreview(w)));
    QVERIFY(w.viewer()->secondPictureRect().left() >= w.viewer()->pictureRect().right());
}

void TestMainWindow::toggleKeySwitchesBeforeAndAfter()
{
    RecordingWindow w;
    open(w, m_rampPath);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.viewer()->setFocus();
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Graded);
    QTest::keyClick(w.viewer(), Qt::Key_Backslash);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Original);
    QCOMPARE(w.viewer()->composedFrame(), ImageConversion::toQImage(*w.session()->preview()));
    QTest::keyClick(w.viewer(), Qt::Key_B);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Graded);

    // From a comparison mode the toggle comes back to that mode.
    w.viewer()->setMode(Viewer::Mode::SplitWipe);
    QTest::keyClick(w.viewer(), Qt::Key_B);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::Original);
    QTest::keyClick(w.viewer(), Qt::Key_Backslash);
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SplitWipe);
}

void TestMainWindow::scopesFollowGrade()
{
    RecordingWindow w;
    open(w, m_rampPath);
    QVERIFY(w.scopesPanel()->hasData());
    const ScopeData first = w.scopesPanel()->scopeData();
    // The scopes analyse exactly what the viewer shows.
    QVERIFY(first.lumaHistogram == computeScopes(w.viewer()->gradedImage()).lumaHistogram);
    const double meanBefore = ScopesPanel::meanLuma(first);

    slider(w, QStringLiteral("exposure"))
        ->setValue(w.gradePanel()->control(QStringLiteral("exposure"))->positionForValue(1.0));
    waitIdle(w);
    const ScopeData second = w.scopesPanel()->scopeData();
    QVERIFY(second.rgbHistogram == computeScopes(w.viewer()->gradedImage()).rgbHistogram);
    const double meanAfter = ScopesPanel::meanLuma(second);
    QVERIFY2(meanAfter > meanBefore + 0.05,
             qPrintable(QStringLiteral("%1 -> %2").arg(meanBefore).arg(meanAfter)));
    QVERIFY(second.waveformColumns > 0);
    QCOMPARE(w.scopesPanel()->waveform()->colorMap()->data()->keySize(), second.waveformColumns);
}

void TestMainWindow::largeImagesArePreviewedDownscaled()
{
    const QString big = writeImage(QStringLiteral("big.png"), rampImage(2000, 1000));
    RecordingWindow w;
    open(w, big);
    QCOMPARE(w.session()->source()->width(), 2000);
    QCOMPARE(w.session()->preview()->width(), 1280);
    QCOMPARE(w.session()->preview()->height(), 640);
    QCOMPARE(w.viewer()->gradedImage().width(), 1280);
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("sizeLabel"))->text(), QStringLiteral("2000 × 1000"));
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("depthLabel"))->text(), QStringLiteral("8-bit"));
}

void TestMainWindow::savedProjectReopensWithSameGrade()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("grade.cgproj"));
    Grade saved;
    {
        RecordingWindow w;
        open(w, m_rampPath);
        slider(w, QStringLiteral("exposure"))->setValue(slider(w, QStringLiteral("exposure"))->value() + 37);
        slider(w, QStringLiteral("temperature"))
            ->setValue(slider(w, QStringLiteral("temperature"))->value() - 24);
        slider(w, QStringLiteral("gamma"))->setValue(slider(w, QStringLiteral("gamma"))->value() + 15);
        waitIdle(w);
        saved = w.session()->currentGrade();
        QVERIFY(!saved.isIdentity());
        QVERIFY(w.isWindowModified());
        QVERIFY2(w.saveProjectTo(projectPath), qPrintable(w.lastError()));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("grade")));
    }
    RecordingWindow w;
    open(w, projectPath);
    QVERIFY(w.session()->currentGrade() == saved);
    QCOMPARE(w.session()->projectPath(), QFileInfo(projectPath).absoluteFilePath());
    QCOMPARE(w.findChild<QDoubleSpinBox*>(QStringLiteral("temperatureSpinBox"))->value(), saved.temperature);
    QVERIFY(w.viewer()->gradedImage() == expectedPreview(w));
    QVERIFY(w.errorDialogs.isEmpty());
}

void TestMainWindow::corruptProjectShowsErrorAndKeepsProject()
{
    const QString bad = m_dir.filePath(QStringLiteral("broken.cgproj"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"cinegrade-project\", \"version\": 1, \"clips\": [ {\"mediaPath\": 5");
    }
    RecordingWindow w;
    open(w, m_rampPath);
    slider(w, QStringLiteral("exposure"))->setValue(slider(w, QStringLiteral("exposure"))->value() + 50);
    waitIdle(w);
    const Project before = w.session()->project();
    const Image shown = w.viewer()->gradedImage();
    const int steps = w.session()->undoStack()->count();

    QVERIFY(!w.openPath(bad));
    QCOMPARE(w.errorDialogs.size(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("broken.cgproj")), qPrintable(w.lastError()));
    QVERIFY(w.session()->project() == before);
    QCOMPARE(w.session()->undoStack()->count(), steps);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == shown);

    // A project whose media is gone is refused the same way.
    Project orphan;
    Clip clip;
    clip.mediaPath = m_dir.filePath(QStringLiteral("does-not-exist.png"));
    orphan.clips.push_back(clip);
    const QString orphanPath = m_dir.filePath(QStringLiteral("orphan.cgproj"));
    ProjectFile::write(orphanPath, orphan);
    QVERIFY(!w.openPath(orphanPath));
    QCOMPARE(w.errorDialogs.size(), 2);
    QVERIFY(w.session()->project() == before);
}

void TestMainWindow::unreadableImageShowsError()
{
    const QString fake = m_dir.filePath(QStringLiteral("not-an-image.png"));
    {
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not a PNG");
    }
    RecordingWindow w;
    open(w, m_rampPath);
    QVERIFY(!w.openPath(fake));
    QCOMPARE(w.errorDialogs.size(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("not-an-image.png")), qPrintable(w.lastError()));
    QCOMPARE(w.session()->currentClip().mediaPath, QFileInfo(m_rampPath).absoluteFilePath());
}

void TestMainWindow::badLutShowsErrorAndGoodLutApplies()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.cube"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("LUT_3D_SIZE 2\n0 0 0\n1 0\n");
    }
    // A look that swaps red and blue: impossible to miss.
    const QString swap = m_dir.filePath(QStringLiteral("swap.cube"));
    {
        QFile f(swap);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray text = "TITLE \"swap\"\nLUT_3D_SIZE 2\n";
        for (int b = 0; b < 2; ++b)
            for (int g = 0; g < 2; ++g)
                for (int r = 0; r < 2; ++r)
                    text += QByteArray::number(b) + ' ' + QByteArray::number(g) + ' ' +
                            QByteArray::number(r) + '\n';
        f.write(text);
    }
    RecordingWindow w;
    open(w, m_rampPath);
    QVERIFY(!w.loadLook(bad));
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.cube")), qPrintable(w.lastError()));
    QVERIFY(w.session()->currentGrade().look.isEmpty());

    QVERIFY2(w.loadLook(swap), qPrintable(w.lastError()));
    waitIdle(w);
    QVERIFY(!w.session()->currentGrade().look.isEmpty());
    const Image shown = w.viewer()->gradedImage();
    QVERIFY(shown == expectedPreview(w));
    const Image& original = *w.session()->preview();
    QVERIFY(std::abs(shown.sample(300, 10, 2) - original.sample(300, 10, 0)) < 0.01);
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("lookName"))->text(), QStringLiteral("swap.cube"));
}

void TestMainWindow::exportWritesFullResolutionGradedImage()
{
    const QString big = writeImage(QStringLiteral("export-source.png"), rampImage(1600, 400));
    RecordingWindow w;
    open(w, big);
    slider(w, QStringLiteral("saturation"))->setValue(slider(w, QStringLiteral("saturation"))->value() + 80);
    slider(w, QStringLiteral("offset"))->setValue(slider(w, QStringLiteral("offset"))->value() + 30);
    waitIdle(w);

    const QString out = m_dir.filePath(QStringLiteral("graded.tif"));
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    w.exportGradedImage(out);
    QVERIFY(finished.wait(20000) || finished.count() == 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    const Image written = StillImage::read(out);
    const Image expected = CompiledGrade(w.session()->currentGrade(), CompiledGrade::kExportSize)
                               .applied(*w.session()->source());
    QCOMPARE(written.width(), 1600);
    QVERIFY(written == expected);

    // The source is never overwritten.
    QSignalSpy refused(&w, &MainWindow::exportFinished);
    w.exportGradedImage(big);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(1).toBool(), false);
    QCOMPARE(w.errorDialogs.size(), 1);
}

void TestMainWindow::exportedCubeHoldsTheGrade()
{
    RecordingWindow w;
    open(w, m_rampPath);
    slider(w, QStringLiteral("gain"))->setValue(slider(w, QStringLiteral("gain"))->value() + 25);
    const QString path = m_dir.filePath(QStringLiteral("grade.cube"));
    QVERIFY2(w.exportGradeCube(path), qPrintable(w.lastError()));
    const CubeLut cube = CubeFile::read(path);
    QVERIFY(cube.lut3d.has_value());
    QCOMPARE(cube.lut3d->size, CompiledGrade::kDefaultSize);
    const CompiledGrade compiled(w.session()->currentGrade());
    const Rgb grey{0.5, 0.5, 0.5};
    QVERIFY(std::abs(cube.apply(grey).g - compiled.apply(grey).g) < 1e-3);
    QVERIFY(cube.apply(grey).g > 0.55);
    waitIdle(w);
}

void TestMainWindow::dockLayoutIsRemembered()
{
    {
        RecordingWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* scopes = w.findChild<QDockWidget*>(QStringLiteral("scopesDock"));
        QVERIFY(scopes && scopes->isVisible());
        scopes->hide();
        w.viewer()->setMode(Viewer::Mode::SideBySide);
        w.close(); // saves the settings
    }
    RecordingWindow w;
    w.restoreSettings();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.findChild<QDockWidget*>(QStringLiteral("scopesDock"))->isVisible());
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("gradeDock"))->isVisible());
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SideBySide);
}

void TestMainWindow::shortcutsDialogListsRealBindings()
{
    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList rows;
    QTimer::singleShot(0, &w, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto* tree = dialog->findChild<QTreeWidget*>();
        QVERIFY(tree);
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            rows << (*it)->text(0) + QLatin1Char('=') + (*it)->text(1);
        dialog->grab().save(QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots/shortcuts_dialog.png"));
        dialog->close();
    });
    w.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
    QVERIFY2(rows.contains(QStringLiteral("Undo=Ctrl+Z")), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(rows.contains(QStringLiteral("Redo=Ctrl+Shift+Z, Ctrl+Y")));
    QVERIFY(rows.contains(QStringLiteral("Quit=Ctrl+Q")));
    QVERIFY(rows.contains(QStringLiteral("Toggle Before/After=\\, B")));
}

void TestMainWindow::germanTranslationIsComplete()
{
    QVERIFY(Translations::available().contains(QStringLiteral("de")));
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/cinegrade_de.qm")));
    QCOMPARE(german.translate("cg::MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(german.translate("cg::GradePanel", "Exposure"), QStringLiteral("Belichtung"));

    // Every message of the catalogue is translated (lupdate marks new or changed ones unfinished).
    QFile ts(QStringLiteral(CINEGRADE_SOURCE_DIR "/translations/cinegrade_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message") > 100);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
    QCOMPARE(text.count("<translation></translation>"), 0);

    // Installed, the window speaks German.
    QVERIFY(QCoreApplication::installTranslator(&german));
    {
        RecordingWindow w;
        QCOMPARE(w.findChild<QDockWidget*>(QStringLiteral("gradeDock"))->windowTitle(),
                 QStringLiteral("Korrektur"));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("openAction"))->text(),
                 german.translate("cg::MainWindow", "&Open Image or Project…"));
    }
    QCoreApplication::removeTranslator(&german);
}

void TestMainWindow::screenshotsOfMainWindow()
{
    const QString scene = writeImage(QStringLiteral("landscape.png"), landscapeImage(1920, 1080));
    RecordingWindow w;
    w.resize(1600, 960);
    open(w, scene);
    const auto set = [&](const QString& key, double value) {
        auto* control = w.gradePanel()->control(key);
        control->slider()->setValue(control->positionForValue(value));
    };
    set(QStringLiteral("exposure"), 0.45);
    set(QStringLiteral("temperature"), 18.0);
    set(QStringLiteral("contrast"), 1.12);
    set(QStringLiteral("saturation"), 1.15);
    set(QStringLiteral("lift"), -0.02);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedPreview(w));

    const QDir out(QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots"));
    const struct
    {
        Viewer::Mode mode;
        const char* file;
    } shots[] = {{Viewer::Mode::Graded, "main_window.png"},
                 {Viewer::Mode::SplitWipe, "main_window_split.png"},
                 {Viewer::Mode::SideBySide, "main_window_side_by_side.png"}};
    for (const auto& shot : shots) {
        w.viewer()->setMode(shot.mode);
        QCoreApplication::processEvents();
        const QImage image = w.grab().toImage();
        QCOMPARE(image.size(), w.size());
        const QString path = out.filePath(QString::fromLatin1(shot.file));
        QVERIFY(image.save(path));
        QVERIFY(QFileInfo(path).size() > 20000);
        qInfo("screenshot: %s", qPrintable(path));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
