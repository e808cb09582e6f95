#pragma once

#include "ClipMedia.h"
#include "ColorPipeline.h"
#include "Grade.h"
#include "Project.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace cg {

/// The open project as the user edits it: the Project value, which clip is current, that clip's media
/// (a ClipMedia: video or still), the compiled colour pipeline, the undo stack and the file it was
/// saved to. Widgets observe it through signals; nothing else owns project state.
///
/// Every edit of the project is one undoable step: grade edits (GradeCommand, drags merge) and any
/// other change (ProjectEditCommand: import, remove, marks, colour spaces, relink). Loading a project
/// or media is all-or-nothing: a file that cannot be read throws InputError and leaves the session
/// exactly as it was. A clip whose media cannot be opened stays in the project "offline" (mediaError()).
///
/// Opening media probes the whole file (the packet index gives the exact frame count), which takes a
/// noticeable time for long clips. It runs on a worker thread; the functions that need its outcome
/// still return it (so errors stay all-or-nothing), while the GUI thread keeps turning its event loop
/// (painting, timers, results of other workers). User input waits until the probe is done, so no
/// second edit can start halfway through one; isProbing() and probingChanged() tell the window.
class ProjectSession : public QObject
{
    Q_OBJECT
public:
    /// Asked for each clip whose media file is missing when a project opens: a new path for it, or
    /// an empty string to leave the clip offline.
    using MediaLocator = std::function<QString(const Clip& clip)>;

    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    const Project& project() const { return m_project; }
    QString projectPath() const { return m_projectPath; }
    /// A name for titles: the project file's base name, else the first clip's, else "Untitled".
    QString displayName() const;
    bool hasClip() const { return m_clipIndex >= 0; }
    int clipCount() const { return int(m_project.clips.size()); }
    int currentClipIndex() const { return m_clipIndex; }
    /// The current clip; only valid while hasClip().
    const Clip& currentClip() const { return m_project.clips.at(size_t(m_clipIndex)); }
    const Clip& clip(int index) const { return m_project.clips.at(size_t(index)); }
    Grade currentGrade() const { return hasClip() ? currentClip().grade : Grade{}; }

    /// The current clip's pictures; null when there is no clip or its media is offline.
    std::shared_ptr<const ClipMedia> media() const { return m_media; }
    /// Why the current clip's media could not be opened (empty when it is online).
    QString mediaError() const { return m_mediaError; }
    /// The colour pipeline of the current clip; null when grading directly on Rec.709 code values.
    std::shared_ptr<const ColorPipeline> pipeline() const { return m_pipeline; }
    /// The colour options the pipeline of clip `clipIndex` is made from (project options with the
    /// clip's input space); what thumbnails use to show a clip as the viewer does.
    ColorPipelineOptions pipelineOptions(int clipIndex) const;
    /// A media file is being probed on a worker thread (see the class comment).
    bool isProbing() const { return m_probing > 0; }
    /// Human-readable colour path of the current clip: input → working.
    QString colorSpaceName() const;
    /// The display and view the viewer shows ("Rec.709 (BT.1886) / Standard").
    QString displayViewName() const;
    /// Colour spaces, displays and views of the project's OCIO config (the built-in one by default).
    QStringList colorSpaces() const;
    QStringList displays() const;
    QStringList views(const QString& display) const;

