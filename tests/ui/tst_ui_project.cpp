// Projects through the window: save and reopen, corrupt files, missing media (relink), unreadable
// drops, import, in/out marks, autosave and recovery after a crash, the unsaved-changes question,
// recent files and the remembered dock layout.

#include "UiTestSupport.h"

#include "Autosave.h"
#include "ColorWheel.h"
#include "DarkTheme.h"
#include "PlaybackController.h"
#include "ThumbnailLoader.h"
#include "TimelinePanel.h"

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>
#include <QUrl>

using namespace cg;
using namespace uitest;

class TestUiProject : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void savedProjectReopensWithSameGrade();
    void corruptProjectShowsErrorAndKeepsProject();
    void missingMediaIsOfferedForRelinking();
    void declinedRelinkLeavesTheClipOfflineUntilRelinked();
    void droppedFilesAreImportedAndUnreadableOnesRefused();
    void importAddsClipsAndUndoRemovesThem();
    void timelineShowsGradedThumbnailsMadeInTheBackground();
    void inAndOutMarksAreSetWithIAndO();
    void autosaveRecoversWorkAfterACrash();
    void autosaveWritesOnItsOwnWhileThereAreChanges();
    void closingOnPurposeLeavesNothingToRecover();
    void autosaveOlderThanTheProjectIsNotOffered();
    void unsavedChangesAreAskedAboutBeforeClosing();
    void recentFilesRememberProjects();
    void dockLayoutIsRemembered();

private:
    void open(RecordingWindow& window, const QString& path);
    static void clearAutosaves();

    QTemporaryDir m_dir;
    QString m_clip;
};

void TestUiProject::initTestCase()
{
    isolateSettings("tst_ui_project");
    DarkTheme::apply(*qApp);
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(makeClip(m_clip, 10, 320, 180, 25));
}

void TestUiProject::init()
{
    QSettings().clear();
    clearAutosaves();
}

void TestUiProject::clearAutosaves()
{
    QDir(Autosave::directory()).removeRecursively();
}

void TestUiProject::open(RecordingWindow& window, const QString& path)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openPath(path), qPrintable(window.lastError()));
    waitIdle(window);
}

void TestUiProject::savedProjectReopensWithSameGrade()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("grade.cgproj"));
    Grade saved;
    {
        RecordingWindow w;
        open(w, m_clip);
        setControl(w, QStringLiteral("exposure"), 0.37);
        setControl(w, QStringLiteral("temperature"), -12.0);
        Grade g = w.session()->currentGrade();
        g.lift.rgb = {0.02, -0.01, 0.0};
        g.curves.green = {{0.0, 0.0}, {0.5, 0.55}, {1.0, 1.0}};
        w.session()->editGrade(g, QStringLiteral("wheel and curve"));
        waitIdle(w);
        saved = w.session()->currentGrade();
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
    QCOMPARE(w.gradePanel()->wheel(QStringLiteral("lift"))->wheel(), saved.lift);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.errorDialogs.isEmpty());
}

void TestUiProject::corruptProjectShowsErrorAndKeepsProject()
{
    const QString bad = m_dir.filePath(QStringLiteral("broken.cgproj"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"cinegrade-project\", \"version\": 1, \"clips\": [ {\"mediaPath\": 5");
    }
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("exposure"), 0.5);
    waitIdle(w);
    const Project before = w.session()->project();
    const Image shown = w.viewer()->gradedImage();
    const int steps = w.session()->undoStack()->count();
    QVERIFY(!w.openPath(bad));
    QCOMPARE(w.errorDialogs.size(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("broken.cgproj")), qPrintable(w.lastError()));
    QVERIFY(w.session()->project() == before);
    QCOMPARE(w.session()->undoStack()->count(), steps);
    QVERIFY(w.isWindowModified());
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == shown);
}

void TestUiProject::missingMediaIsOfferedForRelinking()
{
    QTemporaryDir shoot;
    const QString original = shoot.filePath(QStringLiteral("A001.mp4"));
    QVERIFY(QFile::copy(m_clip, original));
    const QString projectPath = shoot.filePath(QStringLiteral("shoot.cgproj"));
    Grade g;
    g.saturation = 0.5;
    {
        Project p;
        Clip c;
        c.mediaPath = original;
        c.name = QStringLiteral("A001");
        c.grade = g;
        p.clips.push_back(c);
        ProjectFile::write(projectPath, p);
    }
    // The media moves to another drive.
    QTemporaryDir moved;
    const QString elsewhere = moved.filePath(QStringLiteral("A001.mp4"));
    QVERIFY(QFile::rename(original, elsewhere));

    RecordingWindow w;
    w.locate = [&](const Clip&) { return elsewhere; };
    open(w, projectPath);
    QCOMPARE(w.missingAsked, QStringList{original});
    QCOMPARE(w.session()->currentClip().mediaPath, elsewhere);
    QVERIFY(w.session()->media());
    QVERIFY(w.session()->currentGrade() == g); // the grade is kept
    QVERIFY(w.isWindowModified());             // the new place is worth saving
    QVERIFY(w.viewer()->hasGraded());
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
}

