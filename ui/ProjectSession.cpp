#include "ProjectSession.h"

#include "Error.h"
#include "GradeCommand.h"
#include "ProjectEditCommand.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace cg {
namespace {

QString errorText(const std::exception& e)
{
    if (const auto* input = dynamic_cast<const InputError*>(&e))
        return input->message();
    return QString::fromUtf8(e.what());
}

Clip clipForFile(const QString& path)
{
    Clip clip;
    clip.mediaPath = QFileInfo(path).absoluteFilePath();
    clip.name = QFileInfo(path).fileName();
    return clip;
}

} // namespace

ProjectSession::ProjectSession(QObject* parent) : QObject(parent)
{
    // One probe at a time: the callers wait for each in turn, and probing is disk-bound anyway.
    m_probePool.setMaxThreadCount(1);
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { setDirty(m_dirtyOutsideUndo); });
}

ProjectSession::~ProjectSession()
{
    // Commands hold a pointer back to the session: drop them before the session goes, silently (the
    // observers may be half destroyed by now).
    blockSignals(true);
    m_undo.blockSignals(true);
    m_undo.clear();
}

QString ProjectSession::displayName() const
{
    if (!m_projectPath.isEmpty())
        return QFileInfo(m_projectPath).completeBaseName();
    if (!m_project.name.isEmpty())
        return m_project.name;
    if (!m_project.clips.empty())
        return m_project.clips.front().name;
    return tr("Untitled");
}

QString ProjectSession::colorSpaceName() const
{
    const ColorPipelineOptions& o = m_project.color;
    const QString input =
        hasClip() && !currentClip().inputColorSpace.isEmpty() ? currentClip().inputColorSpace : QString();
    const QString working = o.workingSpace.isEmpty() ? tr("Rec.709") : o.workingSpace;
    if (input.isEmpty() || input == working)
        return working;
    return tr("%1 → %2").arg(input, working);
}

QString ProjectSession::displayViewName() const
{
    // Empty options mean the config's defaults: its first display and that display's first view.
    const QString display = m_project.color.display.isEmpty() ? displays().value(0) : m_project.color.display;
    const QString view = m_project.color.view.isEmpty() ? views(display).value(0) : m_project.color.view;
    return tr("%1 / %2").arg(display, view);
}

namespace {
/// The project's config without input or working spaces: for listing names only.
std::shared_ptr<const ColorPipeline> configOnly(const ColorPipelineOptions& options)
{
    static ColorPipelineOptions cachedFor;
    static std::shared_ptr<const ColorPipeline> cached;
    ColorPipelineOptions plain;
    plain.configPath = options.configPath;
    if (!cached || !(cachedFor == plain)) {
        try {
            cached = std::make_shared<const ColorPipeline>(plain);
        } catch (const std::exception&) {
            cached = std::make_shared<const ColorPipeline>();
        }
        cachedFor = plain;
    }
    return cached;
}
} // namespace

QStringList ProjectSession::colorSpaces() const
{
    return configOnly(m_project.color)->colorSpaces();
}

QStringList ProjectSession::displays() const
{
    return configOnly(m_project.color)->displays();
}

QStringList ProjectSession::views(const QString& display) const
{
    return configOnly(m_project.color)->views(display);
}

bool ProjectSession::isProjectPath(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("cgproj"), Qt::CaseInsensitive) == 0;
}

namespace {
ColorPipelineOptions optionsFor(const Project& project, int clipIndex)
{
    ColorPipelineOptions options = project.color;
    if (clipIndex >= 0 && clipIndex < int(project.clips.size()) &&
        !project.clips.at(size_t(clipIndex)).inputColorSpace.isEmpty())
        options.inputSpace = project.clips.at(size_t(clipIndex)).inputColorSpace;
    return options;
}
} // namespace

ColorPipelineOptions ProjectSession::pipelineOptions(int clipIndex) const
{
    return optionsFor(m_project, clipIndex);
}

std::shared_ptr<const ColorPipeline> ProjectSession::makePipeline(const Project& project, int clipIndex,
                                                                  QString* error) const
{
    const ColorPipelineOptions options = optionsFor(project, clipIndex);
    if (options == ColorPipelineOptions{})
        return {};
    try {
        auto pipeline = std::make_shared<const ColorPipeline>(options);
        if (!pipeline->isIdentity())
            return pipeline;
    } catch (const std::exception& e) {
        if (error)
            *error = errorText(e);
    }
    return {};
}

ProjectSession::Opened ProjectSession::openMedia(const QString& path)
{
    if (const auto found = m_checked.constFind(path); found != m_checked.constEnd())
        return *found;
    if (m_probing++ == 0)
        emit probingChanged(true, path);
    QFutureWatcher<Opened> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(&m_probePool, [path] {
        Opened opened;
        try {
            opened.media = std::make_shared<const ClipMedia>(path);
        } catch (const std::exception& e) {
            opened.error = errorText(e);
        } catch (...) {
            opened.error = tr("%1: the file cannot be read").arg(QDir::toNativeSeparators(path));
        }
        return opened;
    }));
    // A probe that already ended has queued its "finished"; the loop then quits at once. Timers,
    // painting and queued results go on meanwhile; user input is held back until the probe is done
    // (it is delivered afterwards), so nothing can edit the session while it is half changed.
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    watcher.waitForFinished();
    const Opened opened = watcher.result();
    if (--m_probing == 0)
        emit probingChanged(false, path);
    return opened;
}

