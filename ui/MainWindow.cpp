#include "MainWindow.h"

#include "CdlFile.h"
#include "ClipMedia.h"
#include "ColorWheel.h"
#include "CompiledGrade.h"
#include "CubeFile.h"
#include "CurvesEditor.h"
#include "Error.h"
#include "ExportDialog.h"
#include "GradePanel.h"
#include "PlaybackController.h"
#include "PreferencesDialog.h"
#include "PreviewScale.h"
#include "ScopesPanel.h"
#include "ShortcutsDialog.h"
#include "StillImage.h"
#include "SuggestionsPanel.h"
#include "ThumbnailLoader.h"
#include "Timecode.h"
#include "TimelinePanel.h"
#include "TimelineRuler.h"
#include "TransportBar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <exception>

// Resources of a static library must be registered by name from the global namespace.
static void initUiResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace cg {
namespace {

constexpr int kStateVersion = 3; ///< bump when docks or toolbars change identity
constexpr int kMaxRecent = 10;

QString mediaFilter()
{
    return QStringLiteral(
        "*.mp4 *.mov *.mkv *.mxf *.avi *.webm *.m4v *.mpg *.mts *.y4m *.png *.jpg *.jpeg *.tif "
        "*.tiff *.dpx *.bmp *.exr *.webp");
}

/// Run `body`, turning any exception into an error message (InputError's own message is already
/// written for the user).
template <typename Body> QString attempt(Body&& body)
{
    try {
        body();
        return {};
    } catch (const InputError& e) {
        return e.message();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
}

QString withSuffix(QString path, const QString& suffix)
{
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    return path;
}

} // namespace

QIcon MainWindow::applicationIcon()
{
    initUiResources();
    return QIcon(QStringLiteral(":/icons/cinegrade.svg"));
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new ProjectSession(this)), m_playback(new PlaybackController(this)),
      m_autosave(new Autosave(m_session, this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                   QMainWindow::AllowNestedDocks);
    // The clip strip and the grading panels run the full width under the viewer and the scopes.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);

    auto* centre = new QWidget(this);
    centre->setObjectName(QStringLiteral("viewerArea"));
    m_viewer = new Viewer(centre);
    m_ruler = new TimelineRuler(centre);
    m_transport = new TransportBar(m_playback, centre);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_viewer, 1);
    centreLayout->addWidget(m_ruler);
    centreLayout->addWidget(m_transport);
    setCentralWidget(centre);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();

    connect(m_session, &ProjectSession::clipChanged, this, &MainWindow::onClipChanged);
    connect(m_session, &ProjectSession::clipsChanged, this, &MainWindow::onClipsChanged);
    connect(m_session, &ProjectSession::gradeChanged, this, &MainWindow::onGradeChanged);
    connect(m_session, &ProjectSession::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    connect(m_session, &ProjectSession::projectPathChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ProjectSession::warning, this, &MainWindow::showWarning);
    connect(m_session, &ProjectSession::probingChanged, this, &MainWindow::onProbingChanged);
    connect(m_gradePanel, &GradePanel::gradeEdited, m_session, &ProjectSession::editGrade);
    connect(m_gradePanel, &GradePanel::loadLookRequested, this, &MainWindow::onLoadLook);
    connect(m_gradePanel, &GradePanel::importCdlRequested, this, &MainWindow::onImportCdl);
    connect(m_gradePanel, &GradePanel::exportCdlRequested, this, &MainWindow::onExportCdl);
    connect(m_gradePanel, &GradePanel::exportCubeRequested, this, &MainWindow::onExportCube);
    connect(m_gradePanel, &GradePanel::inputColorSpaceChosen, this, [this](const QString& space) {
        if (m_session->hasClip())
            m_session->setInputColorSpace(m_session->currentClipIndex(), space);
    });
    connect(m_curves, &CurvesEditor::curvesEdited, this,
            [this](const Curves& curves, const QString& description, int mergeKey) {
                Grade g = m_session->currentGrade();
                g.curves = curves;
                m_session->editGrade(g, description, mergeKey);
            });
    connect(&m_renderer, &PreviewRenderer::rendered, this, &MainWindow::onRendered);
    connect(&m_renderer, &PreviewRenderer::failed, this, [this](const QString& message, qint64) {
        m_playback->pause();
        reportError(tr("Cannot show the frame"), message);
    });
    connect(&m_renderer, &PreviewRenderer::idle, this, &MainWindow::checkIdle);
    connect(m_scopes, &ScopesPanel::idle, this, &MainWindow::checkIdle);
    connect(m_suggestions, &SuggestionsPanel::idle, this, &MainWindow::checkIdle);
    connect(m_timeline->thumbnails(), &ThumbnailLoader::idle, this, &MainWindow::checkIdle);
    connect(m_viewer, &Viewer::modeChanged, this, &MainWindow::onViewerModeChanged);
    connect(m_viewer, &Viewer::zoomChanged, this, [this](double scale, bool fitted) {
        m_transport->setZoom(scale, fitted);
        // Zoomed in past the preview's own pixels: render the paused frame at full resolution.
        if (!m_playback->isPlaying() && m_viewer->hasGraded() &&
            previewWidth() != m_viewer->originalImage().width())
            requestRender();
    });
    connect(m_transport, &TransportBar::zoomChosen, this, [this](double scale) {
        if (scale <= 0)
            m_viewer->zoomToFit();
        else
            m_viewer->setZoom(scale);
    });
    connect(m_transport, &TransportBar::displayViewChosen, this, [this](int index) {
        const QStringList parts = m_displayViewChoices.value(index).split(QLatin1Char('\n'));
        if (parts.size() == 2)
            m_session->setDisplayView(parts[0], parts[1]);
    });
    connect(m_playback, &PlaybackController::frameChanged, this, &MainWindow::onFrameChanged);
    connect(m_playback, &PlaybackController::playingChanged, this, &MainWindow::onPlayingChanged);
    connect(m_timeline, &TimelinePanel::clipActivated, this,
            [this](int index) { m_session->setCurrentClip(index); });
    connect(m_ruler, &TimelineRuler::seekRequested, this, [this](qint64 frame) { m_playback->seek(frame); });
    connect(&m_imageExportWatcher, &QFutureWatcherBase::finished, this, &MainWindow::onImageExportDone);

    resize(1600, 960);
    m_defaultState = saveState(kStateVersion);
    applyPreferences();
    onClipsChanged();
    onClipChanged();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The children outlive this part of the window: nothing may call back into it any more.
    m_session->blockSignals(true);
    m_playback->blockSignals(true);
    m_playback->pause();
    m_imageExportWatcher.disconnect(this);
    m_imageExportWatcher.waitForFinished();
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    const auto make = [this](const QString& name, const QString& text, const QString& icon = QString()) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        if (!icon.isEmpty())
            action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
        return action;
    };

    m_newAction = make(QStringLiteral("newAction"), tr("&New Project"), QStringLiteral("new"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Start an empty project"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::onNew);

    m_openAction = make(QStringLiteral("openAction"), tr("&Open Project or Media…"), QStringLiteral("open"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a project, or clips as a new project"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::onOpen);

    m_importAction = make(QStringLiteral("importAction"), tr("&Import Media…"), QStringLiteral("import"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Add video clips or stills to the project"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::onImport);

    m_saveAction = make(QStringLiteral("saveAction"), tr("&Save Project"), QStringLiteral("save"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save the project"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::onSave);

    m_saveAsAction = make(QStringLiteral("saveAsAction"), tr("Save Project &As…"));
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::onSaveAs);

    m_exportAction = make(QStringLiteral("exportAction"), tr("&Export Clip…"), QStringLiteral("render"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export the graded clip (H.264 or ProRes) in the background"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);

    m_exportImageAction =
        make(QStringLiteral("exportImageAction"), tr("Export Graded &Frame…"), QStringLiteral("export"));
    m_exportImageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_exportImageAction->setToolTip(tr("Export the graded frame at full resolution as an image"));
    connect(m_exportImageAction, &QAction::triggered, this, &MainWindow::onExportImage);

    m_loadLookAction = make(QStringLiteral("loadLookAction"), tr("Load &Look LUT…"), QStringLiteral("lut"));
    m_loadLookAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_loadLookAction->setToolTip(tr("Load a .cube look LUT, applied after the grade"));
    connect(m_loadLookAction, &QAction::triggered, this, &MainWindow::onLoadLook);

    m_importCdlAction =
        make(QStringLiteral("importCdlAction"), tr("Import ASC &CDL…"), QStringLiteral("cdl"));
    m_importCdlAction->setToolTip(tr("Set the primaries from an ASC CDL file"));
    connect(m_importCdlAction, &QAction::triggered, this, &MainWindow::onImportCdl);
    m_exportCdlAction = make(QStringLiteral("exportCdlAction"), tr("Export ASC C&DL…"));
    connect(m_exportCdlAction, &QAction::triggered, this, &MainWindow::onExportCdl);

    m_exportCubeAction = make(QStringLiteral("exportCubeAction"), tr("Export Grade as .c&ube…"));
    m_exportCubeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportCubeAction, &QAction::triggered, this, &MainWindow::onExportCube);

    m_preferencesAction =
        make(QStringLiteral("preferencesAction"), tr("&Preferences…"), QStringLiteral("preferences"));
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setToolTip(tr("Language, autosave, playback"));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::onPreferences);

    m_quitAction = make(QStringLiteral("quitAction"), tr("&Quit"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QUndoStack* undo = m_session->undoStack();
    m_undoAction = undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_copyGradeAction =
        make(QStringLiteral("copyGradeAction"), tr("&Copy Grade"), QStringLiteral("copy-grade"));
    m_copyGradeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_C));
    m_copyGradeAction->setToolTip(tr("Copy the grade of the current clip"));
    connect(m_copyGradeAction, &QAction::triggered, this, &MainWindow::copyGrade);
    m_pasteGradeAction =
        make(QStringLiteral("pasteGradeAction"), tr("&Paste Grade"), QStringLiteral("paste-grade"));
    m_pasteGradeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_V));
    m_pasteGradeAction->setToolTip(tr("Paste the copied grade onto the selected clips"));
    connect(m_pasteGradeAction, &QAction::triggered, this, &MainWindow::pasteGrade);

    m_resetGradeAction =
        make(QStringLiteral("resetGradeAction"), tr("Reset &Grade"), QStringLiteral("reset"));
    m_resetGradeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resetGradeAction->setToolTip(tr("Reset every control of the grade"));
    connect(m_resetGradeAction, &QAction::triggered, this, &MainWindow::resetGrade);

    m_markInAction = make(QStringLiteral("markInAction"), tr("Mark &In"), QStringLiteral("mark-in"));
    m_markInAction->setShortcut(QKeySequence(Qt::Key_I));
    connect(m_markInAction, &QAction::triggered, this, &MainWindow::setInPoint);
    m_markOutAction = make(QStringLiteral("markOutAction"), tr("Mark &Out"), QStringLiteral("mark-out"));
    m_markOutAction->setShortcut(QKeySequence(Qt::Key_O));
    connect(m_markOutAction, &QAction::triggered, this, &MainWindow::setOutPoint);
    m_clearMarksAction = make(QStringLiteral("clearMarksAction"), tr("Clear In and Out"));
    m_clearMarksAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_X));
    connect(m_clearMarksAction, &QAction::triggered, this, &MainWindow::clearMarks);

    m_relinkAction = make(QStringLiteral("relinkAction"), tr("Re&link Media…"));
    m_relinkAction->setToolTip(tr("Point the clip at its media file after it moved"));
    connect(m_relinkAction, &QAction::triggered, this, &MainWindow::onRelink);
    m_removeClipAction = make(QStringLiteral("removeClipAction"), tr("Re&move Clip"));
    m_removeClipAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    connect(m_removeClipAction, &QAction::triggered, this, &MainWindow::onRemoveClip);

    m_viewModeGroup = new QActionGroup(this);
    const auto mode = [this, &make](const QString& name, const QString& text, Viewer::Mode m,
                                    QKeySequence key) {
        QAction* action = make(name, text);
        action->setCheckable(true);
        action->setShortcut(key);
        action->setData(int(m));
        m_viewModeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, m] { m_viewer->setMode(m); });
        return action;
    };
    m_viewGradedAction = mode(QStringLiteral("viewGradedAction"), tr("&Graded (After)"), Viewer::Mode::Graded,
                              QKeySequence(Qt::CTRL | Qt::Key_1));
    m_viewOriginalAction = mode(QStringLiteral("viewOriginalAction"), tr("&Original (Before)"),
                                Viewer::Mode::Original, QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewSplitAction = mode(QStringLiteral("viewSplitAction"), tr("&Split Wipe"), Viewer::Mode::SplitWipe,
                             QKeySequence(Qt::CTRL | Qt::Key_3));
    m_viewSideBySideAction = mode(QStringLiteral("viewSideBySideAction"), tr("Side &by Side"),
                                  Viewer::Mode::SideBySide, QKeySequence(Qt::CTRL | Qt::Key_4));
    m_viewSideBySideAction->setIcon(QIcon(QStringLiteral(":/icons/side-by-side.svg")));
    m_viewGradedAction->setChecked(true);

    m_toggleBeforeAfterAction = make(QStringLiteral("toggleBeforeAfterAction"), tr("&Toggle Before/After"));
    m_toggleBeforeAfterAction->setShortcuts({QKeySequence(Qt::Key_Backslash), QKeySequence(Qt::Key_B)});
    connect(m_toggleBeforeAfterAction, &QAction::triggered, m_viewer, &Viewer::toggleBeforeAfter);

    m_compareAction =
        make(QStringLiteral("compareAction"), tr("Before/After Split"), QStringLiteral("split"));
    m_compareAction->setCheckable(true);
    m_compareAction->setToolTip(tr("Compare the original (left) with the grade (right); drag the line"));
    connect(m_compareAction, &QAction::toggled, this, [this](bool on) {
        const bool comparing =
            m_viewer->mode() == Viewer::Mode::SplitWipe || m_viewer->mode() == Viewer::Mode::SideBySide;
        if (on != comparing)
            m_viewer->setMode(on ? Viewer::Mode::SplitWipe : Viewer::Mode::Graded);
    });

    m_zoomFitAction = make(QStringLiteral("zoomFitAction"), tr("Zoom to &Fit"), QStringLiteral("zoom-fit"));
    m_zoomFitAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Z));
    connect(m_zoomFitAction, &QAction::triggered, m_viewer, &Viewer::zoomToFit);
    m_zoom100Action = make(QStringLiteral("zoom100Action"), tr("Zoom &100 %"));
    m_zoom100Action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoom100Action, &QAction::triggered, this, [this] { m_viewer->setZoom(1.0); });
    m_zoomInAction = make(QStringLiteral("zoomInAction"), tr("Zoom &In"));
    m_zoomInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_zoomInAction, &QAction::triggered, m_viewer, &Viewer::zoomIn);
    m_zoomOutAction = make(QStringLiteral("zoomOutAction"), tr("Zoom O&ut"));
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_zoomOutAction, &QAction::triggered, m_viewer, &Viewer::zoomOut);

    const auto clipStep = [this](int delta) {
        if (m_session->hasClip())
            m_session->setCurrentClip(m_session->currentClipIndex() + delta);
    };
    m_previousClipAction = make(QStringLiteral("previousClipAction"), tr("&Previous Clip"));
    m_previousClipAction->setShortcuts({QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_PageUp)});
    connect(m_previousClipAction, &QAction::triggered, this, [clipStep] { clipStep(-1); });
    m_nextClipAction = make(QStringLiteral("nextClipAction"), tr("&Next Clip"));
    m_nextClipAction->setShortcuts({QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_PageDown)});
    connect(m_nextClipAction, &QAction::triggered, this, [clipStep] { clipStep(1); });

    // Transport, with the keys of every editing and grading program: Space, J/K/L, arrows, Home/End.
    m_playPauseAction = make(QStringLiteral("playPauseAction"), tr("&Play / Pause"), QStringLiteral("play"));
    m_playPauseAction->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_playPauseAction, &QAction::triggered, m_playback, &PlaybackController::togglePlay);
    m_reverseAction = make(QStringLiteral("reverseAction"), tr("Play &Backwards (faster each press)"));
    m_reverseAction->setShortcut(QKeySequence(Qt::Key_J));
    connect(m_reverseAction, &QAction::triggered, m_playback, &PlaybackController::shuttleReverse);
    m_stopAction = make(QStringLiteral("stopAction"), tr("&Stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_K));
    connect(m_stopAction, &QAction::triggered, m_playback, &PlaybackController::pause);
    m_forwardAction = make(QStringLiteral("forwardAction"), tr("Play &Forwards (faster each press)"));
    m_forwardAction->setShortcut(QKeySequence(Qt::Key_L));
    connect(m_forwardAction, &QAction::triggered, m_playback, &PlaybackController::shuttleForward);
    m_stepBackAction = make(QStringLiteral("stepBackAction"), tr("Previous Frame"));
    m_stepBackAction->setShortcut(QKeySequence(Qt::Key_Left));
    connect(m_stepBackAction, &QAction::triggered, m_playback, &PlaybackController::stepBackward);
    m_stepForwardAction = make(QStringLiteral("stepForwardAction"), tr("Next Frame"));
    m_stepForwardAction->setShortcut(QKeySequence(Qt::Key_Right));
    connect(m_stepForwardAction, &QAction::triggered, m_playback, &PlaybackController::stepForward);
    m_startAction = make(QStringLiteral("startAction"), tr("First Frame"));
    m_startAction->setShortcut(QKeySequence(Qt::Key_Home));
    connect(m_startAction, &QAction::triggered, m_playback, &PlaybackController::goToStart);
    m_endAction = make(QStringLiteral("endAction"), tr("Last Frame"));
    m_endAction->setShortcut(QKeySequence(Qt::Key_End));
    connect(m_endAction, &QAction::triggered, m_playback, &PlaybackController::goToEnd);
    m_goInAction = make(QStringLiteral("goInAction"), tr("Go to In"));
    m_goInAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_I));
    connect(m_goInAction, &QAction::triggered, this, [this] {
        if (m_session->hasClip() && m_session->currentClip().inFrame >= 0)
            m_playback->seek(m_session->currentClip().inFrame);
    });
    m_goOutAction = make(QStringLiteral("goOutAction"), tr("Go to Out"));
    m_goOutAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_O));
    connect(m_goOutAction, &QAction::triggered, this, [this] {
        if (m_session->hasClip() && m_session->currentClip().outFrame >= 0)
            m_playback->seek(m_session->currentClip().outFrame);
    });
    m_loopAction = make(QStringLiteral("loopAction"), tr("&Loop"), QStringLiteral("loop"));
    m_loopAction->setCheckable(true);
    connect(m_loopAction, &QAction::toggled, m_playback, &PlaybackController::setLooping);

    m_shortcutsAction = make(QStringLiteral("shortcutsAction"), tr("&Keyboard Shortcuts"));
    m_shortcutsAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence(Qt::Key_F1)});
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::onShortcuts);
    m_aboutAction = make(QStringLiteral("aboutAction"), tr("&About Cinegrade"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);

    // Tool tips name the shortcut, taken from the action so that they cannot disagree.
    for (QAction* action : findChildren<QAction*>(Qt::FindDirectChildrenOnly)) {
        if (action->shortcut().isEmpty())
            continue;
        const QString tip = action->toolTip();
        action->setToolTip(
            QStringLiteral("%1  <span style=\"color:#8c8c8c\">%2</span>")
                .arg(tip.toHtmlEscaped(), action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_loadLookAction);
    m_fileMenu->addAction(m_importCdlAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addAction(m_exportImageAction);
    m_fileMenu->addAction(m_exportCubeAction);
    m_fileMenu->addAction(m_exportCdlAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_preferencesAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_copyGradeAction);
    m_editMenu->addAction(m_pasteGradeAction);
    m_editMenu->addAction(m_resetGradeAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_markInAction);
    m_editMenu->addAction(m_markOutAction);
    m_editMenu->addAction(m_clearMarksAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_relinkAction);
    m_editMenu->addAction(m_removeClipAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addActions(m_viewModeGroup->actions());
    m_viewMenu->addAction(m_toggleBeforeAfterAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_zoomFitAction);
    m_viewMenu->addAction(m_zoom100Action);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_previousClipAction);
    m_viewMenu->addAction(m_nextClipAction);
    m_viewMenu->addSeparator();
    // Dock and toolbar toggles are added by createDocks() / createToolBar().

    m_playbackMenu = menuBar()->addMenu(tr("&Playback"));
    m_playbackMenu->setObjectName(QStringLiteral("playbackMenu"));
    for (QAction* a : {m_playPauseAction, m_reverseAction, m_stopAction, m_forwardAction})
        m_playbackMenu->addAction(a);
    m_playbackMenu->addSeparator();
    for (QAction* a :
         {m_stepBackAction, m_stepForwardAction, m_startAction, m_endAction, m_goInAction, m_goOutAction})
        m_playbackMenu->addAction(a);
    m_playbackMenu->addSeparator();
    m_playbackMenu->addAction(m_loopAction);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addAction(m_importAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_copyGradeAction);
    bar->addAction(m_pasteGradeAction);
    bar->addAction(m_resetGradeAction);
    bar->addSeparator();
    bar->addAction(m_compareAction);
    bar->addAction(m_viewSideBySideAction);
    bar->addAction(m_zoomFitAction);
    bar->addSeparator();
    bar->addAction(m_markInAction);
    bar->addAction(m_markOutAction);
    bar->addSeparator();
    bar->addAction(m_loadLookAction);
    bar->addAction(m_importCdlAction);
    bar->addSeparator();
    bar->addAction(m_exportImageAction);
    bar->addAction(m_exportAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_preferencesAction);
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::createDocks()
{
    const auto dock = [this](const QString& name, const QString& title, QWidget* content) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        return d;
    };

    m_scopes = new ScopesPanel;
    m_scopesDock = dock(QStringLiteral("scopesDock"), tr("Scopes"), m_scopes);
    addDockWidget(Qt::RightDockWidgetArea, m_scopesDock);

    m_timeline = new TimelinePanel(m_session);
    m_timeline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_timeline->setContextActions(
        {m_copyGradeAction, m_pasteGradeAction, m_resetGradeAction, m_relinkAction, m_removeClipAction});
    m_timelineDock = dock(QStringLiteral("timelineDock"), tr("Clips"), m_timeline);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);

    m_gradePanel = new GradePanel;
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("gradeScrollArea"));
    scroll->setWidget(m_gradePanel);
    scroll->setWidgetResizable(true);
    m_gradeDock = dock(QStringLiteral("gradeDock"), tr("Primaries"), scroll);
    addDockWidget(Qt::BottomDockWidgetArea, m_gradeDock);
    splitDockWidget(m_timelineDock, m_gradeDock, Qt::Vertical);

    m_curves = new CurvesEditor;
    m_curvesDock = dock(QStringLiteral("curvesDock"), tr("Curves"), m_curves);
    splitDockWidget(m_gradeDock, m_curvesDock, Qt::Horizontal);

    m_suggestions = new SuggestionsPanel(m_session);
    m_suggestions->setMinConfidence(PreferencesDialog::suggestionMinConfidence());
    m_suggestionsDock = dock(QStringLiteral("suggestionsDock"), tr("Suggestions"), m_suggestions);
    splitDockWidget(m_curvesDock, m_suggestionsDock, Qt::Horizontal);

    resizeDocks({m_scopesDock}, {470}, Qt::Horizontal);
    resizeDocks({m_timelineDock, m_gradeDock}, {150, 290}, Qt::Vertical);
    resizeDocks({m_gradeDock, m_curvesDock, m_suggestionsDock}, {1000, 300, 300}, Qt::Horizontal);

    m_viewMenu->addAction(m_scopesDock->toggleViewAction());
    m_viewMenu->addAction(m_timelineDock->toggleViewAction());
    m_viewMenu->addAction(m_gradeDock->toggleViewAction());
    m_viewMenu->addAction(m_curvesDock->toggleViewAction());
    m_viewMenu->addAction(m_suggestionsDock->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    const auto label = [this](const QString& name, const QString& tip) {
        auto* l = new QLabel(this);
        l->setObjectName(name);
        l->setToolTip(tip);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setObjectName(QStringLiteral("statusExportProgress"));
    m_exportProgress->setMaximumWidth(160);
    m_exportProgress->setMaximumHeight(14);
    m_exportProgress->setTextVisible(false);
    m_exportProgress->hide();
    statusBar()->addPermanentWidget(m_exportProgress);
    m_probeProgress = new QProgressBar(this);
    m_probeProgress->setObjectName(QStringLiteral("statusProbeProgress"));
    m_probeProgress->setToolTip(tr("Reading a clip to count its frames"));
    m_probeProgress->setMaximumWidth(100);
    m_probeProgress->setMaximumHeight(14);
    m_probeProgress->setTextVisible(false);
    m_probeProgress->setRange(0, 0); // indeterminate: a busy indicator
    m_probeProgress->hide();
    statusBar()->addPermanentWidget(m_probeProgress);
    m_clipLabel = label(QStringLiteral("clipLabel"), tr("The clip being graded"));
    m_sizeLabel = label(QStringLiteral("sizeLabel"), tr("Picture size and bit depth of the source"));
    m_frameLabel = label(QStringLiteral("frameStatusLabel"), tr("Frame and timecode of the playhead"));
    m_fpsLabel = label(QStringLiteral("fpsLabel"), tr("Frame rate of the clip"));
    m_colorLabel = label(QStringLiteral("colorSpaceLabel"),
                         tr("Input colour space → working space, and the display / view"));
    m_renderLabel =
        label(QStringLiteral("renderTimeLabel"), tr("Time to render the shown frame (decode, grade, scale)"));
}

// ---------------------------------------------------------------------------------------------
// Reacting to the session and the playhead

void MainWindow::onClipChanged()
{
    const auto media = m_session->media();
    m_scopes->clear();
    m_suggestions->clear();
    m_renderer.setClip(media, m_session->pipeline());
    m_halfResolution = false;
    m_lastShownFrame = -1;
    qint64 frame = 0;
    if (media) {
        const Clip& clip = m_session->currentClip();
        frame = m_playheads.value(media->path(), std::max<qint64>(0, clip.inFrame));
        m_ruler->setClip(media->frameCount(), media->frameRate());
        m_ruler->setMarks(clip.inFrame, clip.outFrame);
        m_playback->setLoopRange(clip.inFrame, clip.outFrame);
    } else {
        m_viewer->clear(m_session->mediaError());
        m_ruler->setClip(0, 0.0);
        m_ruler->setMarks(-1, -1);
        m_playback->setLoopRange(-1, -1);
    }
    // Moves the playhead and asks for the frame.
    m_playback->setMedia(media, frame);
    m_gradePanel->setColorSpaces(m_session->colorSpaces(),
                                 m_session->hasClip() ? m_session->currentClip().inputColorSpace : QString(),
                                 m_session->hasClip());
    updateDisplayViews();
    updateStatus();
    updateTitle();
    updateActions();
}

void MainWindow::onClipsChanged()
{
    if (m_session->hasClip()) {
        const Clip& clip = m_session->currentClip();
        m_ruler->setMarks(clip.inFrame, clip.outFrame);
        m_playback->setLoopRange(clip.inFrame, clip.outFrame);
        m_gradePanel->setColorSpaces(m_session->colorSpaces(), clip.inputColorSpace, true);
    }
    updateDisplayViews();
    updateStatus();
    updateTitle();
    updateActions();
}

void MainWindow::onGradeChanged(const Grade& grade)
{
    m_gradePanel->setGrade(grade);
    m_curves->setCurves(grade.curves);
    requestRender();
    updateActions();
}

void MainWindow::onFrameChanged(qint64 frame)
{
    m_ruler->setPlayhead(frame);
    if (const auto media = m_session->media())
        m_playheads[media->path()] = frame;
    requestRender();
    updateFrameStatus();
}

int MainWindow::previewWidth() const
{
    const auto media = m_session->media();
    if (!media)
        return kPreviewMaxWidth;
    const int source = media->width();
    // The width the picture takes on screen, in device pixels: no need to grade more than that.
    const double scale = m_viewer->isFitted() ? m_viewer->fitScaleFor(QSize(media->width(), media->height()))
                                              : m_viewer->displayScale();
    const int needed = int(std::ceil(scale * source * m_viewer->devicePixelRatioF()));
    if (m_playback->isPlaying()) {
        const int width = previewWidthFor(source, std::min(needed, kPreviewMaxWidth));
        // Half resolution when the full preview cannot keep the clip's rate.
        return m_halfResolution ? std::max(160, width / 2) : width;
    }
    // Zoomed in past the preview's pixels: the paused frame is worth its full resolution.
    if (needed > kPreviewMaxWidth)
        return source;
    return previewWidthFor(source, needed);
}

void MainWindow::requestRender()
{
    if (!m_session->media())
        return;
    m_renderer.render(m_playback->frame(), m_session->currentGrade(), previewWidth());
}

double MainWindow::playbackRate() const
{
    if (m_shownTimes.size() < 2)
        return 0.0;
    const double span = double(m_shownTimes.back() - m_shownTimes.front()) / 1000.0;
    return span > 0 ? double(m_shownTimes.size() - 1) / span : 0.0;
}

void MainWindow::onRendered(const RenderedFrame& frame)
{
    m_viewer->setFrame(frame);
    m_scopes->setImage(frame.graded);
    m_suggestions->setFrame(frame);
    m_lastRenderMs = frame.decodeMs + frame.renderMs;
    m_renderLabel->setText(tr("Render %1 ms").arg(m_lastRenderMs, 0, 'f', 1));
    if (m_playback->isPlaying() && frame.frame != m_lastShownFrame) {
        ++m_playedFrames;
        const qint64 now = m_playClock.elapsed();
        m_shownTimes.push_back(now);
        while (m_shownTimes.size() > 2 && now - m_shownTimes.front() > 1000)
            m_shownTimes.pop_front();
        const double target = m_playback->frameRate() * std::abs(m_playback->speed());
        if (m_shownTimes.size() >= 4)
            m_transport->setPlaybackRate(playbackRate(), target);
        // Adapt: when rendering takes most of a frame's time three frames in a row, halve the preview.
        const double budget = target > 0 ? 1000.0 / target : 1000.0;
        if (!m_halfResolution && PreferencesDialog::adaptivePlaybackResolution()) {
            m_slowFrames = m_lastRenderMs > 0.8 * budget ? m_slowFrames + 1 : 0;
            if (m_slowFrames >= 3) {
                m_halfResolution = true;
                statusBar()->showMessage(
                    tr("Playing at half resolution to keep up with the clip's frame rate"), 3000);
            }
        }
    }
    m_lastShownFrame = frame.frame;
    emit frameShown(frame.frame);
}

void MainWindow::onPlayingChanged(bool playing)
{
    m_stepBackAction->setEnabled(true);
    m_playPauseAction->setIcon(
        QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
    if (playing) {
        m_playedFrames = 0;
        m_slowFrames = 0;
        m_shownTimes.clear();
        m_playClock.start();
    } else {
        // Back to the full preview for the frame that stays on screen.
        const bool wasHalf = m_halfResolution;
        m_halfResolution = false;
        if (wasHalf || m_viewer->originalImage().width() != previewWidth())
            requestRender();
    }
}

void MainWindow::onViewerModeChanged(Viewer::Mode mode)
{
    for (QAction* action : m_viewModeGroup->actions())
        if (action->data().toInt() == int(mode))
            action->setChecked(true);
    const QSignalBlocker block(m_compareAction);
    m_compareAction->setChecked(mode == Viewer::Mode::SplitWipe || mode == Viewer::Mode::SideBySide);
}

bool MainWindow::isProcessing() const
{
    return m_session->isProbing() || m_renderer.isBusy() || m_scopes->isBusy() || m_suggestions->isBusy() ||
           m_imageExportWatcher.isRunning() || m_timeline->isBusy() ||
           (m_exportDialog && m_exportDialog->isRunning());
}

bool MainWindow::isRendering() const
{
    return m_renderer.isBusy() || m_scopes->isBusy();
}

void MainWindow::onProbingChanged(bool probing, const QString& path)
{
    // The window keeps painting while a clip is probed (ProjectSession); say what it is doing.
    if (probing) {
        const QString message = tr("Reading %1…").arg(QFileInfo(path).fileName());
        statusBar()->showMessage(message);
        m_probeMessage = message;
        QApplication::setOverrideCursor(Qt::BusyCursor);
        m_probeProgress->show();
    } else {
        QApplication::restoreOverrideCursor();
        if (statusBar()->currentMessage() == m_probeMessage)
            statusBar()->clearMessage();
        m_probeProgress->hide();
        updateStatus();
        // Once the edit that asked for the probe is over (it may start a render): not from inside it.
        QTimer::singleShot(0, this, &MainWindow::checkIdle);
    }
}

void MainWindow::checkIdle()
{
    if (!isProcessing())
        emit processingFinished();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Cinegrade").arg(m_session->displayName()));
    setWindowModified(m_session->isModified());
}

void MainWindow::updateStatus()
{
    const auto media = m_session->media();
    const bool has = m_session->hasClip();
    for (QLabel* l : {m_clipLabel, m_sizeLabel, m_frameLabel, m_fpsLabel, m_colorLabel, m_renderLabel})
        l->setVisible(has);
    if (!has)
        return;
    m_clipLabel->setText(tr("Clip %1 of %2: %3")
                             .arg(m_session->currentClipIndex() + 1)
                             .arg(m_session->clipCount())
                             .arg(m_session->currentClip().name));
    if (media) {
        m_sizeLabel->setText(
            tr("%1 × %2 · %3-bit").arg(media->width()).arg(media->height()).arg(media->bitDepth()));
        m_fpsLabel->setText(
            media->isVideo() ? tr("%1 fps").arg(media->frameRate(), 0, 'f',
                                                media->frameRate() == std::floor(media->frameRate()) ? 0 : 3)
                             : tr("Still"));
    } else {
        m_sizeLabel->setText(m_session->isProbing() && m_session->mediaError().isEmpty() ? tr("Probing…")
                                                                                         : tr("Offline"));
        m_fpsLabel->clear();
    }
    m_colorLabel->setText(tr("%1 ▸ %2").arg(m_session->colorSpaceName(), m_session->displayViewName()));
    updateFrameStatus();
}

void MainWindow::updateFrameStatus()
{
    const auto media = m_session->media();
    if (!media || media->isStill()) {
        m_frameLabel->setText(media ? tr("Frame 0") : QString());
        return;
    }
    m_frameLabel->setText(tr("Frame %1 · %2")
                              .arg(m_playback->frame())
                              .arg(Timecode::fromFrame(m_playback->frame(), media->frameRate())));
}

void MainWindow::updateDisplayViews()
{
    QStringList labels;
    m_displayViewChoices.clear();
    const QStringList displays = m_session->displays();
    const ColorPipelineOptions& color = m_session->project().color;
    const QString currentDisplay = color.display.isEmpty() ? displays.value(0) : color.display;
    int current = 0;
    for (const QString& display : displays) {
        const QStringList views = m_session->views(display);
        const QString currentView = color.view.isEmpty() ? views.value(0) : color.view;
        for (const QString& view : views) {
            if (display == currentDisplay && view == currentView)
                current = int(labels.size());
            labels << tr("%1 / %2").arg(display, view);
            m_displayViewChoices << display + QLatin1Char('\n') + view;
        }
    }
    m_transport->setDisplayViews(labels, current);
}

void MainWindow::updateActions()
{
    const bool has = m_session->hasClip();
    const auto media = m_session->media();
    m_saveAction->setEnabled(has || m_session->isModified());
    m_saveAsAction->setEnabled(has);
    m_exportAction->setEnabled(media != nullptr);
    m_exportImageAction->setEnabled(media != nullptr);
    m_exportCubeAction->setEnabled(has);
    m_exportCdlAction->setEnabled(has);
    m_importCdlAction->setEnabled(has);
    m_loadLookAction->setEnabled(has);
    m_copyGradeAction->setEnabled(has);
    m_pasteGradeAction->setEnabled(has && m_hasCopiedGrade);
    m_resetGradeAction->setEnabled(has);
    const bool video = media && media->isVideo();
    for (QAction* a : {m_markInAction, m_markOutAction, m_clearMarksAction})
        a->setEnabled(video);
    // Without a clip there is nothing to grade: the panels say so by being disabled.
    m_gradePanel->setEnabled(has);
    m_curves->setEnabled(has);
    m_relinkAction->setEnabled(has);
    m_removeClipAction->setEnabled(has);
    m_previousClipAction->setEnabled(has && m_session->currentClipIndex() > 0);
    m_nextClipAction->setEnabled(has && m_session->currentClipIndex() + 1 < m_session->clipCount());
}

void MainWindow::reportError(const QString& title, const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    emit errorOccurred(message);
    if (m_errorDialogs)
        showErrorDialog(title, message);
}

void MainWindow::showWarning(const QString& message)
{
    // Offline clips and unknown colour spaces: said, not in the way (the viewer also shows it).
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    emit errorOccurred(message);
}

void MainWindow::showErrorDialog(const QString& title, const QString& message)
{
    QMessageBox::warning(this, title, message);
}

bool MainWindow::confirmDiscardChanges()
{
    if (!m_session->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("The project “%1” has changes that are not saved. Save them first?").arg(m_session->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return onSave();
    return answer == QMessageBox::Discard;
}

QString MainWindow::locateMissingMedia(const Clip& clip)
{
    const auto answer = QMessageBox::question(this, tr("Media missing"),
                                              tr("The media of clip “%1” is not where the project "
                                                 "says:\n%2\n\nFind it now? Otherwise the clip stays "
                                                 "offline (its grade is kept).")
                                                  .arg(clip.name, QDir::toNativeSeparators(clip.mediaPath)),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return {};
    const QString folder = QFileInfo(clip.mediaPath).absoluteDir().exists()
                               ? QFileInfo(clip.mediaPath).absolutePath()
                               : lastDirectory();
    return QFileDialog::getOpenFileName(
        this, tr("Find “%1”").arg(QFileInfo(clip.mediaPath).fileName()), folder,
        tr("Media (%1)").arg(mediaFilter()) + QStringLiteral(";;") + tr("All files (*)"));
}

bool MainWindow::confirmRecovery(const Autosave::Candidate& candidate)
{
    const QString name = candidate.name.isEmpty() ? tr("Untitled") : candidate.name;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved work"),
        tr("Cinegrade did not close properly. Unsaved changes to “%1” from %2 were kept.\n\nRecover them?")
            .arg(name, QLocale().toString(candidate.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    return answer == QMessageBox::Yes;
}

// ---------------------------------------------------------------------------------------------
// What the menus do

bool MainWindow::openPath(const QString& path)
{
    return openPaths({path});
}

bool MainWindow::openPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return false;
    const bool project = ProjectSession::isProjectPath(paths.first());
    const QString error = attempt([&] {
        if (project)
            m_session->openProject(paths.first(),
                                   [this](const Clip& clip) { return locateMissingMedia(clip); });
        else
            m_session->newProjectFromMedia(paths);
    });
    if (!error.isEmpty()) {
        reportError(tr("Cannot open"), error);
        return false;
    }
    m_playheads.clear();
    rememberDirectory(paths.first());
    if (project) {
        addRecentFile(paths.first());
        if (paths.size() > 1)
            statusBar()->showMessage(tr("Opened the project; the other files were not added."), 8000);
    }
    return true;
}

bool MainWindow::importMedia(const QStringList& paths)
{
    if (paths.isEmpty())
        return false;
    const int before = m_session->clipCount();
    const QStringList errors = m_session->importMedia(paths);
    const int added = m_session->clipCount() - before;
    if (!errors.isEmpty())
        reportError(tr("Cannot import"), errors.join(QLatin1Char('\n')));
    if (added > 0) {
        rememberDirectory(paths.first());
        statusBar()->showMessage(tr("Imported %n clip(s)", "", added), 5000);
    }
    return errors.isEmpty() && added > 0;
}

void MainWindow::newProject()
{
    m_session->newProject();
    m_playheads.clear();
}

bool MainWindow::saveProjectTo(const QString& path)
{
    const QString error = attempt([&] { m_session->saveProject(path); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot save the project"), error);
        return false;
    }
    rememberDirectory(path);
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportGradedImage(const QString& path)
{
    const auto media = m_session->media();
    QString error;
    if (!m_session->hasClip() || !media)
        error = tr("There is no picture to export.");
    else if (m_imageExportWatcher.isRunning())
        error = tr("An export is already running.");
    else if (QFileInfo(path).absoluteFilePath() == QFileInfo(media->path()).absoluteFilePath())
        error = tr("%1: the export would overwrite its own source.").arg(QFileInfo(path).fileName());
    else
        error = attempt([&] { StillImage::fileTypeForPath(path); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot export"), error);
        emit exportFinished(path, false);
        return;
    }
    m_imageExportPath = path;
    statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    m_imageExportWatcher.setFuture(
        QtConcurrent::run([media, frame = m_playback->frame(), grade = m_session->currentGrade(),
                           pipeline = m_session->pipeline(), path]() -> QString {
            // The export grade uses the finer 65^3 lattice (DESIGN.md §3) on the full-resolution frame.
            return attempt([&] {
                const CompiledGrade compiled(grade, CompiledGrade::kExportSize, pipeline);
                StillImage::write(path, compiled.applied(media->frame(frame)));
            });
        }));
}

void MainWindow::onImageExportDone()
{
    const QString error = m_imageExportWatcher.result();
    const bool ok = error.isEmpty();
    if (ok)
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(m_imageExportPath)), 6000);
    else
        reportError(tr("Cannot export"), error);
    emit exportFinished(m_imageExportPath, ok);
    checkIdle();
}

ExportDialog* MainWindow::exportDialog()
{
    if (!m_exportDialog) {
        m_exportDialog = new ExportDialog(this);
        connect(m_exportDialog, &ExportDialog::progressed, this, [this](qint64 done, qint64 total, double) {
            m_exportProgress->setMaximum(int(std::max<qint64>(1, total)));
            m_exportProgress->setValue(int(done));
        });
        connect(m_exportDialog, &ExportDialog::runningChanged, this, [this](bool running) {
            m_exportProgress->setVisible(running);
            m_exportProgress->setValue(0);
            if (!running)
                checkIdle();
        });
        connect(m_exportDialog, &ExportDialog::exportFinished, this,
                [this](bool ok, const QString& path, const QString& message) {
                    statusBar()->showMessage(message, 10000);
                    if (!ok)
                        m_lastError = message;
                    emit exportFinished(path, ok);
                });
    }
    if (!m_exportDialog->isRunning()) {
        ExportJob job;
        if (const auto media = m_session->media(); media && media->isVideo()) {
            const Clip& clip = m_session->currentClip();
            job.input = media->path();
            job.clipName = clip.name;
            job.grade = clip.grade;
            job.pipeline = m_session->pipeline();
            job.frameCount = media->frameCount();
            job.frameRate = media->frameRate();
            job.inFrame = clip.inFrame;
            job.outFrame = clip.outFrame;
        }
        m_exportDialog->setJob(job, QSettings().value(QStringLiteral("files/exportDirectory")).toString());
    }
    return m_exportDialog;
}

void MainWindow::showExportDialog()
{
    const auto media = m_session->media();
    if (media && media->isStill()) {
        onExportImage(); // a still exports as an image
        return;
    }
    ExportDialog* dialog = exportDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

bool MainWindow::loadLook(const QString& path)
{
    if (!m_session->hasClip())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    CubeLut lut;
    const QString error = attempt([&] { lut = CubeFile::read(absolute); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot load the look LUT"), error);
        return false;
    }
    Grade grade = m_session->currentGrade();
    grade.look = LookLut{absolute, std::move(lut)};
    m_session->editGrade(grade, tr("Load look %1").arg(QFileInfo(path).fileName()));
    rememberDirectory(path);
    return true;
}

bool MainWindow::exportGradeCube(const QString& path)
{
    if (!m_session->hasClip())
        return false;
    const QString error = attempt([&] {
        // 33^3 is the size every grading tool reads; the cube holds the whole grade (and pipeline).
        const CompiledGrade compiled(m_session->currentGrade(), CompiledGrade::kDefaultSize,
                                     m_session->pipeline());
        CubeLut cube;
        cube.title = QStringLiteral("Cinegrade: %1").arg(m_session->currentClip().name);
        cube.lut3d = compiled.bakeCube(CompiledGrade::kDefaultSize);
        CubeFile::write(path, cube);
    });
    if (!error.isEmpty()) {
        reportError(tr("Cannot export the LUT"), error);
        return false;
    }
    rememberDirectory(path);
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::importCdl(const QString& path)
{
    if (!m_session->hasClip())
        return false;
    std::vector<Cdl> cdls;
    QString error = attempt([&] { cdls = CdlFile::read(path); });
    if (error.isEmpty() && cdls.empty())
        error = tr("%1: the file holds no colour correction.").arg(QFileInfo(path).fileName());
    if (!error.isEmpty()) {
        reportError(tr("Cannot import the CDL"), error);
        return false;
    }
    m_session->editGrade(gradeWithCdl(m_session->currentGrade(), cdls.front()),
                         tr("Import CDL %1").arg(QFileInfo(path).fileName()));
    rememberDirectory(path);
    statusBar()->showMessage(
        cdls.size() > 1
            ? tr("Applied the first of %1 corrections in %2").arg(cdls.size()).arg(QFileInfo(path).fileName())
            : tr("Applied %1").arg(QFileInfo(path).fileName()),
        6000);
    return true;
}

bool MainWindow::exportCdl(const QString& path)
{
    if (!m_session->hasClip())
        return false;
    CdlFromGrade result = cdlFromGrade(m_session->currentGrade());
    result.cdl.id = m_session->currentClip().name;
    const QString error = attempt([&] { CdlFile::write(path, {result.cdl}); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot export the CDL"), error);
        return false;
    }
    rememberDirectory(path);
    // A CDL holds primaries only: say what it leaves out, so nobody is surprised downstream.
    statusBar()->showMessage(
        result.notExpressed.isEmpty()
            ? tr("Exported %1").arg(QDir::toNativeSeparators(path))
            : tr("Exported %1; a CDL cannot hold: %2")
                  .arg(QDir::toNativeSeparators(path), result.notExpressed.join(QStringLiteral(", "))),
        8000);
    return true;
}

void MainWindow::resetGrade()
{
    const QList<int> clips = m_timeline->selectedClips();
    m_session->editGrades(clips.isEmpty() ? QList<int>{m_session->currentClipIndex()} : clips, Grade{},
                          tr("Reset grade"));
}

void MainWindow::copyGrade()
{
    if (!m_session->hasClip())
        return;
    m_copiedGrade = m_session->currentGrade();
    m_hasCopiedGrade = true;
    updateActions();
    statusBar()->showMessage(tr("Copied the grade of %1").arg(m_session->currentClip().name), 4000);
}

void MainWindow::pasteGrade()
{
    if (!m_hasCopiedGrade || !m_session->hasClip())
        return;
    const QList<int> clips = m_timeline->selectedClips();
    m_session->editGrades(clips, m_copiedGrade, tr("Paste grade"));
    statusBar()->showMessage(tr("Pasted the grade onto %n clip(s)", "", int(clips.size())), 4000);
}

void MainWindow::setInPoint()
{
    const auto media = m_session->media();
    if (!media || !media->isVideo())
        return;
    const Clip& clip = m_session->currentClip();
    const qint64 in = m_playback->frame();
    m_session->setMarks(m_session->currentClipIndex(), in,
                        clip.outFrame >= 0 && clip.outFrame < in ? -1 : clip.outFrame);
}

void MainWindow::setOutPoint()
{
    const auto media = m_session->media();
    if (!media || !media->isVideo())
        return;
    const Clip& clip = m_session->currentClip();
    const qint64 out = m_playback->frame();
    m_session->setMarks(m_session->currentClipIndex(), clip.inFrame > out ? -1 : clip.inFrame, out);
}

void MainWindow::clearMarks()
{
    if (m_session->hasClip())
        m_session->setMarks(m_session->currentClipIndex(), -1, -1);
}

bool MainWindow::relinkClip(int index)
{
    if (index < 0 || index >= m_session->clipCount())
        return false;
    const QString path = locateMissingMedia(m_session->clip(index));
    if (path.isEmpty())
        return false;
    const QString error = attempt([&] { m_session->relinkClip(index, path); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot relink"), error);
        return false;
    }
    return true;
}

bool MainWindow::checkForRecovery()
{
    const QList<Autosave::Candidate> candidates = Autosave::findRecoverable();
    if (candidates.isEmpty())
        return false;
    const Autosave::Candidate& newest = candidates.front();
    if (!confirmRecovery(newest)) {
        Autosave::remove(newest);
        return false;
    }
    Project project;
    const QString error = attempt([&] { project = Autosave::load(newest); });
    if (!error.isEmpty()) {
        Autosave::remove(newest);
        reportError(tr("Cannot recover"), error);
        return false;
    }
    m_session->openRecovered(project, newest.projectPath);
    Autosave::remove(newest);
    m_autosave->saveNow(); // this window's own autosave takes over at once
    statusBar()->showMessage(tr("Recovered unsaved work; save it to keep it."), 8000);
    return true;
}

void MainWindow::onNew()
{
    if (!confirmDiscardChanges())
        return;
    newProject();
}

void MainWindow::onOpen()
{
    if (!confirmDiscardChanges())
        return;
    const QString filter = tr("Projects and media (*.cgproj %1)").arg(mediaFilter()) + QStringLiteral(";;") +
                           tr("Cinegrade projects (*.cgproj)") + QStringLiteral(";;") +
                           tr("Media (%1)").arg(mediaFilter()) + QStringLiteral(";;") + tr("All files (*)");
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open Project or Media"), lastDirectory(), filter);
    if (!paths.isEmpty())
        openPaths(paths);
}

void MainWindow::onImport()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Media"), lastDirectory(),
                                                            tr("Media (%1)").arg(mediaFilter()) +
                                                                QStringLiteral(";;") + tr("All files (*)"));
    if (!paths.isEmpty())
        importMedia(paths);
}

bool MainWindow::onSave()
{
    if (m_session->projectPath().isEmpty())
        return onSaveAs();
    return saveProjectTo(m_session->projectPath());
}

bool MainWindow::onSaveAs()
{
    const QString suggested =
        QDir(lastDirectory()).filePath(m_session->displayName() + QStringLiteral(".cgproj"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project"), suggested,
                                                tr("Cinegrade projects (*.cgproj)"));
    if (path.isEmpty())
        return false;
    return saveProjectTo(withSuffix(path, QStringLiteral("cgproj")));
}

void MainWindow::onExportImage()
{
    const auto media = m_session->media();
    if (!media)
        return;
    const QString png = tr("PNG image (*.png)");
    const QString tiff = tr("TIFF image (*.tif *.tiff)");
    const QString jpeg = tr("JPEG image (*.jpg *.jpeg)");
    QString base = QFileInfo(media->path()).completeBaseName();
    if (media->isVideo())
        base += QStringLiteral("_%1").arg(m_playback->frame(), 5, 10, QLatin1Char('0'));
    QString selected = png;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Graded Frame"), QDir(lastDirectory()).filePath(base + QStringLiteral("_graded.png")),
        png + QStringLiteral(";;") + tiff + QStringLiteral(";;") + jpeg, &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected == tiff
                                ? QStringLiteral("tif")
                                : (selected == jpeg ? QStringLiteral("jpg") : QStringLiteral("png")));
    exportGradedImage(path);
}

void MainWindow::onLoadLook()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load Look LUT"), lastDirectory(),
                                     tr("Cube LUTs (*.cube)") + QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        loadLook(path);
}

void MainWindow::onImportCdl()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import ASC CDL"), lastDirectory(),
                                                      tr("ASC CDL (*.cdl *.cc *.ccc)") +
                                                          QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        importCdl(path);
}

void MainWindow::onExportCdl()
{
    if (!m_session->hasClip())
        return;
    const QString base = QFileInfo(m_session->currentClip().mediaPath).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export ASC CDL"), QDir(lastDirectory()).filePath(base + QStringLiteral(".cdl")),
        tr("ASC CDL (*.cdl *.cc *.ccc)"));
    if (!path.isEmpty())
        exportCdl(withSuffix(path, QStringLiteral("cdl")));
}

void MainWindow::onExportCube()
{
    const QString base = m_session->hasClip()
                             ? QFileInfo(m_session->currentClip().mediaPath).completeBaseName()
                             : QStringLiteral("grade");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Grade as .cube"), QDir(lastDirectory()).filePath(base + QStringLiteral(".cube")),
        tr("Cube LUTs (*.cube)"));
    if (!path.isEmpty())
        exportGradeCube(withSuffix(path, QStringLiteral("cube")));
}

void MainWindow::onRelink()
{
    const QList<int> clips = m_timeline->selectedClips();
    if (!clips.isEmpty())
        relinkClip(clips.first());
}

void MainWindow::onRemoveClip()
{
    const QList<int> clips = m_timeline->selectedClips();
    // From the end, so the indexes of the others stay valid; each removal is its own undo step.
    for (auto it = clips.rbegin(); it != clips.rend(); ++it)
        m_session->removeClip(*it);
}

void MainWindow::onPreferences()
{
    PreferencesDialog dialog(this);
    connect(&dialog, &PreferencesDialog::applied, this, &MainWindow::applyPreferences);
    connect(&dialog, &PreferencesDialog::resetLayoutRequested, this, &MainWindow::restoreDefaultLayout);
    dialog.exec();
}

void MainWindow::applyPreferences()
{
    m_autosave->setIntervalSeconds(PreferencesDialog::autosaveIntervalSeconds());
    m_suggestions->setMinConfidence(PreferencesDialog::suggestionMinConfidence());
}

void MainWindow::onShortcuts()
{
    ShortcutsDialog dialog({m_fileMenu, m_editMenu, m_viewMenu, m_playbackMenu, m_helpMenu}, this);
    dialog.exec();
}

void MainWindow::onAbout()
{
    QMessageBox::about(
        this, tr("About Cinegrade"),
        tr("<h3>Cinegrade %1</h3>"
           "<p>Colour grading for video and stills: colour wheels, curves, look LUTs, ASC CDL, "
           "OpenColorIO colour management, scopes and before/after comparison, with one evaluation "
           "path for viewer and export.</p>"
           "<p>Built with Qt %2, FFmpeg, OpenColorIO and QCustomPlot.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

// ---------------------------------------------------------------------------------------------
// Window events and settings

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmDiscardChanges()) {
        event->ignore();
        return;
    }
    m_playback->pause();
    if (m_exportDialog && m_exportDialog->isRunning()) {
        const auto answer = m_errorDialogs
                                ? QMessageBox::question(this, tr("Export running"),
                                                        tr("An export is still running. Cancel it and quit?"),
                                                        QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                                : QMessageBox::Yes;
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_exportDialog->cancelExport();
    }
    saveSettings();
    m_autosave->discard(); // closed on purpose: nothing to recover
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A project replaces the open one; media joins it.
    if (ProjectSession::isProjectPath(paths.first())) {
        if (confirmDiscardChanges())
            openPaths({paths.first()});
        return;
    }
    importMedia(paths);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray(), kStateVersion);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("viewer"));
    const int mode = settings.value(QStringLiteral("mode"), int(Viewer::Mode::Graded)).toInt();
    if (mode >= int(Viewer::Mode::Graded) && mode <= int(Viewer::Mode::SideBySide))
        m_viewer->setMode(Viewer::Mode(mode));
    m_viewer->setWipePosition(settings.value(QStringLiteral("wipe"), 0.5).toDouble());
    m_loopAction->setChecked(settings.value(QStringLiteral("loop"), false).toBool());
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(kStateVersion));
    settings.endGroup();
    settings.beginGroup(QStringLiteral("viewer"));
    settings.setValue(QStringLiteral("mode"), int(m_viewer->mode()));
    settings.setValue(QStringLiteral("wipe"), m_viewer->wipePosition());
    settings.setValue(QStringLiteral("loop"), m_loopAction->isChecked());
    settings.endGroup();
}

void MainWindow::restoreDefaultLayout()
{
    restoreState(m_defaultState, kStateVersion);
    for (QDockWidget* d : {m_scopesDock, m_timelineDock, m_gradeDock, m_curvesDock, m_suggestionsDock})
        d->show();
}

QStringList MainWindow::recentFiles()
{
    QStringList files = QSettings().value(QStringLiteral("files/recent")).toStringList();
    files.erase(
        std::remove_if(files.begin(), files.end(), [](const QString& f) { return !QFileInfo::exists(f); }),
        files.end());
    return files;
}

void MainWindow::addRecentFile(const QString& path)
{
    QStringList files = QSettings().value(QStringLiteral("files/recent")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString file = files[i];
        QAction* action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()));
        action->setToolTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] {
            if (confirmDiscardChanges())
                openPath(file);
        });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this,
                            [] { QSettings().remove(QStringLiteral("files/recent")); });
}

QString MainWindow::lastDirectory() const
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    return QSettings().value(QStringLiteral("files/lastDirectory"), fallback).toString();
}

void MainWindow::rememberDirectory(const QString& path)
{
    QSettings().setValue(QStringLiteral("files/lastDirectory"), QFileInfo(path).absolutePath());
}

} // namespace cg