void TestUiProject::declinedRelinkLeavesTheClipOfflineUntilRelinked()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("offline.cgproj"));
    const QString gone = m_dir.filePath(QStringLiteral("gone.mp4"));
    {
        Project p;
        Clip c;
        c.mediaPath = gone;
        c.name = QStringLiteral("gone");
        c.grade.contrast = 1.2;
        p.clips.push_back(c);
        ProjectFile::write(projectPath, p);
    }
    RecordingWindow w;
    open(w, projectPath);
    QCOMPARE(w.missingAsked.size(), 1);
    QCOMPARE(w.session()->clipCount(), 1);
    QVERIFY(!w.session()->media());
    QVERIFY2(w.session()->mediaError().contains(QStringLiteral("gone.mp4")),
             qPrintable(w.session()->mediaError()));
    QVERIFY(!w.viewer()->hasGraded());
    QVERIFY(w.errorDialogs.isEmpty()); // said in the viewer and the status bar, not in the way
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("exportAction"))->isEnabled());

    // Later, Edit ▸ Relink Media finds it.
    w.locate = [&](const Clip&) { return m_clip; };
    QVERIFY(w.relinkClip(0));
    waitIdle(w);
    QVERIFY(w.session()->media());
    QCOMPARE(w.session()->currentGrade().contrast, 1.2);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    // Relinking is one undo step.
    w.session()->undoStack()->undo();
    QVERIFY(!w.session()->media());

    // Relinking to a file that is not media says so and keeps the clip as it is.
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a video");
    }
    w.locate = [&](const Clip&) { return text; };
    QVERIFY(!w.relinkClip(0));
    QVERIFY2(w.lastError().contains(QStringLiteral("notes.txt")), qPrintable(w.lastError()));
    QCOMPARE(w.session()->currentClip().mediaPath, gone);
}

void TestUiProject::droppedFilesAreImportedAndUnreadableOnesRefused()
{
    const QString fake = m_dir.filePath(QStringLiteral("not-a-video.mp4"));
    {
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not a video");
    }
    RecordingWindow w;
    open(w, m_clip);
    setControl(w, QStringLiteral("gain"), 1.1);
    const Grade grade = w.session()->currentGrade();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fake), QUrl::fromLocalFile(m_clip)});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);

    // The readable clip joins the project; the unreadable one is named in a message.
    QCOMPARE(w.session()->clipCount(), 2);
    QCOMPARE(w.errorDialogs.size(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("not-a-video.mp4")), qPrintable(w.lastError()));
    QCOMPARE(w.session()->currentClipIndex(), 0);
    QVERIFY(w.session()->currentGrade() == grade);

    // Dropping only unreadable files changes nothing.
    QMimeData only;
    only.setUrls({QUrl::fromLocalFile(fake)});
    QDragEnterEvent enter2(QPoint(100, 100), Qt::CopyAction, &only, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter2);
    QDropEvent drop2(QPointF(100, 100), Qt::CopyAction, &only, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop2);
    QCOMPARE(w.session()->clipCount(), 2);
    QCOMPARE(w.errorDialogs.size(), 2);
    waitIdle(w);
}

void TestUiProject::importAddsClipsAndUndoRemovesThem()
{
    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.session()->hasClip());
    QVERIFY(w.importMedia({m_clip}));
    QCOMPARE(w.session()->clipCount(), 1);
    QCOMPARE(w.session()->currentClipIndex(), 0);
    waitIdle(w);
    QVERIFY(w.viewer()->hasGraded());
    QVERIFY(w.importMedia({m_clip}));
    QCOMPARE(w.session()->clipCount(), 2);
    w.session()->undoStack()->undo();
    QCOMPARE(w.session()->clipCount(), 1);
    w.session()->undoStack()->undo();
    QCOMPARE(w.session()->clipCount(), 0);
    QVERIFY(!w.session()->hasClip());
    waitIdle(w);
}

