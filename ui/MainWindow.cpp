#include "MainWindow.h"

#include "CompiledGrade.h"
#include "CubeFile.h"
#include "Error.h"
#include "GradePanel.h"
#include "ScopesPanel.h"
#include "ShortcutsDialog.h"
#include "StillImage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

// Resources of a static library must be registered by name from the global namespace.
static void initUiResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace cg {
namespace {

constexpr int kStateVersion = 1; ///< bump when docks or toolbars change identity

QString imageFilter()
{
    return QStringLiteral("*.png *.jpg *.jpeg *.tif *.tiff *.dpx *.bmp *.exr *.webp");
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

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_session(new ProjectSession(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The grade controls run the full height; the scopes sit under the picture.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_viewer = new Viewer(this);
    setCentralWidget(m_viewer);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();

    connect(m_session, &ProjectSession::clipChanged, this, &MainWindow::onClipChanged);
    connect(m_session, &ProjectSession::gradeChanged, this, &MainWindow::onGradeChanged);
    connect(m_session, &ProjectSession::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    connect(m_session, &ProjectSession::projectPathChanged, this, &MainWindow::updateTitle);
    connect(m_gradePanel, &GradePanel::gradeEdited, m_session, &ProjectSession::editGrade);
    connect(m_gradePanel, &GradePanel::loadLookRequested, this, &MainWindow::onLoadLook);
    connect(&m_renderer, &PreviewRenderer::rendered, this, &MainWindow::onRendered);
    connect(&m_renderer, &PreviewRenderer::failed, this,
            [this](const QString& message) { reportError(tr("Cannot render the preview"), message); });
    connect(&m_renderer, &PreviewRenderer::idle, this, &MainWindow::checkIdle);
    connect(m_scopes, &ScopesPanel::idle, this, &MainWindow::checkIdle);
    connect(m_viewer, &Viewer::modeChanged, this, &MainWindow::onViewerModeChanged);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &MainWindow::onExportDone);

    resize(1600, 960);
    onClipChanged();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    m_exportWatcher.disconnect(this);
    m_exportWatcher.waitForFinished();
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

    m_openAction = make(QStringLiteral("openAction"), tr("&Open Image or Project…"), QStringLiteral("open"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open an image or a project (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::onOpen);

    m_saveAction = make(QStringLiteral("saveAction"), tr("&Save Project"), QStringLiteral("save"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save the project (Ctrl+S)"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::onSave);

    m_saveAsAction = make(QStringLiteral("saveAsAction"), tr("Save Project &As…"));
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::onSaveAs);

    m_exportImageAction =
        make(QStringLiteral("exportImageAction"), tr("&Export Graded Image…"), QStringLiteral("export"));
    m_exportImageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportImageAction->setToolTip(tr("Export the graded image at full resolution (Ctrl+E)"));
    connect(m_exportImageAction, &QAction::triggered, this, &MainWindow::onExportImage);

    m_loadLookAction = make(QStringLiteral("loadLookAction"), tr("Load &Look LUT…"), QStringLiteral("lut"));
    m_loadLookAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_loadLookAction->setToolTip(tr("Load a .cube look LUT, applied after the grade (Ctrl+L)"));
    connect(m_loadLookAction, &QAction::triggered, this, &MainWindow::onLoadLook);

    m_exportCubeAction = make(QStringLiteral("exportCubeAction"), tr("Export Grade as .&cube…"));
    m_exportCubeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportCubeAction, &QAction::triggered, this, &MainWindow::onExportCube);

    m_quitAction = make(QStringLiteral("quitAction"), tr("&Quit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
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
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_resetGradeAction = make(QStringLiteral("resetGradeAction"), tr("Reset &Grade"), QStringLiteral("reset"));
    m_resetGradeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resetGradeAction->setToolTip(tr("Reset every control of the grade (Ctrl+Shift+R)"));
    connect(m_resetGradeAction, &QAction::triggered, this, &MainWindow::resetGrade);

    m_viewModeGroup = new QActionGroup(this);
    const auto mode = [this](const QString& name, const QString& text, Viewer::Mode m, QKeySequence key) {
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
    m_viewGradedAction->setChecked(true);

    m_toggleBeforeAfterAction = make(QStringLiteral("toggleBeforeAfterAction"), tr("&Toggle Before/After"));
    m_toggleBeforeAfterAction->setShortcuts({QKeySequence(Qt::Key_Backslash), QKeySequence(Qt::Key_B)});
    connect(m_toggleBeforeAfterAction, &QAction::triggered, m_viewer, &Viewer::toggleBeforeAfter);

    m_compareAction = make(QStringLiteral("compareAction"), tr("Before/After Split"), QStringLiteral("split"));
    m_compareAction->setCheckable(true);
    m_compareAction->setToolTip(tr("Compare the original (left) with the grade (right); drag the line"));
    connect(m_compareAction, &QAction::toggled, this, [this](bool on) {
        const bool comparing = m_viewer->mode() == Viewer::Mode::SplitWipe ||
                               m_viewer->mode() == Viewer::Mode::SideBySide;
        if (on != comparing)
            m_viewer->setMode(on ? Viewer::Mode::SplitWipe : Viewer::Mode::Graded);
    });

    m_previousClipAction = make(QStringLiteral("previousClipAction"), tr("&Previous Clip"));
    m_previousClipAction->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(m_previousClipAction, &QAction::triggered, this, [this] {
        const QString error = attempt([this] { m_session->setCurrentClip(m_session->currentClipIndex() - 1); });
        if (!error.isEmpty())
            reportError(tr("Cannot open the clip"), error);
    });
    m_nextClipAction = make(QStringLiteral("nextClipAction"), tr("&Next Clip"));
    m_nextClipAction->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(m_nextClipAction, &QAction::triggered, this, [this] {
        const QString error = attempt([this] { m_session->setCurrentClip(m_session->currentClipIndex() + 1); });
        if (!error.isEmpty())
            reportError(tr("Cannot open the clip"), error);
    });

    m_shortcutsAction = make(QStringLiteral("shortcutsAction"), tr("&Keyboard Shortcuts"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::onShortcuts);
    m_aboutAction = make(QStringLiteral("aboutAction"), tr("&About Cinegrade"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_loadLookAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_exportImageAction);
    m_fileMenu->addAction(m_exportCubeAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_resetGradeAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addActions(m_viewModeGroup->actions());
    m_viewMenu->addAction(m_toggleBeforeAfterAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_previousClipAction);
    m_viewMenu->addAction(m_nextClipAction);
    m_viewMenu->addSeparator();
    // Dock and toolbar toggles are added by createDocks() / createToolBar().

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
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_compareAction);
    bar->addAction(m_resetGradeAction);
    bar->addSeparator();
    bar->addAction(m_loadLookAction);
    bar->addAction(m_exportImageAction);
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::createDocks()
{
    m_gradePanel = new GradePanel;
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("gradeScrollArea"));
    scroll->setWidget(m_gradePanel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(320);

    m_gradeDock = new QDockWidget(tr("Grade"), this);
    m_gradeDock->setObjectName(QStringLiteral("gradeDock"));
    m_gradeDock->setWidget(scroll);
    m_gradeDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                             QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_gradeDock);

    m_scopes = new ScopesPanel;
    m_scopesDock = new QDockWidget(tr("Scopes"), this);
    m_scopesDock->setObjectName(QStringLiteral("scopesDock"));
    m_scopesDock->setWidget(m_scopes);
    m_scopesDock->setFeatures(m_gradeDock->features());
    addDockWidget(Qt::BottomDockWidgetArea, m_scopesDock);

    resizeDocks({m_gradeDock}, {380}, Qt::Horizontal);
    resizeDocks({m_scopesDock}, {290}, Qt::Vertical);

    m_viewMenu->addAction(m_gradeDock->toggleViewAction());
    m_viewMenu->addAction(m_scopesDock->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    const auto label = [this](const QString& name) {
        auto* l = new QLabel(this);
        l->setObjectName(name);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_clipLabel = label(QStringLiteral("clipLabel"));
    m_sizeLabel = label(QStringLiteral("sizeLabel"));
    m_depthLabel = label(QStringLiteral("depthLabel"));
    m_colorLabel = label(QStringLiteral("colorSpaceLabel"));
    m_renderLabel = label(QStringLiteral("renderTimeLabel"));
    m_renderLabel->setToolTip(tr("Time to compile the grade and render the preview"));
}

// ---------------------------------------------------------------------------------------------
// Reacting to the session

void MainWindow::onClipChanged()
{
    const auto preview = m_session->preview();
    if (preview && !preview->isNull())
        m_viewer->setOriginal(*preview);
    else
        m_viewer->clear();
    m_scopes->clear();
    m_renderer.setSource(preview, m_session->pipeline());
    updateStatus();
    updateTitle();
    updateActions();
}

void MainWindow::onGradeChanged(const Grade& grade)
{
    m_gradePanel->setGrade(grade);
    m_renderer.render(grade);
    updateActions();
}

void MainWindow::onRendered(const Image& graded, const Grade&, double milliseconds)
{
    m_viewer->setGraded(graded);
    m_scopes->setImage(std::make_shared<const Image>(graded));
    m_lastRenderMs = milliseconds;
    m_renderLabel->setText(tr("Preview %1 ms").arg(milliseconds, 0, 'f', 1));
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
    return m_renderer.isBusy() || m_scopes->isBusy() || m_exportWatcher.isRunning();
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
    const auto source = m_session->source();
    const bool has = source && !source->isNull();
    for (QLabel* l : {m_clipLabel, m_sizeLabel, m_depthLabel, m_colorLabel, m_renderLabel})
        l->setVisible(has);
    if (!has)
        return;
    m_clipLabel->setText(tr("Clip %1 of %2: %3")
                             .arg(m_session->currentClipIndex() + 1)
                             .arg(m_session->clipCount())
                             .arg(m_session->currentClip().name));
    m_sizeLabel->setText(tr("%1 × %2").arg(source->width()).arg(source->height()));
    m_depthLabel->setText(source->format() == PixelFormat::RgbF32 ? tr("32-bit float")
                                                                   : tr("%1-bit").arg(bitDepth(source->format())));
    m_colorLabel->setText(m_session->colorSpaceName());
    m_renderLabel->setText(QString());
}

void MainWindow::updateActions()
{
    const bool has = m_session->hasClip();
    m_saveAction->setEnabled(has || m_session->clipCount() > 0);
    m_saveAsAction->setEnabled(has);
    m_exportImageAction->setEnabled(has);
    m_exportCubeAction->setEnabled(has);
    m_loadLookAction->setEnabled(has);
    m_resetGradeAction->setEnabled(has && !m_session->currentGrade().isIdentity());
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

// ---------------------------------------------------------------------------------------------
// What the menus do

bool MainWindow::openPath(const QString& path) { return openPaths({path}); }

bool MainWindow::openPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return false;
    const QString error = attempt([&] {
        if (ProjectSession::isProjectPath(paths.first()))
            m_session->openProject(paths.first());
        else
            m_session->newProjectFromImages(paths);
    });
    if (!error.isEmpty()) {
        reportError(tr("Cannot open"), error);
        return false;
    }
    rememberDirectory(paths.first());
    if (ProjectSession::isProjectPath(paths.first()) && paths.size() > 1)
        statusBar()->showMessage(tr("Opened the project; the other files were not added."), 8000);
    return true;
}

bool MainWindow::saveProjectTo(const QString& path)
{
    const QString error = attempt([&] { m_session->saveProject(path); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot save the project"), error);
        return false;
    }
    rememberDirectory(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportGradedImage(const QString& path)
{
    const auto source = m_session->source();
    QString error;
    if (!m_session->hasClip() || !source || source->isNull())
        error = tr("There is no image to export.");
    else if (m_exportWatcher.isRunning())
        error = tr("An export is already running.");
    else if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_session->currentClip().mediaPath).absoluteFilePath())
        error = tr("%1: the export would overwrite its own source image.").arg(QFileInfo(path).fileName());
    else
        error = attempt([&] { StillImage::fileTypeForPath(path); });
    if (!error.isEmpty()) {
        reportError(tr("Cannot export"), error);
        emit exportFinished(path, false);
        return;
    }
    m_exportPath = path;
    statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    m_exportWatcher.setFuture(QtConcurrent::run(
        [source, grade = m_session->currentGrade(), pipeline = m_session->pipeline(), path]() -> QString {
            // The export grade uses the finer 65^3 lattice (DESIGN.md §3) on the full-resolution image.
            return attempt([&] {
                const CompiledGrade compiled(grade, CompiledGrade::kExportSize, pipeline.get());
                StillImage::write(path, compiled.applied(*source));
            });
        }));
}

void MainWindow::onExportDone()
{
    const QString error = m_exportWatcher.result();
    const bool ok = error.isEmpty();
    if (ok)
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(m_exportPath)), 6000);
    else
        reportError(tr("Cannot export"), error);
    emit exportFinished(m_exportPath, ok);
    checkIdle();
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
                                     m_session->pipeline().get());
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

void MainWindow::resetGrade()
{
    m_session->editGrade(Grade{}, tr("Reset grade"));
}

void MainWindow::onOpen()
{
    if (!confirmDiscardChanges())
        return;
    const QString filter = tr("Images and projects (%1 *.cgproj)").arg(imageFilter()) + QStringLiteral(";;") +
                           tr("Cinegrade projects (*.cgproj)") + QStringLiteral(";;") +
                           tr("Images (%1)").arg(imageFilter()) + QStringLiteral(";;") + tr("All files (*)");
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open Image or Project"), lastDirectory(), filter);
    if (!paths.isEmpty())
        openPaths(paths);
}

bool MainWindow::onSave()
{
    if (m_session->projectPath().isEmpty())
        return onSaveAs();
    return saveProjectTo(m_session->projectPath());
}

bool MainWindow::onSaveAs()
{
    const QString suggested = QDir(lastDirectory()).filePath(m_session->displayName() + QStringLiteral(".cgproj"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project"), suggested,
                                                tr("Cinegrade projects (*.cgproj)"));
    if (path.isEmpty())
        return false;
    return saveProjectTo(withSuffix(path, QStringLiteral("cgproj")));
}

void MainWindow::onExportImage()
{
    if (!m_session->hasClip())
        return;
    const QString png = tr("PNG image (*.png)");
    const QString tiff = tr("TIFF image (*.tif *.tiff)");
    const QString jpeg = tr("JPEG image (*.jpg *.jpeg)");
    const QString base = QFileInfo(m_session->currentClip().mediaPath).completeBaseName();
    QString selected = png;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Graded Image"),
                                                QDir(lastDirectory()).filePath(base + QStringLiteral("_graded.png")),
                                                png + QStringLiteral(";;") + tiff + QStringLiteral(";;") + jpeg,
                                                &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected == tiff ? QStringLiteral("tif")
                                             : (selected == jpeg ? QStringLiteral("jpg") : QStringLiteral("png")));
    exportGradedImage(path);
}

void MainWindow::onLoadLook()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Look LUT"), lastDirectory(),
                                                      tr("Cube LUTs (*.cube)") + QStringLiteral(";;") +
                                                          tr("All files (*)"));
    if (!path.isEmpty())
        loadLook(path);
}

void MainWindow::onExportCube()
{
    const QString base = m_session->hasClip() ? QFileInfo(m_session->currentClip().mediaPath).completeBaseName()
                                              : QStringLiteral("grade");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Grade as .cube"),
                                                      QDir(lastDirectory()).filePath(base + QStringLiteral(".cube")),
                                                      tr("Cube LUTs (*.cube)"));
    if (!path.isEmpty())
        exportGradeCube(withSuffix(path, QStringLiteral("cube")));
}

void MainWindow::onShortcuts()
{
    ShortcutsDialog dialog({m_fileMenu, m_editMenu, m_viewMenu, m_helpMenu}, this);
    dialog.exec();
}

void MainWindow::onAbout()
{
    QMessageBox::about(
        this, tr("About Cinegrade"),
        tr("<h3>Cinegrade %1</h3>"
           "<p>Colour grading for stills and video: primaries, look LUTs, scopes and before/after "
           "comparison, with one evaluation path for viewer and export.</p>"
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
    saveSettings();
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
    if (paths.isEmpty() || !confirmDiscardChanges())
        return;
    event->acceptProposedAction();
    openPaths(paths);
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
    settings.endGroup();
}

QString MainWindow::lastDirectory() const
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QSettings().value(QStringLiteral("files/lastDirectory"), fallback).toString();
}

void MainWindow::rememberDirectory(const QString& path)
{
    QSettings().setValue(QStringLiteral("files/lastDirectory"), QFileInfo(path).absolutePath());
}

} // namespace cg
