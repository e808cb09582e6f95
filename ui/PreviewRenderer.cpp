#include "PreviewRenderer.h"

#include "CompiledGrade.h"
#include "ImageConversion.h"
#include "PreviewScale.h"

#include <QElapsedTimer>

#include <exception>

namespace cg {

/// What the worker keeps between jobs. Jobs run one at a time on the task's single thread.
struct PreviewRenderer::Cache
{
    // The last frame fetched and downscaled.
    // Weak: a destroyed clip never matches a new one at the same address, and is not kept alive.
    std::weak_ptr<const ClipMedia> media;
    qint64 frame = -1;
    int maxWidth = 0;
    std::shared_ptr<const Image> preview;
    // The ungraded picture as shown (display transform applied when a pipeline is set).
    std::shared_ptr<const ColorPipeline> originalPipeline;
    std::shared_ptr<const Image> original;
    QImage originalQ;
    // The last compiled grades.
    std::shared_ptr<const CompiledGrade> compiled;
    std::shared_ptr<const ColorPipeline> compiledPipeline;
    std::shared_ptr<const CompiledGrade> identity; ///< Grade{} through the pipeline
    std::shared_ptr<const ColorPipeline> identityPipeline;
};

PreviewRenderer::PreviewRenderer(QObject* parent) : QObject(parent), m_cache(std::make_shared<Cache>())
{
    qRegisterMetaType<cg::RenderedFrame>();
    connect(&m_task, &LatestOnlyTask::idle, this, &PreviewRenderer::idle);
}

PreviewRenderer::~PreviewRenderer() = default;

void PreviewRenderer::setClip(std::shared_ptr<const ClipMedia> media,
                              std::shared_ptr<const ColorPipeline> pipeline)
{
    m_task.cancel();
    m_media = std::move(media);
    m_pipeline = std::move(pipeline);
}

void PreviewRenderer::render(qint64 frame, const Grade& grade, int maxWidth)
{
    if (!m_media)
        return;
    m_task.submit([this, media = m_media, pipeline = m_pipeline, cache = m_cache, frame, grade,
                   maxWidth]() -> LatestOnlyTask::Continuation {
        try {
            QElapsedTimer clock;
            clock.start();
            auto result = std::make_shared<RenderedFrame>();
            result->frame = frame;
            result->grade = grade;
            result->sourceWidth = media->width();
            result->sourceHeight = media->height();

            if (cache->media.lock() != media || cache->frame != frame || cache->maxWidth != maxWidth ||
                !cache->preview) {
                Image full = media->frame(frame);
                result->decodeMs = double(clock.nsecsElapsed()) / 1e6;
                cache->preview = std::make_shared<const Image>(makePreview(full, maxWidth));
                cache->media = media;
                cache->frame = frame;
                cache->maxWidth = maxWidth;
                cache->original.reset();
            }
            if (!cache->original || cache->originalPipeline != pipeline) {
                if (pipeline) {
                    if (!cache->identity || cache->identityPipeline != pipeline) {
                        cache->identity = std::make_shared<const CompiledGrade>(
                            Grade{}, CompiledGrade::kDefaultSize, pipeline);
                        cache->identityPipeline = pipeline;
                    }
                    cache->original =
                        std::make_shared<const Image>(cache->identity->applied(*cache->preview));
                } else {
                    cache->original = cache->preview;
                }
                cache->originalPipeline = pipeline;
                cache->originalQ = ImageConversion::toQImage(*cache->original);
            }
            result->original = cache->original;
            result->originalQ = cache->originalQ;

            if (!cache->compiled || !(cache->compiled->grade() == grade) ||
                cache->compiledPipeline != pipeline) {
                cache->compiled =
                    std::make_shared<const CompiledGrade>(grade, CompiledGrade::kDefaultSize, pipeline);
                cache->compiledPipeline = pipeline;
            }
            if (grade.isIdentity() && !pipeline) {
                result->graded = cache->preview;
                result->gradedQ = cache->originalQ;
            } else {
                auto graded = std::make_shared<const Image>(cache->compiled->applied(*cache->preview));
                result->gradedQ = ImageConversion::toQImage(*graded);
                result->graded = std::move(graded);
            }
            result->renderMs = double(clock.nsecsElapsed()) / 1e6 - result->decodeMs;
            return [this, result] { emit rendered(*result); };
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            return [this, message, frame] { emit failed(message, frame); };
        }
    });
}

} // namespace cg
