// The grading controls through their real widgets: colour wheels (puck and master), sliders,
// curves, reset, undo merging, copy/paste between clips, look LUT, ASC CDL, .cube export and the
// clip's input colour space; after each, the viewer shows exactly the core's render.

#include "UiTestSupport.h"

#include "CdlFile.h"
#include "ColorWheel.h"
#include "CubeFile.h"
#include "CurvesEditor.h"
#include "DarkTheme.h"
#include "TimelinePanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cmath>

using namespace cg;
using namespace uitest;

namespace {

double luma(const Rgb& c)
{
    return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestUiGradePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void liftWheelDragPushesTheColourAndKeepsLuma();
    void oneWheelDragIsOneUndoStepAndUndoRestoresPixels();
    void gainWheelMultipliesBalanceByMaster();
    void doubleClickOnAWheelResetsItsBalance();
    void wheelDragKeepsWhatIsNotBalance();
    void keyboardOnSliderEditsGrade();
    void oneDragOfOneSliderIsOneUndoStep();
    void doubleClickResetsControl();
    void curvesClickAddsDragMovesAndDeleteRemoves();
    void curvesChannelsEditTheirOwnCurve();
    void resetGradeRestoresOriginal();
    void copyAndPasteGradeBetweenClips();
    void badLutShowsErrorAndGoodLutApplies();
    void cdlImportsAndExportsPrimaries();
    void exportedCubeHoldsTheGrade();
    void inputColourSpaceChangesThePicture();

private:
    void open(RecordingWindow& window, const QStringList& paths);
    static void dragWheel(ColorWheel* wheel, QPoint delta);

    QTemporaryDir m_dir;
    QString m_clip;
    QString m_second;
};

void TestUiGradePanel::initTestCase()
{
    isolateSettings("tst_ui_grade_panel");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("a.mp4"));
    m_second = m_dir.filePath(QStringLiteral("b.mp4"));
    QVERIFY(makeClip(m_clip, 4, 320, 180, 25));
    QVERIFY(makeClip(m_second, 4, 320, 180, 25, QStringLiteral("smptebars")));
}

void TestUiGradePanel::init()
{
    QSettings().clear();
}

void TestUiGradePanel::open(RecordingWindow& window, const QStringList& paths)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPaths(paths), qPrintable(window.lastError()));
    waitIdle(window);
    QVERIFY(window.viewer()->hasGraded());
}

void TestUiGradePanel::dragWheel(ColorWheel* wheel, QPoint delta)
{
    QWidget* disc = wheel->disc();
    const QPoint c = disc->rect().center();
    QTest::mousePress(disc, Qt::LeftButton, {}, c);
    // In steps, as a hand moves.
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(disc, c + delta * i / 4);
    QTest::mouseRelease(disc, Qt::LeftButton, {}, c + delta);
}

void TestUiGradePanel::liftWheelDragPushesTheColourAndKeepsLuma()
{
    RecordingWindow w;
    open(w, {m_clip});
    ColorWheel* lift = w.gradePanel()->wheel(QStringLiteral("lift"));
    QVERIFY(lift && lift->disc()->isVisible());
    // Right is +Cb on a vectorscope: towards blue.
    dragWheel(lift, QPoint(40, 0));
    waitIdle(w);
    const Rgb rgb = w.session()->currentGrade().lift.rgb;
    QVERIFY2(rgb.b > 0.01 && rgb.g < 0.0 && std::abs(rgb.r) < 1e-12,
             qPrintable(QStringLiteral("%1 %2 %3").arg(rgb.r).arg(rgb.g).arg(rgb.b)));
    QVERIFY(std::abs(luma(rgb)) < 1e-9); // a balance, not a brightness change
    QCOMPARE(w.session()->currentGrade().lift.master, 0.0);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY(!(w.viewer()->gradedImage() == w.viewer()->originalImage()));
    // Up is +Cr: towards red.
    dragWheel(lift, QPoint(0, -60));
    waitIdle(w);
    QVERIFY(w.session()->currentGrade().lift.rgb.r > 0.0);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY(lift->findChild<QLabel*>(QStringLiteral("liftReadout"))->text().contains(QStringLiteral("0.0")));
}

