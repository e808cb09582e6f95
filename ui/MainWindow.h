#pragma once

#include "Autosave.h"
#include "Grade.h"
#include "Image.h"
#include "PreviewRenderer.h"
#include "ProjectSession.h"
#include "Viewer.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>

#include <deque>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;

namespace cg {

class CurvesEditor;
class ExportDialog;
class GradePanel;
class PlaybackController;
class ScopesPanel;
class SuggestionsPanel;
class TimelinePanel;
class TimelineRuler;
class TransportBar;

/// Cinegrade's main window, laid out like a grading suite's colour page: the viewer in the middle
/// with the transport under it, the scopes beside it, the clips (thumbnails, ruler, playhead) below,
/// and the primaries (wheels, adjustments) and curves at the bottom. Every panel is a dock whose
/// layout is remembered. It wires a ProjectSession (the project being edited) to the widgets and to
/// the background work (frame rendering, scopes, thumbnails, export, autosave); it holds no grading
/// logic itself.
///
/// The public functions are what the menus do after their dialogs, so tests and the command line
/// can drive the window without dialogs. Errors go through reportError(): remembered in lastError(),
/// shown in the status bar and, unless disabled, in a message box (showErrorDialog, overridable).
/// Every question the window asks goes through a virtual function that tests override.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    static QIcon applicationIcon();

    /// Open a project (.cgproj), or media files as a new project. On failure the open project stays.
    bool openPath(const QString& path);
    bool openPaths(const QStringList& paths);
    /// Add media files to the open project (one undo step); unreadable files are reported and left out.
    bool importMedia(const QStringList& paths);
    void newProject();
    bool saveProjectTo(const QString& path);
    /// Grade the current frame at full resolution (65^3) and write it (PNG, TIFF or JPEG by extension)
    /// in the background; exportFinished() reports the outcome.
    void exportGradedImage(const QString& path);
    /// The export dialog for the current clip (created on first use; also shown by File ▸ Export).
    ExportDialog* exportDialog();
    void showExportDialog();
    bool loadLook(const QString& path);
    bool exportGradeCube(const QString& path);
    bool importCdl(const QString& path);
    bool exportCdl(const QString& path);
    void resetGrade();
    void copyGrade();
    /// Paste the copied grade onto the clips selected in the timeline (one undo step).
    void pasteGrade();
    bool hasCopiedGrade() const { return m_hasCopiedGrade; }
    void setInPoint();
    void setOutPoint();
    void clearMarks();
    /// Ask where a clip's media went (locateMissingMedia) and point the clip there.
    bool relinkClip(int index);
    /// Offer to recover work an earlier, crashed run left in an autosave. True when recovered.
    bool checkForRecovery();

    ProjectSession* session() const { return m_session; }
    Viewer* viewer() const { return m_viewer; }
    GradePanel* gradePanel() const { return m_gradePanel; }
    CurvesEditor* curvesEditor() const { return m_curves; }
    ScopesPanel* scopesPanel() const { return m_scopes; }
    SuggestionsPanel* suggestionsPanel() const { return m_suggestions; }
    TimelinePanel* timelinePanel() const { return m_timeline; }
    TransportBar* transportBar() const { return m_transport; }
    TimelineRuler* ruler() const { return m_ruler; }
    PlaybackController* playback() const { return m_playback; }
    Autosave* autosave() const { return m_autosave; }

    /// Frame rendering, scopes, thumbnails or an export still running.
    bool isProcessing() const;
    /// The shown frame or the scopes are still being rendered (the part a user waits for).
    bool isRendering() const;
    double lastRenderMilliseconds() const { return m_lastRenderMs; }
    /// The preview width the next render uses (half resolution while playback cannot keep up).
    int previewWidth() const;
    bool isHalfResolution() const { return m_halfResolution; }
    /// Frames shown during the current (or last) playback, and the rate they came at.
    qint64 playbackFramesShown() const { return m_playedFrames; }
    double playbackRate() const;

    QString lastError() const { return m_lastError; }
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }

    /// Window geometry, dock layout and viewer mode from QSettings (saved on close).
    void restoreSettings();
    void saveSettings() const;
    void restoreDefaultLayout();
    static QStringList recentFiles();

signals:
    /// Everything the last change started has been shown (frame, scopes, thumbnails up to date).
    void processingFinished();
    void errorOccurred(const QString& message);
    void exportFinished(const QString& path, bool ok);
    /// A rendered frame reached the viewer.
    void frameShown(qint64 frame);

