#include "ProjectSession.h"

#include "Error.h"
#include "GradeCommand.h"
#include "PreviewScale.h"
#include "StillImage.h"

#include <QDir>
#include <QFileInfo>

namespace cg {

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent), m_source(std::make_shared<const Image>())
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ProjectSession::~ProjectSession()
{
    // Commands hold a pointer back to the session: drop them before the session goes.
    m_undo.clear();
}

QString ProjectSession::displayName() const
{
    if (!m_projectPath.isEmpty())
        return QFileInfo(m_projectPath).completeBaseName();
    if (!m_project.name.isEmpty())
        return m_project.name;
    if (hasClip())
        return currentClip().name;
    return tr("Untitled");
}

QString ProjectSession::colorSpaceName() const
{
    if (!m_pipeline)
        return tr("Rec.709");
    const ColorPipelineOptions& o = m_pipeline->options();
    const QString input = o.inputSpace.isEmpty() ? tr("working space") : o.inputSpace;
    const QString working = o.workingSpace.isEmpty() ? tr("Rec.709") : o.workingSpace;
    return tr("%1 → %2").arg(input, working);
}

bool ProjectSession::isProjectPath(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("cgproj"), Qt::CaseInsensitive) == 0;
}

ProjectSession::Media ProjectSession::loadMedia(const Project& project, int clipIndex) const
{
    Media media;
    if (clipIndex < 0) {
        media.source = std::make_shared<const Image>();
        media.preview = media.source;
        return media;
    }
    const Clip& clip = project.clips.at(size_t(clipIndex));
    // Stills only for now; the video decoder joins here when clips can be movies.
    auto source = std::make_shared<const Image>(StillImage::read(clip.mediaPath));
    media.preview = std::make_shared<const Image>(makePreview(*source));
    media.source = std::move(source);

    ColorPipelineOptions options = project.color;
    if (!clip.inputColorSpace.isEmpty())
        options.inputSpace = clip.inputColorSpace;
    if (!(options == ColorPipelineOptions{})) {
        auto pipeline = std::make_shared<const ColorPipeline>(options);
        if (!pipeline->isIdentity())
            media.pipeline = std::move(pipeline);
    }
    return media;
}

void ProjectSession::commit(Project project, QString path, int clipIndex, Media media)
{
    m_undo.clear();
    m_project = std::move(project);
    m_clipIndex = clipIndex;
    m_source = std::move(media.source);
    m_preview = std::move(media.preview);
    m_pipeline = std::move(media.pipeline);
    const bool pathChanged = path != m_projectPath;
    m_projectPath = std::move(path);
    m_undo.setClean();
    if (pathChanged)
        emit projectPathChanged(m_projectPath);
    emit clipChanged();
    emit gradeChanged(currentGrade());
    emit modifiedChanged(false);
}

void ProjectSession::newProjectFromImages(const QStringList& imagePaths)
{
    Project project;
    for (const QString& path : imagePaths) {
        Clip clip;
        clip.mediaPath = QFileInfo(path).absoluteFilePath();
        clip.name = QFileInfo(path).fileName();
        project.clips.push_back(std::move(clip));
    }
    const int clip = project.clips.empty() ? -1 : 0;
    Media media = loadMedia(project, clip);
    commit(std::move(project), QString(), clip, std::move(media));
}

void ProjectSession::openProject(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Project project = ProjectFile::read(absolute);
    // Keep media paths absolute in memory, so that "Save As" into another folder still finds them.
    const QDir projectDir = QFileInfo(absolute).absoluteDir();
    for (Clip& c : project.clips)
        c.mediaPath = QDir::cleanPath(projectDir.absoluteFilePath(c.mediaPath));
    const int clip = project.clips.empty() ? -1 : 0;
    Media media = loadMedia(project, clip);
    commit(std::move(project), absolute, clip, std::move(media));
}

void ProjectSession::saveProject(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    ProjectFile::write(absolute, m_project);
    m_undo.setClean();
    if (absolute != m_projectPath) {
        m_projectPath = absolute;
        emit projectPathChanged(m_projectPath);
    }
}

void ProjectSession::setCurrentClip(int index)
{
    if (index == m_clipIndex || index < 0 || index >= clipCount())
        return;
    Media media = loadMedia(m_project, index);
    m_clipIndex = index;
    m_source = std::move(media.source);
    m_preview = std::move(media.preview);
    m_pipeline = std::move(media.pipeline);
    emit clipChanged();
    emit gradeChanged(currentGrade());
}

void ProjectSession::editGrade(const Grade& grade, const QString& description, int mergeKey)
{
    if (!hasClip() || grade == currentGrade())
        return;
    m_undo.push(new GradeCommand(this, m_clipIndex, currentGrade(), grade, description, mergeKey));
}

void ProjectSession::applyGrade(int clipIndex, const Grade& grade)
{
    if (clipIndex < 0 || clipIndex >= clipCount())
        return;
    m_project.clips[size_t(clipIndex)].grade = grade;
    if (clipIndex == m_clipIndex)
        emit gradeChanged(grade);
}

} // namespace cg