void ProjectSession::checkMedia(const QString& path)
{
    const Opened opened = openMedia(path);
    m_checked.insert(path, opened);
    if (!opened.media)
        throw InputError(opened.error);
}

void ProjectSession::loadCurrent()
{
    m_media.reset();
    m_mediaError.clear();
    m_pipeline.reset();
    if (m_clipIndex < 0)
        return;
    const Opened opened = openMedia(currentClip().mediaPath);
    m_media = opened.media;
    m_mediaError = opened.error;
    QString pipelineError;
    m_pipeline = makePipeline(m_project, m_clipIndex, &pipelineError);
    if (!pipelineError.isEmpty())
        emit warning(pipelineError);
}

void ProjectSession::touch()
{
    ++m_revision;
}

void ProjectSession::setDirty(bool dirty)
{
    m_dirtyOutsideUndo = dirty;
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
}

void ProjectSession::replaceAll(Project project, QString path, bool dirty)
{
    m_undo.clear();
    m_project = std::move(project);
    m_clipIndex = m_project.clips.empty() ? -1 : 0;
    m_media.reset();
    m_mediaError.clear();
    m_pipeline.reset();
    const bool pathChanged = path != m_projectPath;
    m_projectPath = std::move(path);
    m_undo.setClean();
    touch();
    setDirty(dirty);
    if (pathChanged)
        emit projectPathChanged(m_projectPath);
    // The clips are shown (thumbnails start on their own worker) while the current one is probed.
    emit clipsChanged();
    loadCurrent();
    emit clipChanged();
    emit gradeChanged(currentGrade());
    if (!m_mediaError.isEmpty())
        emit warning(m_mediaError);
}

void ProjectSession::newProject()
{
    replaceAll(Project{}, QString(), false);
}

void ProjectSession::newProjectFromMedia(const QStringList& paths)
{
    const auto forget = qScopeGuard([this] { m_checked.clear(); });
    Project project;
    for (const QString& path : paths) {
        checkMedia(QFileInfo(path).absoluteFilePath());
        project.clips.push_back(clipForFile(path));
    }
    replaceAll(std::move(project), QString(), false);
}

void ProjectSession::openProject(const QString& path, const MediaLocator& locate)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Project project = ProjectFile::read(absolute);
    // Keep media paths absolute in memory, so that "Save As" into another folder still finds them.
    const QDir projectDir = QFileInfo(absolute).absoluteDir();
    bool relinked = false;
    for (Clip& c : project.clips) {
        c.mediaPath = QDir::cleanPath(projectDir.absoluteFilePath(c.mediaPath));
        if (QFileInfo::exists(c.mediaPath) || !locate)
            continue;
        const QString found = locate(c);
        if (!found.isEmpty() && QFileInfo(found).isFile()) {
            c.mediaPath = QFileInfo(found).absoluteFilePath();
            relinked = true;
        }
    }
    replaceAll(std::move(project), absolute, relinked);
}

void ProjectSession::openRecovered(const Project& project, const QString& path)
{
    replaceAll(project, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath(), true);
}

void ProjectSession::saveProject(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    ProjectFile::write(absolute, m_project);
    m_undo.setClean();
    setDirty(false);
    if (absolute != m_projectPath) {
        m_projectPath = absolute;
        emit projectPathChanged(m_projectPath);
    }
}

void ProjectSession::setCurrentClip(int index)
{
    if (index == m_clipIndex || index < 0 || index >= clipCount())
        return;
    m_clipIndex = index;
    loadCurrent();
    emit clipChanged();
    emit gradeChanged(currentGrade());
    if (!m_mediaError.isEmpty())
        emit warning(m_mediaError);
}

void ProjectSession::editGrade(const Grade& grade, const QString& description, int mergeKey)
{
    if (!hasClip() || grade == currentGrade())
        return;
    m_undo.push(new GradeCommand(this, m_clipIndex, currentGrade(), grade, description, mergeKey));
}

void ProjectSession::editGrades(const QList<int>& clipIndexes, const Grade& grade, const QString& description)
{
    QList<int> changed;
    for (int index : clipIndexes)
        if (index >= 0 && index < clipCount() && !(clip(index).grade == grade) && !changed.contains(index))
            changed << index;
    if (changed.isEmpty())
        return;
    m_undo.beginMacro(description);
    for (int index : changed)
        m_undo.push(new GradeCommand(this, index, clip(index).grade, grade, description));
    m_undo.endMacro();
}