protected:
    /// Shows a modal message box; tests override it.
    virtual void showErrorDialog(const QString& title, const QString& message);
    /// Asks whether unsaved changes may go (Save / Discard / Cancel). True = go ahead.
    virtual bool confirmDiscardChanges();
    /// Asks for the new place of a clip's missing media; empty = leave it offline.
    virtual QString locateMissingMedia(const Clip& clip);
    /// Asks whether to recover an autosave.
    virtual bool confirmRecovery(const Autosave::Candidate& candidate);

    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();

    void onClipChanged();
    void onClipsChanged();
    void onGradeChanged(const Grade& grade);
    void onFrameChanged(qint64 frame);
    void onRendered(const RenderedFrame& frame);
    void onPlayingChanged(bool playing);
    void onViewerModeChanged(Viewer::Mode mode);
    void onImageExportDone();
    void onProbingChanged(bool probing, const QString& path);
    void requestRender();
    void checkIdle();
    void updateTitle();
    void updateStatus();
    void updateFrameStatus();
    void updateActions();
    void updateDisplayViews();
    void updateRecentMenu();
    void addRecentFile(const QString& path);
    void reportError(const QString& title, const QString& message);
    void showWarning(const QString& message);
    void applyPreferences();

    // Menu handlers: dialogs, then the public functions above.
    void onNew();
    void onOpen();
    void onImport();
    bool onSave();
    bool onSaveAs();
    void onExportImage();
    void onLoadLook();
    void onImportCdl();
    void onExportCdl();
    void onExportCube();
    void onRelink();
    void onRemoveClip();
    void onPreferences();
    void onShortcuts();
    void onAbout();

    QString lastDirectory() const;
    void rememberDirectory(const QString& path);

    ProjectSession* m_session;
    PreviewRenderer m_renderer;
    PlaybackController* m_playback;
    Autosave* m_autosave;
    Viewer* m_viewer = nullptr;
    TransportBar* m_transport = nullptr;
    TimelineRuler* m_ruler = nullptr;
    GradePanel* m_gradePanel = nullptr;
    CurvesEditor* m_curves = nullptr;
    ScopesPanel* m_scopes = nullptr;
    SuggestionsPanel* m_suggestions = nullptr;
    TimelinePanel* m_timeline = nullptr;
    QDockWidget* m_gradeDock = nullptr;
    QDockWidget* m_curvesDock = nullptr;
    QDockWidget* m_scopesDock = nullptr;
    QDockWidget* m_suggestionsDock = nullptr;
    QDockWidget* m_timelineDock = nullptr;
    ExportDialog* m_exportDialog = nullptr;
    QFutureWatcher<QString> m_imageExportWatcher;
    QString m_imageExportPath;
    QByteArray m_defaultState;

    Grade m_copiedGrade;
    bool m_hasCopiedGrade = false;
    QHash<QString, qint64> m_playheads; ///< last frame shown per media file
    QStringList m_displayViewChoices;

    // Rendering and playback measurements.
    double m_lastRenderMs = 0.0;
    bool m_halfResolution = false;
    int m_slowFrames = 0;
    qint64 m_lastShownFrame = -1;
    qint64 m_playedFrames = 0;
    QElapsedTimer m_playClock;
    std::deque<qint64> m_shownTimes; ///< ms of the frames shown in the last second of playback

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_playbackMenu = nullptr;
    QMenu* m_helpMenu = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_exportImageAction = nullptr;
    QAction* m_loadLookAction = nullptr;
    QAction* m_importCdlAction = nullptr;
    QAction* m_exportCdlAction = nullptr;
    QAction* m_exportCubeAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_copyGradeAction = nullptr;
    QAction* m_pasteGradeAction = nullptr;
    QAction* m_resetGradeAction = nullptr;
    QAction* m_markInAction = nullptr;
    QAction* m_markOutAction = nullptr;
    QAction* m_clearMarksAction = nullptr;
    QAction* m_relinkAction = nullptr;
    QAction* m_removeClipAction = nullptr;
    QActionGroup* m_viewModeGroup = nullptr;
    QAction* m_viewGradedAction = nullptr;
    QAction* m_viewOriginalAction = nullptr;
    QAction* m_viewSplitAction = nullptr;
    QAction* m_viewSideBySideAction = nullptr;
    QAction* m_toggleBeforeAfterAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_zoomFitAction = nullptr;
    QAction* m_zoom100Action = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_previousClipAction = nullptr;
    QAction* m_nextClipAction = nullptr;
    QAction* m_playPauseAction = nullptr;
    QAction* m_reverseAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_forwardAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_stepForwardAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_endAction = nullptr;
    QAction* m_goInAction = nullptr;
    QAction* m_goOutAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_aboutAction = nullptr;

    QLabel* m_clipLabel = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QLabel* m_frameLabel = nullptr;
    QLabel* m_fpsLabel = nullptr;
    QLabel* m_colorLabel = nullptr;
    QLabel* m_renderLabel = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QProgressBar* m_probeProgress = nullptr;

    QString m_lastError;
    QString m_probeMessage;
    bool m_errorDialogs = true;
};

} // namespace cg