void TestUiProject::timelineShowsGradedThumbnailsMadeInTheBackground()
{
    RecordingWindow w;
    open(w, m_clip);
    QVERIFY(w.importMedia({m_clip}));
    QListWidget* list = w.timelinePanel()->clipList();
    QCOMPARE(list->count(), 2);
    waitIdle(w);
    // The role that holds the thumbnail (see TimelinePanel.cpp): Qt::UserRole + 6.
    const auto thumbnail = [&](int row) { return list->item(row)->data(Qt::UserRole + 6).value<QImage>(); };
    const QImage before = thumbnail(0);
    QVERIFY(!before.isNull());
    QCOMPARE(before.width(), std::min(ThumbnailLoader::kWidth, 320));
    QCOMPARE(thumbnail(1), before); // the same picture, the same (identity) grade
    // Thumbnails come from a worker thread, not the GUI thread.
    QThread* madeOn = nullptr;
    connect(w.timelinePanel()->thumbnails(), &ThumbnailLoader::ready, this,
            [&] { madeOn = QThread::currentThread(); });
    // Grading a clip re-grades its thumbnail (once the change settles).
    setControl(w, QStringLiteral("saturation"), 0.0);
    waitIdle(w);
    QVERIFY(madeOn == QThread::currentThread()); // delivered to the GUI thread, by signal
    const QImage grey = thumbnail(0);
    QVERIFY(grey != before);
    const QColor c = grey.pixelColor(grey.width() / 3, grey.height() / 2);
    QVERIFY2(std::abs(c.red() - c.green()) <= 2 && std::abs(c.green() - c.blue()) <= 2, qPrintable(c.name()));
    QCOMPARE(thumbnail(1), before);
}

void TestUiProject::inAndOutMarksAreSetWithIAndO()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("marks.cgproj"));
    {
        RecordingWindow w;
        open(w, m_clip);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.viewer()->setFocus();
        w.playback()->seek(2);
        QTest::keyClick(w.viewer(), Qt::Key_I);
        w.playback()->seek(8);
        QTest::keyClick(w.viewer(), Qt::Key_O);
        QCOMPARE(w.session()->currentClip().inFrame, 2);
        QCOMPARE(w.session()->currentClip().outFrame, 8);
        QTest::keyClick(w.viewer(), Qt::Key_Home);
        QTest::keyClick(w.viewer(), Qt::Key_I, Qt::ShiftModifier); // go to in
        QCOMPARE(w.playback()->frame(), 2);
        QVERIFY(w.saveProjectTo(projectPath));
        waitIdle(w);
    }
    RecordingWindow w;
    open(w, projectPath);
    QCOMPARE(w.session()->currentClip().inFrame, 2);
    QCOMPARE(w.session()->currentClip().outFrame, 8);
    QCOMPARE(w.playback()->frame(), 2); // a clip opens at its in point
    w.clearMarks();
    QCOMPARE(w.session()->currentClip().inFrame, -1);
    waitIdle(w);
}

void TestUiProject::autosaveRecoversWorkAfterACrash()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("crash.cgproj"));
    Grade lastSeen;
    {
        auto* w = new RecordingWindow;
        open(*w, m_clip);
        setControl(*w, QStringLiteral("exposure"), 0.3);
        QVERIFY(w->saveProjectTo(projectPath));
        QVERIFY(!w->autosave()->hasFile()); // saved: nothing to recover
        // More work after the save, then the process dies.
        QTest::qWait(20); // the autosave is newer than the project file
        setControl(*w, QStringLiteral("saturation"), 1.5);
        setControl(*w, QStringLiteral("tint"), 7.0);
        lastSeen = w->session()->currentGrade();
        w->autosave()->saveNow();
        QVERIFY(w->autosave()->hasFile());
        waitIdle(*w);
        w->autosave()->simulateCrash();
        delete w;
    }
    RecordingWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.checkForRecovery());
    QCOMPARE(w.recoveryQuestions, 1);
    QVERIFY(w.session()->currentGrade() == lastSeen);
    QCOMPARE(w.session()->projectPath(), QFileInfo(projectPath).absoluteFilePath());
    QVERIFY(w.isWindowModified());
    waitIdle(w);
    QVERIFY(w.viewer()->gradedImage() == expectedGraded(w));
    // Offered once: the next start finds nothing (this window's own autosave is alive).
    RecordingWindow other;
    QVERIFY(!other.checkForRecovery());
    QCOMPARE(other.recoveryQuestions, 0);
    // Saving makes the recovered work safe.
    QVERIFY(w.saveProjectTo(projectPath));
    QVERIFY(ProjectFile::read(projectPath).clips.front().grade == lastSeen);
}

