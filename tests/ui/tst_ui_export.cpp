// Export from the window: the export dialog writes the graded clip in the background (whole clip or
// in/out, H.264 or ProRes) and the result decodes to the graded pixels; cancel leaves nothing;
// an unwritable folder gives a message; stills and single frames export as images.

#include "UiTestSupport.h"

#include "DarkTheme.h"
#include "ExportDialog.h"
#include "PlaybackController.h"
#include "StillImage.h"

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cmath>

using namespace cg;
using namespace uitest;

namespace {

/// Mean absolute difference of two images' samples (0..1).
double meanDifference(const Image& a, const Image& b)
{
    if (a.width() != b.width() || a.height() != b.height())
        return 1.0;
    double sum = 0.0;
    qint64 n = 0;
    for (int y = 0; y < a.height(); y += 3)
        for (int x = 0; x < a.width(); x += 3)
            for (int c = 0; c < 3; ++c, ++n)
                sum += std::abs(a.sample(x, y, c) - b.sample(x, y, c));
    return n ? sum / double(n) : 1.0;
}

int presetIndex(QComboBox* box, ExportCodec codec)
{
    return box->findData(int(codec));
}

} // namespace

class TestUiExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportDialogWritesTheGradedClipInTheBackground();
    void inOutRangeExportsOnlyTheMarkedFrames();
    void cancelStopsTheExportAndLeavesNothing();
    void unwritableFolderGivesAMessageAndKeepsTheProject();
    void stillsAndFramesExportAsGradedImages();

private:
    void open(RecordingWindow& window, const QString& path);

    QTemporaryDir m_dir;
    QString m_clip;
};

void TestUiExport::initTestCase()
{
    isolateSettings("tst_ui_export");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(makeClip(m_clip, 12, 320, 180, 25));
}

void TestUiExport::open(RecordingWindow& window, const QString& path)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPath(path), qPrintable(window.lastError()));
    waitIdle(window);
}

void TestUiExport::exportDialogWritesTheGradedClipInTheBackground()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("saturation"), 0.3);
    setControl(w, QStringLiteral("exposure"), 0.5);
    const Grade grade = w.session()->currentGrade();

    w.findChild<QAction*>(QStringLiteral("exportAction"))->trigger();
    ExportDialog* dialog = w.exportDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal()); // the window stays usable
    QCOMPARE(dialog->presetBox()->count(), 5);
    QVERIFY(dialog->pathEdit()->text().endsWith(QStringLiteral("clip_graded.mp4")));
    const QString out = m_dir.filePath(QStringLiteral("graded.mp4"));
    dialog->pathEdit()->setText(out);

    QSignalSpy finished(&w, &MainWindow::exportFinished);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning() || finished.count() == 1);
    QVERIFY(!dialog->exportButton()->isEnabled() || finished.count() == 1);
    // The window answers while the export runs: grading goes on.
    setControl(w, QStringLiteral("tint"), 5.0);
    QCOMPARE(w.session()->currentGrade().tint, 5.0);
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QCOMPARE(finished.first().at(0).toString(), QFileInfo(out).absoluteFilePath());
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(dialog->statusLabel()->text()));
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Exported")));
    QCOMPARE(dialog->progressBar()->value(), 100);

    // The result decodes: every frame, graded as the viewer showed it before the tint.
    const ClipMedia result(out);
    QCOMPARE(result.frameCount(), 12);
    QCOMPARE(result.width(), 320);
    const ClipMedia source(m_clip);
    const CompiledGrade compiled(grade, CompiledGrade::kExportSize);
    for (const qint64 frame : {0, 6, 11}) {
        const Image decoded = result.frame(frame);
        const Image expected = compiled.applied(source.frame(frame));
        const double toExpected = meanDifference(decoded, expected);
        const double toSource = meanDifference(decoded, source.frame(frame));
        QVERIFY2(toExpected < 0.02 && toExpected * 3 < toSource,
                 qPrintable(QStringLiteral("frame %1: %2 from the grade, %3 from the source")
                                .arg(frame)
                                .arg(toExpected)
                                .arg(toSource)));
    }
    waitIdle(w);
}

void TestUiExport::inOutRangeExportsOnlyTheMarkedFrames()
{
    RecordingWindow w;
    open(w, m_clip);
    w.playback()->seek(3);
    w.setInPoint();
    w.playback()->seek(8);
    w.setOutPoint();
    ExportDialog* dialog = w.exportDialog();
    QVERIFY(dialog->inOutButton()->isEnabled());
    dialog->inOutButton()->setChecked(true);
    dialog->presetBox()->setCurrentIndex(presetIndex(dialog->presetBox(), ExportCodec::ProRes));
    QVERIFY(dialog->pathEdit()->text().endsWith(QStringLiteral(".mov"))); // follows the container
    const QString out = m_dir.filePath(QStringLiteral("range.mov"));
    dialog->pathEdit()->setText(out);
    QCOMPARE(dialog->settings().firstFrame, 3);
    QCOMPARE(dialog->settings().lastFrame, 8);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    const ClipMedia result(out);
    QCOMPARE(result.frameCount(), 6);
    QCOMPARE(result.info().video->codec, QStringLiteral("prores"));
    // Its first frame is frame 3 of the clip.
    const double first = meanDifference(result.frame(0), ClipMedia(m_clip).frame(3));
    const double other = meanDifference(result.frame(0), ClipMedia(m_clip).frame(0));
    QVERIFY2(first < other, qPrintable(QStringLiteral("%1 vs %2").arg(first).arg(other)));
    waitIdle(w);
}

