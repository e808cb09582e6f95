// Pictures of the main window in its main states for review (written to <build>/screenshots),
// the German translation, the shortcut list, the preferences, and `cinegrade --screenshot`.

#include "UiTestSupport.h"

#include "ColorWheel.h"
#include "CurvesEditor.h"
#include "DarkTheme.h"
#include "ExportDialog.h"
#include "PlaybackController.h"
#include "PreferencesDialog.h"
#include "ScopesPanel.h"
#include "Translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <cmath>

using namespace cg;
using namespace uitest;

namespace {

/// A synthetic landscape: a slightly cool, underexposed scene, as it might come out of a camera
/// before grading, with a colour chart held into the shot.
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

QString shotPath(const char* name)
{
    return QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots/") + QString::fromLatin1(name);
}

} // namespace

class TestUiScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void screenshotsOfTheMainWindow();
    void screenshotsOfTheEmptyAndOfflineWindow();
    void screenshotsOfTheDialogs();
    void germanTranslationIsComplete();
    void shortcutsDialogListsRealBindings();
    void preferencesStoreLanguageAndAutosave();
    void screenshotCommandRendersAClipOrProject();

private:
    void gradeForTheShot(RecordingWindow& w);
    void save(QWidget* widget, const char* name);

    QTemporaryDir m_dir;
    QString m_scene;
    QString m_still;
    QString m_bars;
    QString m_pattern;
};

void TestUiScreenshots::initTestCase()
{
    isolateSettings("tst_ui_screenshots");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(QStringLiteral(CINEGRADE_BINARY_DIR "/screenshots")));
    m_still = m_dir.filePath(QStringLiteral("landscape.png"));
    QVERIFY(landscapeImage(1280, 720).save(m_still));
    // A slow push-in on the landscape: a "camera clip" with movement.
    m_scene = m_dir.filePath(QStringLiteral("A001_C003.mp4"));
    QVERIFY(runFfmpeg(
        {"-loop", "1", "-i", m_still, "-vf",
         "zoompan=z='1+0.004*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=1280x720:fps=25",
         "-frames:v", "24", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", m_scene}));
    m_bars = m_dir.filePath(QStringLiteral("bars.mp4"));
    QVERIFY(makeClip(m_bars, 10, 640, 360, 25, QStringLiteral("smptehdbars")));
    m_pattern = m_dir.filePath(QStringLiteral("B002_C001.mp4"));
    QVERIFY(makeClip(m_pattern, 10, 640, 360, 25, QStringLiteral("testsrc2")));
}

void TestUiScreenshots::save(QWidget* widget, const char* name)
{
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(shotPath(name)));
    qInfo("screenshot: %s", qPrintable(shotPath(name)));
}

void TestUiScreenshots::gradeForTheShot(RecordingWindow& w)
{
    // A warm, punchy look: as a colorist would start on this flat, cool shot.
    Grade g;
    g.exposure = 0.35;
    g.temperature = 14.0;
    g.contrast = 1.12;
    g.saturation = 1.15;
    g.lift = {-0.015, {-0.006, 0.0, 0.02}};
    g.gain = {1.04, {1.03, 1.0, 0.96}};
    g.curves.master = {{0.0, 0.0}, {0.25, 0.21}, {0.75, 0.8}, {1.0, 1.0}};
    w.session()->editGrade(g, QStringLiteral("look"));
    w.playback()->seek(12);
}

void TestUiScreenshots::screenshotsOfTheMainWindow()
{
    RecordingWindow w;
    w.resize(1600, 960);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(w.openPaths({m_scene, m_bars, m_pattern, m_still}), qPrintable(w.lastError()));
    gradeForTheShot(w);
    w.curvesEditor()->setChannel(CurvesEditor::Master);
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QCOMPARE(w.grab().size(), w.size());

    save(&w, "main_window.png");
    w.viewer()->setMode(Viewer::Mode::SplitWipe);
    save(&w, "main_window_split.png");
    w.viewer()->setMode(Viewer::Mode::SideBySide);
    save(&w, "main_window_side_by_side.png");
    w.viewer()->setMode(Viewer::Mode::Graded);
    w.viewer()->setZoom(1.0);
    waitIdle(w);
    save(&w, "main_window_zoom_100.png");
    w.viewer()->zoomToFit();
    // The scopes two up, as many colorists keep them.
    w.scopesPanel()->setSlotCount(2);
    w.session()->setCurrentClip(1);
    waitIdle(w);
    save(&w, "main_window_bars_2up_scopes.png");
    w.scopesPanel()->setSlotCount(4);
    for (const char* name : {"main_window.png", "main_window_split.png", "main_window_side_by_side.png"})
        QVERIFY(QFileInfo(shotPath(name)).size() > 100000);
}

void TestUiScreenshots::screenshotsOfTheEmptyAndOfflineWindow()
{
    {
        RecordingWindow w;
        w.resize(1600, 960);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        waitIdle(w);
        save(&w, "main_window_empty.png");
    }
    const QString projectPath = m_dir.filePath(QStringLiteral("offline.cgproj"));
    Project p;
    Clip c;
    c.mediaPath = m_dir.filePath(QStringLiteral("moved/A002_C007.mov"));
    c.name = QStringLiteral("A002_C007.mov");
    p.clips.push_back(c);
    Clip online;
    online.mediaPath = m_pattern;
    online.name = QStringLiteral("B002_C001.mp4");
    p.clips.push_back(online);
    ProjectFile::write(projectPath, p);
    RecordingWindow w;
    w.resize(1600, 960);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openPath(projectPath));
    waitIdle(w);
    save(&w, "main_window_offline.png");
}

