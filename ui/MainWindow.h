#pragma once

#include "Grade.h"
#include "Image.h"
#include "PreviewRenderer.h"
#include "ProjectSession.h"
#include "Viewer.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace cg {

class GradePanel;
class ScopesPanel;

/// Cinegrade's main window: the viewer in the middle, the "Grade" and "Scopes" docks around it,
/// menus, toolbar and status bar. It wires a ProjectSession (the project being edited) to the widgets
/// and to the background work (preview rendering, scopes, export); it holds no grading logic itself.
///
/// The public functions are what the menus do after their dialogs, so tests and the command line
/// can drive the window without dialogs. Errors go through reportError(): remembered in lastError(),
/// shown in the status bar and, unless disabled, in a message box (showErrorDialog, overridable).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    static QIcon applicationIcon();

    /// Open a project (.cgproj) or an image (as a new project). On failure the open project stays.
    bool openPath(const QString& path);
    /// A project (the first path), or a new project with one clip per image.
    bool openPaths(const QStringList& paths);
    bool saveProjectTo(const QString& path);
    /// Grade the full-resolution clip (65^3) and write it (PNG, TIFF or JPEG by extension) in the
    /// background; exportFinished() reports the outcome.
    void exportGradedImage(const QString& path);
    bool loadLook(const QString& path);
    bool exportGradeCube(const QString& path);
    void resetGrade();

    ProjectSession* session() const { return m_session; }
    Viewer* viewer() const { return m_viewer; }
    GradePanel* gradePanel() const { return m_gradePanel; }
    ScopesPanel* scopesPanel() const { return m_scopes; }

    /// Preview render, scopes or an export still running.
    bool isProcessing() const;
    double lastRenderMilliseconds() const { return m_lastRenderMs; }

    QString lastError() const { return m_lastError; }
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }

    /// Window geometry, dock layout and viewer mode from QSettings (saved on close).
    void restoreSettings();
    void saveSettings() const;

signals:
    /// Everything the last change started has been shown (preview and scopes up to date).
    void processingFinished();
    void errorOccurred(const QString& message);
    void exportFinished(const QString& path, bool ok);

protected:
    /// Shows a modal message box; tests override it.
    virtual void showErrorDialog(const QString& title, const QString& message);
    /// Asks whether unsaved changes may go (Save / Discard / Cancel). True = go ahead.
    virtual bool confirmDiscardChanges();

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
    void onGradeChanged(const Grade& grade);
    void onRendered(const Image& graded, const Grade& grade, double milliseconds);
    void onViewerModeChanged(Viewer::Mode mode);
    void onExportDone();
    void checkIdle();
    void updateTitle();
    void updateStatus();
    void updateActions();
    void reportError(const QString& title, const QString& message);

    // Menu handlers: dialogs, then the public functions above.
    void onOpen();
    bool onSave();
    bool onSaveAs();
    void onExportImage();
    void onLoadLook();
    void onExportCube();
    void onShortcuts();
    void onAbout();

    QString lastDirectory() const;
    void rememberDirectory(const QString& path);

    ProjectSession* m_session;
    PreviewRenderer m_renderer;
    Viewer* m_viewer = nullptr;
    GradePanel* m_gradePanel = nullptr;
    ScopesPanel* m_scopes = nullptr;
    QDockWidget* m_gradeDock = nullptr;
    QDockWidget* m_scopesDock = nullptr;
    QFutureWatcher<QString> m_exportWatcher;
    QString m_exportPath;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportImageAction = nullptr;
    QAction* m_loadLookAction = nullptr;
    QAction* m_exportCubeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_resetGradeAction = nullptr;
    QActionGroup* m_viewModeGroup = nullptr;
    QAction* m_viewGradedAction = nullptr;
    QAction* m_viewOriginalAction = nullptr;
    QAction* m_viewSplitAction = nullptr;
    QAction* m_viewSideBySideAction = nullptr;
    QAction* m_toggleBeforeAfterAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_previousClipAction = nullptr;
    QAction* m_nextClipAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_aboutAction = nullptr;

    QLabel* m_clipLabel = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QLabel* m_depthLabel = nullptr;
    QLabel* m_colorLabel = nullptr;
    QLabel* m_renderLabel = nullptr;

    QString m_lastError;
    bool m_errorDialogs = true;
    double m_lastRenderMs = 0.0;
};

} // namespace cg