void ProjectSession::applyGrade(int clipIndex, const Grade& grade)
{
    if (clipIndex < 0 || clipIndex >= clipCount())
        return;
    m_project.clips[size_t(clipIndex)].grade = grade;
    touch();
    if (clipIndex == m_clipIndex)
        emit gradeChanged(grade);
    emit clipGradeChanged(clipIndex);
}

QStringList ProjectSession::importMedia(const QStringList& paths)
{
    const auto forget = qScopeGuard([this] { m_checked.clear(); });
    QStringList errors;
    Project after = m_project;
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        try {
            checkMedia(absolute);
            after.clips.push_back(clipForFile(absolute));
        } catch (const std::exception& e) {
            errors << errorText(e);
        }
    }
    const int added = int(after.clips.size()) - clipCount();
    if (added > 0) {
        // The first imported clip becomes current when there was none.
        const int current = m_clipIndex < 0 ? clipCount() : m_clipIndex;
        editProject(after,
                    added == 1 ? tr("Import %1").arg(after.clips.back().name)
                               : tr("Import %n clips", "", added),
                    current);
    }
    return errors;
}

void ProjectSession::removeClip(int index)
{
    if (index < 0 || index >= clipCount())
        return;
    Project after = m_project;
    const QString name = clip(index).name;
    after.clips.erase(after.clips.begin() + index);
    int current = m_clipIndex;
    if (index < current || current >= int(after.clips.size()))
        current = std::max(0, current - 1);
    if (after.clips.empty())
        current = -1;
    editProject(after, tr("Remove %1").arg(name), current);
}

void ProjectSession::setMarks(int clipIndex, qint64 inFrame, qint64 outFrame)
{
    if (clipIndex < 0 || clipIndex >= clipCount())
        return;
    Project after = m_project;
    Clip& c = after.clips[size_t(clipIndex)];
    if (inFrame >= 0 && outFrame >= 0 && outFrame < inFrame)
        std::swap(inFrame, outFrame);
    c.inFrame = inFrame;
    c.outFrame = outFrame;
    editProject(after, tr("Set in and out of %1").arg(c.name));
}

void ProjectSession::setInputColorSpace(int clipIndex, const QString& space)
{
    if (clipIndex < 0 || clipIndex >= clipCount())
        return;
    Project after = m_project;
    after.clips[size_t(clipIndex)].inputColorSpace = space;
    editProject(after, tr("Input colour space %1").arg(space.isEmpty() ? tr("(project)") : space));
}

void ProjectSession::setDisplayView(const QString& display, const QString& view)
{
    Project after = m_project;
    after.color.display = display;
    after.color.view = view;
    editProject(after, tr("Display %1 / %2").arg(display, view));
}

void ProjectSession::relinkClip(int clipIndex, const QString& path)
{
    if (clipIndex < 0 || clipIndex >= clipCount())
        return;
    const auto forget = qScopeGuard([this] { m_checked.clear(); });
    const QString absolute = QFileInfo(path).absoluteFilePath();
    checkMedia(absolute);
    Project after = m_project;
    after.clips[size_t(clipIndex)].mediaPath = absolute;
    editProject(after, tr("Relink %1").arg(after.clips[size_t(clipIndex)].name));
}

void ProjectSession::editProject(const Project& after, const QString& description, int currentClip)
{
    if (after == m_project && (currentClip == -2 || currentClip == m_clipIndex))
        return;
    const int clipAfter = currentClip == -2 ? m_clipIndex : currentClip;
    m_undo.push(new ProjectEditCommand(this, m_project, m_clipIndex, after, clipAfter, description));
}

void ProjectSession::applyProject(const Project& project, int currentClip)
{
    const Project before = m_project;
    const int clipBefore = m_clipIndex;
    m_project = project;
    m_clipIndex = m_project.clips.empty() ? -1 : std::clamp(currentClip, 0, clipCount() - 1);
    touch();

    const auto mediaOf = [](const Project& p, int index) {
        return index < 0 ? QString() : p.clips.at(size_t(index)).mediaPath;
    };
    const auto spaceOf = [](const Project& p, int index) {
        return index < 0 ? QString() : p.clips.at(size_t(index)).inputColorSpace;
    };
    const bool mediaChanged =
        m_clipIndex != clipBefore || mediaOf(before, clipBefore) != mediaOf(m_project, m_clipIndex);
    const bool colorChanged =
        !(before.color == m_project.color) || spaceOf(before, clipBefore) != spaceOf(m_project, m_clipIndex);
    if (mediaChanged) {
        // The clips are shown while the new current one is probed.
        m_media.reset();
        m_mediaError.clear();
        m_pipeline.reset();
        emit clipsChanged();
        loadCurrent();
    } else {
        if (colorChanged) {
            QString error;
            m_pipeline = makePipeline(m_project, m_clipIndex, &error);
            if (!error.isEmpty())
                emit warning(error);
        }
        emit clipsChanged();
    }
    if (mediaChanged || colorChanged)
        emit clipChanged();
    emit gradeChanged(currentGrade());
    if (mediaChanged && !m_mediaError.isEmpty())
        emit warning(m_mediaError);
}

} // namespace cg
