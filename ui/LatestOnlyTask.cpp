#include "LatestOnlyTask.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cg {

LatestOnlyTask::LatestOnlyTask(QObject* parent) : QObject(parent)
{
    // One worker: jobs of one task never overlap, and the heavy loops inside a job
    // (CompiledGrade::apply, computeScopes) bring their own parallelism.
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LatestOnlyTask::onFinished);
}

LatestOnlyTask::~LatestOnlyTask()
{
    m_watcher.disconnect(this);
    m_pending.reset();
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

void LatestOnlyTask::submit(Job job)
{
    m_pending = std::move(job);
    if (!m_running)
        startNext();
}

void LatestOnlyTask::cancel()
{
    ++m_epoch;
    m_pending.reset();
}

void LatestOnlyTask::startNext()
{
    if (!m_pending) {
        emit idle();
        return;
    }
    Job job = std::move(*m_pending);
    m_pending.reset();
    m_running = true;
    m_runningEpoch = m_epoch;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [job = std::move(job)]() -> Continuation {
        // A job reports its own errors through its continuation; anything that still escapes must
        // not take the application down from a worker thread.
        try {
            return job();
        } catch (...) {
            return {};
        }
    }));
}

void LatestOnlyTask::onFinished()
{
    Continuation deliver = m_watcher.future().result();
    // Still "running" while the result is delivered, so that observers asking isBusy() from inside
    // the continuation see this task as not yet done.
    if (deliver && m_runningEpoch == m_epoch)
        deliver();
    m_running = false;
    startNext();
}

} // namespace cg