void TestUiProject::autosaveWritesOnItsOwnWhileThereAreChanges()
{
    RecordingWindow w;
    open(w, m_clip);
    w.autosave()->setIntervalSeconds(1);
    QVERIFY(!w.autosave()->hasFile());
    setControl(w, QStringLiteral("contrast"), 1.2);
    QTRY_VERIFY_WITH_TIMEOUT(w.autosave()->hasFile(), 2500);
    const Project saved = ProjectFile::read(w.autosave()->autosavePath());
    QCOMPARE(saved.clips.front().grade.contrast, 1.2);
    // Undo back to the saved state: nothing to recover any more.
    w.session()->undoStack()->undo();
    QVERIFY(!w.isWindowModified());
    QVERIFY(!w.autosave()->hasFile());
    waitIdle(w);
}

void TestUiProject::closingOnPurposeLeavesNothingToRecover()
{
    {
        RecordingWindow w;
        open(w, m_clip);
        setControl(w, QStringLiteral("exposure"), -0.4);
        w.autosave()->saveNow();
        QVERIFY(w.autosave()->hasFile());
        waitIdle(w);
        QVERIFY(w.close()); // "Discard" answered
    }
    RecordingWindow w;
    QVERIFY(!w.checkForRecovery());
    QCOMPARE(w.recoveryQuestions, 0);
}

void TestUiProject::autosaveOlderThanTheProjectIsNotOffered()
{
    const QString projectPath = m_dir.filePath(QStringLiteral("older.cgproj"));
    {
        auto* w = new RecordingWindow;
        open(*w, m_clip);
        QVERIFY(w->saveProjectTo(projectPath));
        QTest::qWait(20);
        setControl(*w, QStringLiteral("exposure"), 0.2);
        w->autosave()->saveNow();
        waitIdle(*w);
        w->autosave()->simulateCrash();
        delete w;
    }
    QCOMPARE(Autosave::findRecoverable().size(), 1);
    // The project was saved again after that autosave (another run, another machine): its changes
    // are older than the file, so they are not offered, and the autosave goes.
    QTest::qWait(20);
    ProjectFile::write(projectPath, ProjectFile::read(projectPath));
    QVERIFY(Autosave::findRecoverable().isEmpty());
    QVERIFY(QDir(Autosave::directory()).entryList({QStringLiteral("*.cgproj")}).isEmpty());
}

void TestUiProject::unsavedChangesAreAskedAboutBeforeClosing()
{
    RecordingWindow w;
    open(w, m_clip);
    QVERIFY(w.close()); // nothing changed: no question needed, but the window may still ask
    w.show();
    setControl(w, QStringLiteral("gamma"), 1.3);
    w.allowDiscard = false; // "Cancel"
    const int asked = w.discardQuestions;
    QVERIFY(!w.close());
    QCOMPARE(w.discardQuestions, asked + 1);
    QVERIFY(w.isVisible());
    QCOMPARE(w.session()->currentGrade().gamma.master, 1.3);
    // Opening something else asks as well, from the menu.
    w.allowDiscard = true;
    QVERIFY(w.close());
    waitIdle(w);
}

void TestUiProject::recentFilesRememberProjects()
{
    const QString a = m_dir.filePath(QStringLiteral("recent-a.cgproj"));
    const QString b = m_dir.filePath(QStringLiteral("recent-b.cgproj"));
    RecordingWindow w;
    open(w, m_clip);
    QVERIFY(w.saveProjectTo(a));
    QVERIFY(w.saveProjectTo(b));
    QCOMPARE(MainWindow::recentFiles(), (QStringList{b, a}));
    QVERIFY(w.openPath(a));
    QCOMPARE(MainWindow::recentFiles(), (QStringList{a, b}));
    QFile::remove(b);
    QCOMPARE(MainWindow::recentFiles(), QStringList{a}); // gone files are not offered
    waitIdle(w);
}

void TestUiProject::dockLayoutIsRemembered()
{
    {
        RecordingWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const char* name : {"scopesDock", "timelineDock", "gradeDock", "curvesDock"})
            QVERIFY2(w.findChild<QDockWidget*>(QString::fromLatin1(name))->isVisible(), name);
        w.findChild<QDockWidget*>(QStringLiteral("scopesDock"))->hide();
        w.findChild<QDockWidget*>(QStringLiteral("curvesDock"))->setFloating(true);
        w.viewer()->setMode(Viewer::Mode::SideBySide);
        QVERIFY(w.close()); // saves the settings
    }
    RecordingWindow w;
    w.restoreSettings();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.findChild<QDockWidget*>(QStringLiteral("scopesDock"))->isVisible());
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("curvesDock"))->isFloating());
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("gradeDock"))->isVisible());
    QCOMPARE(w.viewer()->mode(), Viewer::Mode::SideBySide);
    w.restoreDefaultLayout();
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("scopesDock"))->isVisible());
    QVERIFY(!w.findChild<QDockWidget*>(QStringLiteral("curvesDock"))->isFloating());
}

QTEST_MAIN(TestUiProject)
#include "tst_ui_project.moc"