void TestUiGradePanel::oneWheelDragIsOneUndoStepAndUndoRestoresPixels()
{
    RecordingWindow w;
    open(w, {m_clip});
    const Image before = w.viewer()->gradedImage();
    dragWheel(w.gradePanel()->wheel(QStringLiteral("gamma")), QPoint(-30, 25));
    waitIdle(w);
    QCOMPARE(w.session()->undoStack()->count(), 1);
    QVERIFY(!(w.viewer()->gradedImage() == before));
    dragWheel(w.gradePanel()->wheel(QStringLiteral("gamma")), QPoint(10, 0));
    QCOMPARE(w.session()->undoStack()->count(), 2);
    w.session()->undoStack()->undo();
    w.session()->undoStack()->undo();
    waitIdle(w);
    QVERIFY(w.session()->currentGrade() == Grade{});
    QVERIFY(w.viewer()->gradedImage() == before);
}

void TestUiGradePanel::gainWheelMultipliesBalanceByMaster()
{
    RecordingWindow w;
    open(w, {m_clip});
    setControl(w, QStringLiteral("gain"), 1.2);
    dragWheel(w.gradePanel()->wheel(QStringLiteral("gain")), QPoint(0, -50));
    waitIdle(w);
    const Grade g = w.session()->currentGrade();
    QCOMPARE(g.gain.master, 1.2);
    QVERIFY(g.gain.rgb.r > 1.0 && g.gain.rgb.g < 1.0);
    QVERIFY(std::abs(luma(g.gain.rgb - Rgb{1, 1, 1})) < 1e-9);
    QCOMPARE(g.effectiveGain().r, g.gain.rgb.r * 1.2);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiGradePanel::doubleClickOnAWheelResetsItsBalance()
{
    RecordingWindow w;
    open(w, {m_clip});
    setControl(w, QStringLiteral("offset"), 0.05);
    dragWheel(w.gradePanel()->wheel(QStringLiteral("offset")), QPoint(30, 30));
    QVERIFY(!(w.session()->currentGrade().offset.rgb == Rgb{}));
    QTest::mouseDClick(w.gradePanel()->wheel(QStringLiteral("offset"))->disc(), Qt::LeftButton);
    QVERIFY(w.session()->currentGrade().offset.rgb == Rgb{});
    QCOMPARE(w.session()->currentGrade().offset.master, 0.05); // the master stays
    // The wheel's reset button resets all of it.
    w.findChild<QAbstractButton*>(QStringLiteral("offsetResetButton"))->click();
    QVERIFY(w.session()->currentGrade().offset == Wheel{});
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiGradePanel::wheelDragKeepsWhatIsNotBalance()
{
    RecordingWindow w;
    open(w, {m_clip});
    // A lift with a common part (as a CDL import can give): +0.04 on every channel plus some red.
    Grade g;
    g.lift.rgb = {0.07, 0.04, 0.04};
    w.session()->editGrade(g, QStringLiteral("set"));
    const double common = luma(g.lift.rgb);
    dragWheel(w.gradePanel()->wheel(QStringLiteral("lift")), QPoint(25, 0));
    const Rgb after = w.session()->currentGrade().lift.rgb;
    QVERIFY(std::abs(luma(after) - common) < 1e-9);
    QVERIFY(after.b > g.lift.rgb.b);
    waitIdle(w);
}

void TestUiGradePanel::keyboardOnSliderEditsGrade()
{
    RecordingWindow w;
    open(w, {m_clip});
    QSlider* saturation = slider(w, QStringLiteral("saturation"));
    saturation->setFocus();
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(saturation, Qt::Key_Right);
    waitIdle(w);
    QCOMPARE(w.session()->currentGrade().saturation, 1.05);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    // Ten quick key presses on one control are one undo step.
    QCOMPARE(w.session()->undoStack()->count(), 1);
}

void TestUiGradePanel::oneDragOfOneSliderIsOneUndoStep()
{
    RecordingWindow w;
    open(w, {m_clip});
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

void TestUiGradePanel::doubleClickResetsControl()
{
    RecordingWindow w;
    open(w, {m_clip});
    QSlider* contrast = slider(w, QStringLiteral("contrast"));
    contrast->setValue(contrast->value() + 60);
    QCOMPARE(w.session()->currentGrade().contrast, 1.3);
    QTest::mouseDClick(contrast, Qt::LeftButton);
    QCOMPARE(w.session()->currentGrade().contrast, 1.0);
    w.findChild<QSlider*>(QStringLiteral("pivotSlider"))->setValue(100);
    QTest::mouseDClick(w.findChild<QWidget*>(QStringLiteral("pivotLabel")), Qt::LeftButton);
    QCOMPARE(w.session()->currentGrade().pivot, 0.435);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiGradePanel::curvesClickAddsDragMovesAndDeleteRemoves()
{
    RecordingWindow w;
    open(w, {m_clip});
    CurvesEditor* curves = w.curvesEditor();
    QWidget* plot = curves->plot();
    QVERIFY(plot->isVisible());
    // A click on the curve adds a point on it: nothing changes until it is dragged.
    const QPoint onCurve = curves->toWidget({0.5, 0.5}).toPoint();
    QTest::mousePress(plot, Qt::LeftButton, {}, onCurve);
    QCOMPARE(curves->curves().master.size(), size_t(3));
    // Dragging it up brightens the midtones.
    const QPoint higher = curves->toWidget({0.5, 0.7}).toPoint();
    QTest::mouseMove(plot, (onCurve + higher) / 2);
    QTest::mouseMove(plot, higher);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, higher);
    const std::vector<CurvePoint> master = w.session()->currentGrade().curves.master;
    QCOMPARE(master.size(), size_t(3));
    QVERIFY(std::abs(master[1].x - 0.5) < 0.01);
    QVERIFY2(std::abs(master[1].y - 0.7) < 0.01, qPrintable(QString::number(master[1].y)));
    QCOMPARE(w.session()->undoStack()->count(), 1); // add + drag: one step
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY(!(w.viewer()->gradedImage() == w.viewer()->originalImage()));

    // Delete removes the selected point, and the curve is the identity again.
    QTest::keyClick(plot, Qt::Key_Delete);
    QVERIFY(w.session()->currentGrade().curves.master.empty());
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == w.viewer()->originalImage());
    w.session()->undoStack()->undo();
    QCOMPARE(w.session()->currentGrade().curves.master.size(), size_t(3));

    // A right-click removes a point too; a double-click resets the curve.
    QTest::mouseClick(plot, Qt::RightButton, {}, curves->toWidget({master[1].x, master[1].y}).toPoint());
    QVERIFY(w.session()->currentGrade().curves.master.empty());
    QTest::mouseClick(plot, Qt::LeftButton, {}, curves->toWidget({0.25, 0.25}).toPoint());
    QTest::mouseClick(plot, Qt::LeftButton, {}, curves->toWidget({0.75, 0.9}).toPoint());
    QCOMPARE(w.session()->currentGrade().curves.master.size(), size_t(4));
    QTest::mouseDClick(plot, Qt::LeftButton, {}, curves->toWidget({0.6, 0.1}).toPoint());
    QVERIFY(w.session()->currentGrade().curves.master.empty());
    waitIdle(w);
}

void TestUiGradePanel::curvesChannelsEditTheirOwnCurve()
{
    RecordingWindow w;
    open(w, {m_clip});
    CurvesEditor* curves = w.curvesEditor();
    w.findChild<QAbstractButton*>(QStringLiteral("curveBlueButton"))->click();
    QCOMPARE(curves->channel(), CurvesEditor::Blue);
    const QPoint from = curves->toWidget({0.4, 0.4}).toPoint();
    const QPoint to = curves->toWidget({0.4, 0.25}).toPoint();
    QTest::mousePress(curves->plot(), Qt::LeftButton, {}, from);
    QTest::mouseMove(curves->plot(), to);
    QTest::mouseRelease(curves->plot(), Qt::LeftButton, {}, to);
    const Curves c = w.session()->currentGrade().curves;
    QVERIFY(c.master.empty() && c.red.empty() && c.green.empty());
    QCOMPARE(c.blue.size(), size_t(3));
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    // The blue channel of the picture went down, the others stayed.
    const Image& shown = w.viewer()->gradedImage();
    const Image& original = w.viewer()->originalImage();
    double blue = 0, red = 0;
    for (int y = 0; y < shown.height(); y += 7)
        for (int x = 0; x < shown.width(); x += 7) {
            blue += shown.sample(x, y, 2) - original.sample(x, y, 2);
            red += std::abs(shown.sample(x, y, 0) - original.sample(x, y, 0));
        }
    QVERIFY(blue < -1.0);
    QVERIFY(red < 0.5);
}

void TestUiGradePanel::resetGradeRestoresOriginal()
{
    RecordingWindow w;
    open(w, {m_clip});
    setControl(w, QStringLiteral("lift"), 0.05);
    setControl(w, QStringLiteral("tint"), 10.0);
    waitIdle(w);
    QVERIFY(!w.session()->currentGrade().isIdentity());
    w.findChild<QAction*>(QStringLiteral("resetGradeAction"))->trigger();
    waitIdle(w);
    QVERIFY(w.session()->currentGrade() == Grade{});
    QVERIFY(w.viewer()->gradedImage() == w.viewer()->originalImage());
    w.session()->undoStack()->undo();
    QCOMPARE(w.session()->currentGrade().tint, 10.0);
    waitIdle(w);
}

void TestUiGradePanel::copyAndPasteGradeBetweenClips()
{
    RecordingWindow w;
    open(w, {m_clip, m_second});
    QCOMPARE(w.session()->clipCount(), 2);
    setControl(w, QStringLiteral("saturation"), 0.4);
    setControl(w, QStringLiteral("exposure"), 0.6);
    const Grade graded = w.session()->currentGrade();
    w.findChild<QAction*>(QStringLiteral("copyGradeAction"))->trigger();

    // Pick the second clip in the timeline, as a click on its thumbnail does.
    QListWidget* list = w.timelinePanel()->clipList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
    QCOMPARE(w.session()->currentClipIndex(), 1);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == w.viewer()->originalImage());
    w.findChild<QAction*>(QStringLiteral("pasteGradeAction"))->trigger();
    QVERIFY(w.session()->clip(1).grade == graded);
    QVERIFY(w.session()->clip(0).grade == graded);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY(w.viewer()->originalImage() == decodedPreview(m_second, 0));
    w.session()->undoStack()->undo();
    QVERIFY(w.session()->clip(1).grade == Grade{});
    QVERIFY(w.session()->clip(0).grade == graded);

    // Paste onto several selected clips at once is one step.
    w.session()->editGrades({0}, Grade{}, QStringLiteral("clear"));
    w.timelinePanel()->selectClips({0, 1});
    w.pasteGrade();
    QVERIFY(w.session()->clip(0).grade == graded && w.session()->clip(1).grade == graded);
    w.session()->undoStack()->undo();
    QVERIFY(w.session()->clip(0).grade == Grade{} && w.session()->clip(1).grade == Grade{});
    waitIdle(w);
}

void TestUiGradePanel::badLutShowsErrorAndGoodLutApplies()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.cube"));
    writeFile(bad, "LUT_3D_SIZE 2\n0 0 0\n1 0\n");
    // A look that swaps red and blue: impossible to miss.
    const QString swap = m_dir.filePath(QStringLiteral("swap.cube"));
    QByteArray text = "TITLE \"swap\"\nLUT_3D_SIZE 2\n";
    for (int b = 0; b < 2; ++b)
        for (int g = 0; g < 2; ++g)
            for (int r = 0; r < 2; ++r)
                text +=
                    QByteArray::number(b) + ' ' + QByteArray::number(g) + ' ' + QByteArray::number(r) + '\n';
    writeFile(swap, text);
    RecordingWindow w;
    open(w, {m_clip});
    QVERIFY(!w.loadLook(bad));
    QCOMPARE(w.errorDialogs.size(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.cube")), qPrintable(w.lastError()));
    QVERIFY(w.session()->currentGrade().look.isEmpty());
    QCOMPARE(w.session()->undoStack()->count(), 0);

    QVERIFY2(w.loadLook(swap), qPrintable(w.lastError()));
    waitIdle(w);
    const Image& shown = w.viewer()->gradedImage();
    QVERIFY(shown == expectedGraded(w));
    const Image& original = w.viewer()->originalImage();
    QVERIFY(std::abs(shown.sample(300, 10, 2) - original.sample(300, 10, 0)) < 0.01);
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("lookName"))->text(), QStringLiteral("swap.cube"));
    w.findChild<QAbstractButton*>(QStringLiteral("removeLookButton"))->click();
    QVERIFY(w.session()->currentGrade().look.isEmpty());
    waitIdle(w);
}

