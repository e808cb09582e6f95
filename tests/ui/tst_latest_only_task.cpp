#include "LatestOnlyTask.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace cg;

/// The background worker of the scopes and the Suggestions panel: newest request wins, results arrive
/// on the owner's thread, cancel drops what is in flight.
class TestLatestOnlyTask : public QObject
{
    Q_OBJECT

private:
    /// Jobs started so far: polled by the test while a job runs (`ran` is read only once idle).
    std::atomic<int> started{0};

    /// A job that records that it ran, waits until `gate` is released, and delivers `id`.
    LatestOnlyTask::Job job(int id, QSemaphore* gate, std::vector<int>* ran, std::vector<int>* delivered)
    {
        return [=, this]() -> LatestOnlyTask::Continuation {
            ran->push_back(id); // jobs run one at a time, so no lock is needed
            ++started;
            if (gate)
                gate->acquire();
            return [=] { delivered->push_back(id); };
        };
    }

private slots:
    void init() { started = 0; }

    void newestRequestReplacesTheWaitingOne()
    {
        LatestOnlyTask task;
        QSemaphore gate;
        std::vector<int> ran, delivered;
        task.submit(job(1, &gate, &ran, &delivered));
        QTRY_COMPARE(started.load(), 1); // job 1 is running and blocked
        task.submit(job(2, nullptr, &ran, &delivered));
        task.submit(job(3, nullptr, &ran, &delivered)); // replaces 2 before it ever starts
        QVERIFY(task.isBusy());
        QSignalSpy idle(&task, &LatestOnlyTask::idle);
        gate.release();
        QTRY_VERIFY(!idle.isEmpty());
        QCOMPARE(ran, (std::vector<int>{1, 3}));
        QCOMPARE(delivered, (std::vector<int>{1, 3}));
        QVERIFY(!task.isBusy());
    }

    void cancelDropsTheResultInFlight()
    {
        LatestOnlyTask task;
        QSemaphore gate;
        std::vector<int> ran, delivered;
        task.submit(job(1, &gate, &ran, &delivered));
        QTRY_COMPARE(started.load(), 1);
        task.submit(job(2, nullptr, &ran, &delivered));
        task.cancel(); // the waiting job goes, the running one's result will be dropped
        gate.release();
        QTRY_VERIFY(!task.isBusy());
        QTest::qWait(50);
        QCOMPARE(ran, (std::vector<int>{1}));
        QVERIFY(delivered.empty());
        // The task still works afterwards.
        task.submit(job(4, nullptr, &ran, &delivered));
        QTRY_COMPARE(delivered, (std::vector<int>{4}));
    }

    void jobsRunOnAWorkerAndResultsOnTheOwnersThread()
    {
        LatestOnlyTask task;
        std::atomic<QThread*> jobThread{nullptr};
        QThread* resultThread = nullptr;
        task.submit([&]() -> LatestOnlyTask::Continuation {
            jobThread = QThread::currentThread();
            return [&] { resultThread = QThread::currentThread(); };
        });
        QTRY_VERIFY(resultThread != nullptr);
        QVERIFY(jobThread.load() != nullptr);
        QVERIFY(jobThread.load() != QThread::currentThread());
        QCOMPARE(resultThread, QThread::currentThread());
    }

    void destroyingTheTaskWaitsForTheRunningJob()
    {
        QSemaphore gate;
        std::vector<int> delivered;
        std::atomic<bool> running{false};
        auto finished = std::make_shared<std::atomic<bool>>(false);
        {
            LatestOnlyTask task;
            task.submit([&, finished]() -> LatestOnlyTask::Continuation {
                running = true;
                gate.acquire();
                *finished = true;
                return [&] { delivered.push_back(1); };
            });
            QTRY_VERIFY(running.load());
            gate.release();
        } // the destructor returns only after the job
        QVERIFY(finished->load());
        QCoreApplication::processEvents();
        QVERIFY(delivered.empty());
    }
};

QTEST_GUILESS_MAIN(TestLatestOnlyTask)
#include "tst_latest_only_task.moc"
