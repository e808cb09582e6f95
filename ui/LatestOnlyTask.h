#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace cg {

/// Runs background jobs one at a time and keeps only the newest request waiting ("latest wins"): a
/// submit while a job runs replaces the waiting job instead of queueing behind it, so a slider dragged
/// faster than the work can follow never builds a backlog and the last request is always the one that
/// ends up shown. A job runs on the task's own worker thread and returns a continuation, which is then
/// called on the thread that owns the task (the GUI thread) to deliver its result.
class LatestOnlyTask : public QObject
{
    Q_OBJECT
public:
    using Continuation = std::function<void()>;
    using Job = std::function<Continuation()>;

    explicit LatestOnlyTask(QObject* parent = nullptr);
    /// Waits for a running job; its continuation is dropped.
    ~LatestOnlyTask() override;

    /// Run `job` as soon as the worker is free, replacing any job still waiting.
    void submit(Job job);
    /// Drop the waiting job and the continuation of the running one (for example when the source
    /// image changed and old results would be wrong).
    void cancel();

    /// A job is running, waiting, or delivering its result.
    bool isBusy() const { return m_running || m_pending.has_value(); }

signals:
    /// Nothing runs or waits any more.
    void idle();

private:
    void startNext();
    void onFinished();

    QThreadPool m_pool;
    QFutureWatcher<Continuation> m_watcher;
    std::optional<Job> m_pending;
    bool m_running = false;
    quint64 m_epoch = 0;        ///< bumped by cancel()
    quint64 m_runningEpoch = 0; ///< epoch of the running job
};

} // namespace cg