void TestUiGradePanel::cdlImportsAndExportsPrimaries()
{
    const QString cc = m_dir.filePath(QStringLiteral("look.cc"));
    writeFile(cc, "<ColorCorrection id=\"shot1\">\n"
                  "  <SOPNode><Slope>1.1 1.0 0.9</Slope><Offset>0.01 0 -0.02</Offset><Power>1.0 1.1 "
                  "1.0</Power></SOPNode>\n"
                  "  <SatNode><Saturation>0.8</Saturation></SatNode>\n"
                  "</ColorCorrection>\n");
    RecordingWindow w;
    open(w, {m_clip});
    QVERIFY2(w.importCdl(cc), qPrintable(w.lastError()));
    const Grade g = w.session()->currentGrade();
    QCOMPARE(g.saturation, 0.8);
    QVERIFY(std::abs(g.effectiveGain().r - 1.1) < 1e-9);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));

    const QString out = m_dir.filePath(QStringLiteral("out.cdl"));
    QVERIFY2(w.exportCdl(out), qPrintable(w.lastError()));
    const std::vector<Cdl> back = CdlFile::read(out);
    QCOMPARE(back.size(), size_t(1));
    QVERIFY(std::abs(back[0].slope.r - 1.1) < 1e-6 && std::abs(back[0].slope.b - 0.9) < 1e-6);
    QVERIFY(std::abs(back[0].offset.b + 0.02) < 1e-6);
    QVERIFY(std::abs(back[0].power.g - 1.1) < 1e-6);
    QVERIFY(std::abs(back[0].saturation - 0.8) < 1e-6);

    // A broken CDL names the file and changes nothing.
    const QString broken = m_dir.filePath(QStringLiteral("broken.cc"));
    writeFile(broken, "<ColorCorrection><SOPNode><Slope>1 1</Slope></SOPNode></ColorCorrection>");
    const int steps = w.session()->undoStack()->count();
    QVERIFY(!w.importCdl(broken));
    QVERIFY2(w.lastError().contains(QStringLiteral("broken.cc")), qPrintable(w.lastError()));
    QCOMPARE(w.session()->undoStack()->count(), steps);
}

