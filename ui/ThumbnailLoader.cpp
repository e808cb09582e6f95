#include "ThumbnailLoader.h"

#include "ClipMedia.h"
#include "CompiledGrade.h"
#include "ImageConversion.h"
#include "PreviewScale.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QPointer>

#include <exception>

namespace cg {

ThumbnailLoader::ThumbnailLoader(QObject* parent) : QObject(parent), m_alive(std::make_shared<bool>(true))
{
    // One thread: thumbnails are background work and must not compete with playback.
    m_pool.setMaxThreadCount(1);
}

ThumbnailLoader::~ThumbnailLoader()
{
    *m_alive = false;
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailLoader::reset()
{
    // Queued work still runs (and keeps the pending count right); its results find no match.
    m_latest.clear();
}

ThumbnailLoader::Source ThumbnailLoader::sourceFor(const QString& path, qint64 frame)
{
    const QString key = path + QLatin1Char('#') + QString::number(frame);
    {
        QMutexLocker lock(&m_mutex);
        const auto found = m_sources.constFind(key);
        if (found != m_sources.constEnd())
            return *found;
    }
    Source source;
    try {
        const ClipMedia media(path);
        source.frameCount = media.frameCount();
        source.frameRate = media.frameRate();
        source.small = makePreview(media.frame(frame), kWidth);
    } catch (const std::exception& e) {
        source.error = QString::fromUtf8(e.what());
    }
    QMutexLocker lock(&m_mutex);
    m_sources.insert(key, source);
    return source;
}

std::shared_ptr<const ColorPipeline> ThumbnailLoader::pipelineFor(const ColorPipelineOptions& color)
{
    // As ProjectSession::makePipeline: default options and identity pipelines mean "no pipeline".
    if (color == ColorPipelineOptions{})
        return {};
    for (const auto& [options, pipeline] : m_pipelines)
        if (options == color)
            return pipeline;
    std::shared_ptr<const ColorPipeline> pipeline;
    try {
        auto made = std::make_shared<const ColorPipeline>(color);
        if (!made->isIdentity())
            pipeline = std::move(made);
    } catch (const std::exception&) {
        // An unknown space: the session warns about it; the thumbnail shows the clip ungraded by it.
    }
    m_pipelines.emplace_back(color, pipeline);
    return pipeline;
}

void ThumbnailLoader::request(int key, const QString& path, qint64 frame, const Grade& grade,
                              const ColorPipelineOptions& color)
{
    const quint64 serial = ++m_serial;
    m_latest[key] = serial;
    ++m_pending;
    QPointer<ThumbnailLoader> self(this);
    std::shared_ptr<bool> alive = m_alive;
    m_pool.start([this, self, alive, key, path, frame, grade, color, serial] {
        if (!*alive)
            return;
        const Source source = sourceFor(path, std::max<qint64>(0, frame));
        QImage image;
        if (source.error.isEmpty() && !source.small.isNull()) {
            try {
                // The viewer's lattice (CompiledGrade::kDefaultSize) with the clip's pipeline, so the
                // thumbnail matches the viewer's picture of that frame at this size.
                const auto pipeline = pipelineFor(color);
                image = ImageConversion::toQImage(
                    grade.isIdentity() && !pipeline
                        ? source.small
                        : CompiledGrade(grade, CompiledGrade::kDefaultSize, pipeline).applied(source.small));
            } catch (const std::exception&) {
                image = ImageConversion::toQImage(source.small);
            }
        }
        QMetaObject::invokeMethod(
            self,
            [this, self, key, image, source, serial] {
                if (!self)
                    return;
                --m_pending;
                if (m_latest.value(key) == serial)
                    emit ready(key, image, source.frameCount, source.frameRate, source.error);
                if (m_pending == 0)
                    emit idle();
            },
            Qt::QueuedConnection);
    });
}

} // namespace cg
