#include "ClipFactory.h"
#include "Error.h"
#include "FrameSource.h"
#include "Image.h"
#include "VideoDecoder.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace cg;
using namespace cliptest;

namespace {

constexpr int kFrames = 48;
constexpr size_t kFrameBytes = 320 * 240 * 3;

/// Polls until `done` holds or `milliseconds` pass.
template <typename Predicate> bool waitFor(Predicate done, int milliseconds = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > milliseconds)
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace

class TestFrameSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (ffmpegProgram().isEmpty())
            QSKIP("the ffmpeg program is needed to make test clips");
        m_clip = m_dir.filePath("clip.mp4");
        QVERIFY(makePatternClip(
            m_clip, kFrames,
            {"-c:v", "libx264", "-preset", "ultrafast", "-g", "12", "-bf", "2", "-pix_fmt", "yuv420p"}));
    }

    void framesEqualTheDecodersFrames()
    {
        FrameSource source(m_clip);
        QCOMPARE(source.frameCount(), qint64(kFrames));
        QCOMPARE(source.info().video->frameCount, qint64(kFrames));
        VideoDecoder decoder(m_clip);
        for (qint64 index : {30, 2, 47, 0, 13, 12, 30}) {
            const Image image = source.frame(index);
            QCOMPARE(patternIndex(image), int(index));
            QVERIFY(image == decoder.frame(index));
            QVERIFY(source.isCached(index));
        }
    }

    void prefetchFillsTheCacheInTheBackground()
    {
        FrameSource source(m_clip);
        QVERIFY(!source.isCached(10));
        source.prefetch(10, 20);
        QVERIFY(waitFor([&] {
            for (qint64 i = 10; i < 30; ++i)
                if (!source.isCached(i))
                    return false;
            return true;
        }));
        QVERIFY(!source.isCached(9));
        QCOMPARE(source.cachedBytes(), 20 * kFrameBytes);
        QCOMPARE(patternIndex(source.frame(25)), 25);
    }

    void newPrefetchReplacesTheOldOne()
    {
        FrameSource source(m_clip);
        source.prefetch(0, kFrames);
        source.prefetch(40, 4);
        QVERIFY(waitFor([&] { return source.isCached(43); }));
        QVERIFY(source.isCached(40));
    }

    void cacheStaysUnderItsByteLimit()
    {
        const size_t limit = 5 * kFrameBytes + kFrameBytes / 2;
        FrameSource source(m_clip, limit);
        for (qint64 i = 0; i < 20; ++i) {
            QCOMPARE(patternIndex(source.frame(i)), int(i));
            QVERIFY(source.cachedBytes() <= limit);
        }
        QCOMPARE(source.cachedBytes(), 5 * kFrameBytes);
        // Least recently used frames went first.
        QVERIFY(source.isCached(19) && source.isCached(15));
        QVERIFY(!source.isCached(14) && !source.isCached(0));
        source.prefetch(30, 18); // more than fits: read-ahead stops at the limit
        QVERIFY(waitFor([&] { return source.isCached(34); }));
        QThread::msleep(50);
        QVERIFY(source.cachedBytes() <= limit);
        QVERIFY(source.isCached(30));
    }

    void callersOnSeveralThreadsGetTheirFrames()
    {
        FrameSource source(m_clip, 8 * kFrameBytes);
        source.prefetch(0, kFrames);
        std::atomic_int wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 3; ++t)
            threads.emplace_back([&, t] {
                for (int k = 0; k < 16; ++k) {
                    const qint64 index = (k * 7 + t * 13) % kFrames;
                    if (patternIndex(source.frame(index)) != index)
                        ++wrong;
                }
            });
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    void destructionStopsReadAheadPromptly()
    {
        QElapsedTimer timer;
        timer.start();
        {
            FrameSource source(m_clip);
            source.prefetch(0, kFrames);
        }
        QVERIFY(timer.elapsed() < 3000);
    }

    void badFileIsAnInputError()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, FrameSource(m_dir.filePath("missing.mov")));
        FrameSource source(m_clip);
        QVERIFY_THROWS_EXCEPTION(InputError, source.frame(kFrames));
    }
};

QTEST_GUILESS_MAIN(TestFrameSource)
#include "tst_frame_source.moc"