void TestUiScreenshots::screenshotsOfTheDialogs()
{
    RecordingWindow w;
    w.resize(1600, 960);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openPath(m_scene));
    gradeForTheShot(w);
    w.playback()->seek(4);
    w.setInPoint();
    w.playback()->seek(20);
    w.setOutPoint();
    ExportDialog* dialog = w.exportDialog();
    dialog->show();
    dialog->pathEdit()->setText(m_dir.filePath(QStringLiteral("A001_C003_graded.mp4")));
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QVERIFY(finished.first().at(0).toBool());
    save(dialog, "export_dialog.png");
    dialog->close();

    PreferencesDialog preferences(&w);
    preferences.show();
    save(&preferences, "preferences_dialog.png");
    waitIdle(w);
}

void TestUiScreenshots::germanTranslationIsComplete()
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
    QVERIFY(text.count("<message") > 300);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
    QCOMPARE(text.count("<translation></translation>"), 0);

    // Installed, the window speaks German.
    QVERIFY(QCoreApplication::installTranslator(&german));
    {
        RecordingWindow w;
        w.resize(1600, 960);
        QCOMPARE(w.findChild<QDockWidget*>(QStringLiteral("gradeDock"))->windowTitle(),
                 QStringLiteral("Primärkorrektur"));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("openAction"))->text(),
                 german.translate("cg::MainWindow", "&Open Project or Media…"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openPaths({m_scene, m_bars}));
        gradeForTheShot(w);
        waitIdle(w);
        save(&w, "main_window_german.png");
    }
    QCoreApplication::removeTranslator(&german);
}

void TestUiScreenshots::shortcutsDialogListsRealBindings()
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
        dialog->grab().save(shotPath("shortcuts_dialog.png"));
        dialog->close();
    });
    w.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
    const QString all = rows.join(QLatin1Char('\n'));
    for (const char* row :
         {"Undo=Ctrl+Z", "Redo=Ctrl+Shift+Z, Ctrl+Y", "Quit=Ctrl+Q", "Toggle Before/After=\\, B",
          "Play / Pause=Space", "Stop=K", "Previous Frame=Left", "Next Frame=Right", "First Frame=Home",
          "Last Frame=End", "Mark In=I", "Mark Out=O", "Copy Grade=Ctrl+C", "Paste Grade=Ctrl+V",
          "Zoom to Fit=Shift+Z"})
        QVERIFY2(rows.contains(QString::fromUtf8(row)),
                 qPrintable(QString::fromUtf8(row) + QStringLiteral(" not in\n") + all));
    QVERIFY(all.contains(QStringLiteral("Play Backwards (faster each press)=J")));
    QVERIFY(all.contains(QStringLiteral("Play Forwards (faster each press)=L")));
}

void TestUiScreenshots::preferencesStoreLanguageAndAutosave()
{
    QSettings().clear();
    RecordingWindow w;
    PreferencesDialog dialog(&w);
    const int german = dialog.languageBox()->findData(QStringLiteral("de"));
    QVERIFY(german > 0);
    dialog.languageBox()->setCurrentIndex(german);
    dialog.autosaveBox()->setValue(7);
    dialog.apply();
    QCOMPARE(PreferencesDialog::language(), QStringLiteral("de"));
    QCOMPARE(PreferencesDialog::autosaveIntervalSeconds(), 7);
    QSignalSpy applied(&dialog, &PreferencesDialog::applied);
    connect(&dialog, &PreferencesDialog::applied, &w,
            [&] { w.autosave()->setIntervalSeconds(PreferencesDialog::autosaveIntervalSeconds()); });
    dialog.apply();
    QCOMPARE(w.autosave()->intervalSeconds(), 7);
    QSettings().clear();
}

void TestUiScreenshots::screenshotCommandRendersAClipOrProject()
{
    const QString program = QStringLiteral(CINEGRADE_BINARY_DIR "/app/cinegrade");
    QVERIFY(QFileInfo(program).isExecutable());
    const auto run = [&](const QStringList& arguments, QByteArray* errors = nullptr) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitCode();
    };
    const QString clipShot = m_dir.filePath(QStringLiteral("clip.png"));
    QCOMPARE(run({QStringLiteral("--screenshot"), clipShot, m_scene}), 0);
    QCOMPARE(QImage(clipShot).size(), QSize(1600, 960));

    const QString projectPath = m_dir.filePath(QStringLiteral("shot.cgproj"));
    Project p;
    Clip c;
    c.mediaPath = m_bars;
    c.name = QStringLiteral("bars");
    c.grade.saturation = 0.0;
    p.clips.push_back(c);
    ProjectFile::write(projectPath, p);
    const QString projectShot = m_dir.filePath(QStringLiteral("project.png"));
    QCOMPARE(run({QStringLiteral("--screenshot"), projectShot, projectPath}), 0);
    QCOMPARE(QImage(projectShot).size(), QSize(1600, 960));
    QVERIFY(QImage(projectShot) != QImage(clipShot));

    QByteArray errors;
    QCOMPARE(run({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")),
                  m_dir.filePath(QStringLiteral("missing.mp4"))},
                 &errors),
             2);
    QVERIFY2(errors.contains("missing.mp4"), errors.constData());
}

QTEST_MAIN(TestUiScreenshots)
#include "tst_ui_screenshots.moc"
