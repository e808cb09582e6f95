#pragma once

#include "ColorPipeline.h"
#include "Grade.h"
#include "Image.h"
#include "Project.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace cg {

/// The open project as the user edits it: the Project value, which clip is current, that clip's media
/// (full resolution and the preview), the compiled colour pipeline, the undo stack and the file it
/// was saved to. Widgets observe it through signals; nothing else owns project state.
///
/// Every load is all-or-nothing: a file that cannot be read throws InputError and leaves the session
/// exactly as it was.
class ProjectSession : public QObject
{
    Q_OBJECT
public:
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
    Grade currentGrade() const { return hasClip() ? currentClip().grade : Grade{}; }

    /// Full-resolution media of the current clip (a null image when there is none; shared with
    /// worker threads, never mutated).
    std::shared_ptr<const Image> source() const { return m_source; }
    /// The downscaled image the viewer and scopes grade (shared with worker threads, never mutated).
    std::shared_ptr<const Image> preview() const { return m_preview; }
    /// The colour pipeline of the current clip; null when grading directly on Rec.709 code values.
    std::shared_ptr<const ColorPipeline> pipeline() const { return m_pipeline; }
    /// Human-readable input colour space of the current clip.
    QString colorSpaceName() const;

    QUndoStack* undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean(); }

    /// A new, unsaved project with one clip per image; the first becomes current.
    void newProjectFromImages(const QStringList& imagePaths);
    /// Replace the session by a project file and its first clip's media.
    void openProject(const QString& path);
    /// Write the project (atomically) and remember the path.
    void saveProject(const QString& path);
    /// Make another clip current (loads its media).
    void setCurrentClip(int index);

    /// Record a grade edit of the current clip as one undoable step. Edits with the same
    /// non-negative `mergeKey` in a row become one step (one drag of one control).
    void editGrade(const Grade& grade, const QString& description, int mergeKey = -1);
    /// Set a clip's grade without recording it (what undo/redo call).
    void applyGrade(int clipIndex, const Grade& grade);

    static bool isProjectPath(const QString& path);

signals:
    /// A different project or clip is shown: media, preview, pipeline and grade all changed.
    void clipChanged();
    /// The current clip's grade changed (edit, undo, redo).
    void gradeChanged(const cg::Grade& grade);
    void modifiedChanged(bool modified);
    void projectPathChanged(const QString& path);

private:
    struct Media
    {
        std::shared_ptr<const Image> source;
        std::shared_ptr<const Image> preview;
        std::shared_ptr<const ColorPipeline> pipeline;
    };
    /// Read and prepare a clip's media and pipeline; throws InputError.
    Media loadMedia(const Project& project, int clipIndex) const;
    void commit(Project project, QString path, int clipIndex, Media media);

    Project m_project;
    QString m_projectPath;
    int m_clipIndex = -1;
    std::shared_ptr<const Image> m_source;
    std::shared_ptr<const Image> m_preview;
    std::shared_ptr<const ColorPipeline> m_pipeline;
    QUndoStack m_undo;
};

} // namespace cg
