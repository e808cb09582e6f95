#pragma once

#include "Project.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QLockFile;

namespace cg {

class ProjectSession;

/// Crash protection: while the project has unsaved changes, it is written every few seconds (atomic
/// write) to QStandardPaths::AppDataLocation/autosave, so a killed process loses at most the last few
/// seconds of work. Each running window owns one autosave, marked by a lock file that exists only
/// while the process lives; an autosave whose lock is stale (the process died) and that is newer than
/// its project file is offered for recovery at the next start.
class Autosave : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalSeconds = 3;

    struct Candidate
    {
        QString autosavePath; ///< the .cgproj copy
        QString projectPath;  ///< where the project was saved (empty: never saved)
        QString name;         ///< for the question to the user
        QDateTime savedAt;
    };

    explicit Autosave(ProjectSession* session, QObject* parent = nullptr);
    /// Removes this window's autosave: it ended normally.
    ~Autosave() override;

    static QString directory();
    QString autosavePath() const;
    int intervalSeconds() const { return m_timer.interval() / 1000; }
    void setIntervalSeconds(int seconds);

    /// Write now if anything changed since the last autosave (what the timer does).
    void saveNow();
    /// Remove this window's autosave (after a save, or when the project is closed on purpose).
    void discard();
    /// Whether an autosave file exists for this window now.
    bool hasFile() const;

    /// Autosaves left behind by windows that are gone and newer than their projects, newest first.
    /// Obsolete ones (older than their saved project) are removed on the way.
    static QList<Candidate> findRecoverable();
    static Project load(const Candidate& candidate);
    static void remove(const Candidate& candidate);

    /// Tests: behave as if the process had been killed now (release the lock, keep the files).
    void simulateCrash();

private:
    QString metaPath() const;

    ProjectSession* m_session;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    quint64 m_savedRevision = 0;
    bool m_crashed = false;
};

} // namespace cg