void TestUiExport::cancelStopsTheExportAndLeavesNothing()
{
    const QString big = m_dir.filePath(QStringLiteral("big.mp4"));
    QVERIFY(makeClip(big, 60, 1280, 720, 25));
    RecordingWindow w;
    open(w, big);
    ExportDialog* dialog = w.exportDialog();
    dialog->presetBox()->setCurrentIndex(presetIndex(dialog->presetBox(), ExportCodec::ProRes4444));
    const QString out = m_dir.filePath(QStringLiteral("cancelled.mov"));
    dialog->pathEdit()->setText(out);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    QVERIFY(dialog->isRunning());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTest::qWait(150);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(2).toString().contains(QStringLiteral("cancelled")),
             qPrintable(finished.first().at(2).toString()));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden),
             QStringList());
    QVERIFY(dialog->exportButton()->isEnabled());
    waitIdle(w);
}

void TestUiExport::unwritableFolderGivesAMessageAndKeepsTheProject()
{
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("gain"), 1.2);
    const Project before = w.session()->project();
    ExportDialog* dialog = w.exportDialog();

    // A folder that does not exist is caught before anything starts.
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->pathEdit()->setText(m_dir.filePath(QStringLiteral("missing/out.mp4")));
    dialog->startExport();
    QCOMPARE(finished.count(), 1);
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("does not exist")),
             qPrintable(dialog->statusLabel()->text()));

    // A folder nobody may write to (root writes anywhere on a disk, but not into /proc).
    QTemporaryDir locked;
    QFile::setPermissions(locked.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const QString folder = QFileInfo(locked.path()).isWritable() ? QStringLiteral("/proc") : locked.path();
    dialog->pathEdit()->setText(folder + QStringLiteral("/out.mp4"));
    dialog->startExport();
    QVERIFY(finished.count() == 2 || finished.wait(30000));
    QCOMPARE(finished.last().at(0).toBool(), false);
    const QString message = finished.last().at(2).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Export failed")) && message.contains(folder),
             qPrintable(message));
    QCOMPARE(dialog->statusLabel()->text(), message);
    QVERIFY(w.session()->project() == before);
    QFile::setPermissions(locked.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    waitIdle(w);
}

void TestUiExport::stillsAndFramesExportAsGradedImages()
{
    // A still: File ▸ Export writes the graded image at full resolution.
    QImage picture(1600, 400, QImage::Format_RGB888);
    for (int y = 0; y < 400; ++y)
        for (int x = 0; x < 1600; ++x)
            picture.setPixelColor(x, y, QColor(x * 255 / 1599, y * 255 / 399, 96));
    const QString still = m_dir.filePath(QStringLiteral("still.png"));
    QVERIFY(picture.save(still));
    {
        RecordingWindow w;
        open(w, still);
        QVERIFY(w.session()->media()->isStill());
        setControl(w, QStringLiteral("saturation"), 1.4);
        setControl(w, QStringLiteral("offset"), 0.03);
        const QString out = m_dir.filePath(QStringLiteral("graded.tif"));
        QSignalSpy finished(&w, &MainWindow::exportFinished);
        w.exportGradedImage(out);
        QVERIFY(finished.count() == 1 || finished.wait(20000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        const Image written = StillImage::read(out);
        QCOMPARE(written.width(), 1600);
        QVERIFY(written == CompiledGrade(w.session()->currentGrade(), CompiledGrade::kExportSize)
                               .applied(StillImage::read(still)));
        // The source is never overwritten.
        QSignalSpy refused(&w, &MainWindow::exportFinished);
        w.exportGradedImage(still);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.first().at(1).toBool(), false);
        QCOMPARE(w.errorDialogs.size(), 1);
        waitIdle(w);
    }
    // A video: the frame under the playhead.
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("contrast"), 1.3);
    w.playback()->seek(4);
    const QString out = m_dir.filePath(QStringLiteral("frame4.png"));
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    w.exportGradedImage(out);
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(StillImage::read(out) == CompiledGrade(w.session()->currentGrade(), CompiledGrade::kExportSize)
                                         .applied(ClipMedia(m_clip).frame(4)));
    waitIdle(w);
}

QTEST_MAIN(TestUiExport)
#include "tst_ui_export.moc"
