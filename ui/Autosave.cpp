#include "Autosave.h"

#include "ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <exception>

namespace cg {
namespace {

QString lockPathFor(const QString& dir, const QString& id)
{
    return QDir(dir).filePath(id + QStringLiteral(".lock"));
}

} // namespace

Autosave::Autosave(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(directory());
    m_lock = std::make_unique<QLockFile>(lockPathFor(directory(), m_id));
    m_lock->setStaleLockTime(0); // held for the whole life of the window: only a dead process makes it stale
    m_lock->tryLock(0);
    m_timer.setInterval(kDefaultIntervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
    m_savedRevision = m_session->revision();
    connect(m_session, &ProjectSession::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard(); // saved (or back to the saved state): nothing to recover
    });
    connect(m_session, &ProjectSession::projectPathChanged, this,
            [this] { m_savedRevision = m_session->revision(); });
}

Autosave::~Autosave()
{
    if (!m_crashed)
        discard();
}

QString Autosave::directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave"));
}

QString Autosave::autosavePath() const
{
    return QDir(directory()).filePath(m_id + QStringLiteral(".cgproj"));
}

QString Autosave::metaPath() const
{
    return QDir(directory()).filePath(m_id + QStringLiteral(".json"));
}

void Autosave::setIntervalSeconds(int seconds)
{
    m_timer.setInterval(std::clamp(seconds, 1, 600) * 1000);
}

bool Autosave::hasFile() const
{
    return QFileInfo::exists(autosavePath());
}

void Autosave::saveNow()
{
    if (m_crashed || !m_session->isModified() || m_session->revision() == m_savedRevision)
        return;
    try {
        QDir().mkpath(directory());
        ProjectFile::write(autosavePath(), m_session->project());
        QSaveFile meta(metaPath());
        if (meta.open(QIODevice::WriteOnly)) {
            const QJsonObject json{
                {QStringLiteral("projectPath"), m_session->projectPath()},
                {QStringLiteral("name"), m_session->displayName()},
                {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
            meta.write(QJsonDocument(json).toJson());
            meta.commit();
        }
        m_savedRevision = m_session->revision();
    } catch (const std::exception&) {
        // A full or read-only disk must not disturb the work: the next tick tries again.
    }
}

void Autosave::discard()
{
    if (m_crashed)
        return; // a killed process removes nothing
    QFile::remove(autosavePath());
    QFile::remove(metaPath());
    m_savedRevision = m_session->revision();
}

void Autosave::simulateCrash()
{
    m_crashed = true;
    m_timer.stop();
    m_lock->unlock();
    // unlock() removes the lock file; a killed process leaves one behind with a dead PID, which
    // QLockFile treats as stale: both read the same to findRecoverable().
}

QList<Autosave::Candidate> Autosave::findRecoverable()
{
    QList<Candidate> found;
    const QDir dir(directory());
    for (const QFileInfo& metaFile : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString id = metaFile.completeBaseName();
        QLockFile lock(lockPathFor(dir.path(), id));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its window is still open (in this or another process)
        lock.unlock();
        Candidate c;
        c.autosavePath = dir.filePath(id + QStringLiteral(".cgproj"));
        QFile file(metaFile.filePath());
        if (!file.open(QIODevice::ReadOnly) || !QFileInfo::exists(c.autosavePath)) {
            QFile::remove(metaFile.filePath());
            QFile::remove(c.autosavePath);
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        c.projectPath = json.value(QStringLiteral("projectPath")).toString();
        c.name = json.value(QStringLiteral("name")).toString();
        c.savedAt =
            QDateTime::fromString(json.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
        if (!c.savedAt.isValid())
            c.savedAt = QFileInfo(c.autosavePath).lastModified();
        const QFileInfo project(c.projectPath);
        if (!c.projectPath.isEmpty() && project.exists() && project.lastModified() >= c.savedAt) {
            remove(c); // the project was saved after this autosave: nothing to recover
            continue;
        }
        found << c;
    }
    std::sort(found.begin(), found.end(),
              [](const Candidate& a, const Candidate& b) { return a.savedAt > b.savedAt; });
    return found;
}

Project Autosave::load(const Candidate& candidate)
{
    return ProjectFile::read(candidate.autosavePath);
}

void Autosave::remove(const Candidate& candidate)
{
    QFile::remove(candidate.autosavePath);
    const QFileInfo info(candidate.autosavePath);
    QFile::remove(info.dir().filePath(info.completeBaseName() + QStringLiteral(".json")));
}

} // namespace cg