    QUndoStack* undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean() || m_dirtyOutsideUndo; }
    /// Counts every change of the project value (for autosave).
    quint64 revision() const { return m_revision; }

    /// An empty, unsaved project.
    void newProject();
    /// A new, unsaved project with one clip per file (video or still); the first becomes current.
    /// Throws InputError, and changes nothing, when any file cannot be opened.
    void newProjectFromMedia(const QStringList& paths);
    /// Replace the session by a project file. Throws InputError for unreadable or corrupt files.
    /// Missing media files are offered to `locate`; what stays missing is offline.
    void openProject(const QString& path, const MediaLocator& locate = {});
    /// Replace the session by a recovered project value, to be saved to `path` (may be empty);
    /// it counts as modified.
    void openRecovered(const Project& project, const QString& path);
    /// Write the project (atomically) and remember the path.
    void saveProject(const QString& path);
    /// Make another clip current (opens its media; offline on failure, never throws).
    void setCurrentClip(int index);

    /// Record a grade edit of the current clip as one undoable step. Edits with the same
    /// non-negative `mergeKey` in a row become one step (one drag of one control).
    void editGrade(const Grade& grade, const QString& description, int mergeKey = -1);
    /// Set the grades of several clips in one undoable step (paste, reset of many).
    void editGrades(const QList<int>& clipIndexes, const Grade& grade, const QString& description);
    /// Set a clip's grade without recording it (what undo/redo call).
    void applyGrade(int clipIndex, const Grade& grade);

    /// Add clips for media files, in one undoable step. Files that cannot be opened are left out;
    /// their messages come back (empty when all were added).
    QStringList importMedia(const QStringList& paths);
    void removeClip(int index);
    /// In and out marks of a clip (-1 = start / end of media), undoable.
    void setMarks(int clipIndex, qint64 inFrame, qint64 outFrame);
    void setInputColorSpace(int clipIndex, const QString& space);
    void setDisplayView(const QString& display, const QString& view);
    /// Point a clip at another media file (after it moved). Throws InputError when it cannot be opened.
    void relinkClip(int clipIndex, const QString& path);

    /// Replace the project value as one undoable step (what the edits above do).
    void editProject(const Project& after, const QString& description, int currentClip = -2);
    /// Set the project value without recording it (what undo/redo call).
    void applyProject(const Project& project, int currentClip);

    static bool isProjectPath(const QString& path);

signals:
    /// A different project or clip is shown, or its media or pipeline changed.
    void clipChanged();
    /// The current clip's grade changed (edit, undo, redo).
    void gradeChanged(const cg::Grade& grade);
    /// Any clip's grade changed (for thumbnails).
    void clipGradeChanged(int clipIndex);
    /// Clips were added, removed, renamed, relinked or re-marked.
    void clipsChanged();
    void modifiedChanged(bool modified);
    void projectPathChanged(const QString& path);
    /// Something went wrong that the user should know about, without stopping anything
    /// (a clip went offline, a colour space is unknown).
    void warning(const QString& message);
    /// Probing of media started (`path` is the file) or ended.
    void probingChanged(bool probing, const QString& path);

private:
    struct Opened
    {
        std::shared_ptr<const ClipMedia> media;
        QString error;
    };
    /// Open `path` as a ClipMedia on the probe worker (or take it from m_checked), keeping the event
    /// loop turning meanwhile.
    Opened openMedia(const QString& path);
    /// Probe a media file as the timeline will need it; throws InputError naming the file. The
    /// opened media is kept in m_checked until the edit that asked is over.
    void checkMedia(const QString& path);
    void replaceAll(Project project, QString path, bool dirty);
    /// Open the current clip's media and pipeline into the members (offline on failure).
    void loadCurrent();
    std::shared_ptr<const ColorPipeline> makePipeline(const Project& project, int clipIndex,
                                                      QString* error) const;
    void touch();
    void setDirty(bool dirty);

    Project m_project;
    QString m_projectPath;
    int m_clipIndex = -1;
    std::shared_ptr<const ClipMedia> m_media;
    QString m_mediaError;
    std::shared_ptr<const ColorPipeline> m_pipeline;
    QUndoStack m_undo;
    bool m_dirtyOutsideUndo = false;
    bool m_lastModified = false;
    quint64 m_revision = 0;
    QThreadPool m_probePool;
    int m_probing = 0;
    /// Media opened by checkMedia() during the current edit, so loadCurrent() need not probe again.
    QHash<QString, Opened> m_checked;
};

} // namespace cg