void TestUiGradePanel::exportedCubeHoldsTheGrade()
{
    RecordingWindow w;
    open(w, {m_clip});
    setControl(w, QStringLiteral("gain"), 1.25);
    const QString path = m_dir.filePath(QStringLiteral("grade.cube"));
    QVERIFY2(w.exportGradeCube(path), qPrintable(w.lastError()));
    const CubeLut cube = CubeFile::read(path);
    QVERIFY(cube.lut3d.has_value());
    QCOMPARE(cube.lut3d->size, CompiledGrade::kDefaultSize);
    const CompiledGrade compiled(w.session()->currentGrade());
    const Rgb grey{0.5, 0.5, 0.5};
    QVERIFY(std::abs(cube.apply(grey).g - compiled.apply(grey).g) < 1e-3);
    QVERIFY(cube.apply(grey).g > 0.55);
    // A folder that is not there: a message naming it, nothing else changes.
    QVERIFY(!w.exportGradeCube(m_dir.filePath(QStringLiteral("no/such/folder/grade.cube"))));
    QVERIFY(!w.lastError().isEmpty());
    waitIdle(w);
}

void TestUiGradePanel::inputColourSpaceChangesThePicture()
{
    RecordingWindow w;
    open(w, {m_clip});
    const Image plain = w.viewer()->gradedImage();
    QComboBox* box = w.gradePanel()->inputSpaceBox();
    QVERIFY(box->isEnabled());
    const int logc = box->findData(QStringLiteral("ARRI LogC3 (AWG)"));
    QVERIFY2(logc > 0, qPrintable(QString::number(box->count())));
    box->setCurrentIndex(logc);
    emit box->activated(logc);
    QCOMPARE(w.session()->currentClip().inputColorSpace, QStringLiteral("ARRI LogC3 (AWG)"));
    QVERIFY(w.session()->pipeline());
    waitIdle(w);
    QVERIFY(!(w.viewer()->gradedImage() == plain));
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    w.session()->undoStack()->undo();
    QVERIFY(w.session()->currentClip().inputColorSpace.isEmpty());
    QCOMPARE(box->currentIndex(), 0);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == plain);
}

QTEST_MAIN(TestUiGradePanel)
#include "tst_ui_grade_panel.moc"
