#include "PreviewRenderer.h"

#include "CompiledGrade.h"

#include <QElapsedTimer>

#include <exception>

namespace cg {

PreviewRenderer::PreviewRenderer(QObject* parent) : QObject(parent)
{
    connect(&m_task, &LatestOnlyTask::idle, this, &PreviewRenderer::idle);
}

void PreviewRenderer::setSource(std::shared_ptr<const Image> preview,
                                std::shared_ptr<const ColorPipeline> pipeline)
{
    m_task.cancel();
    m_source = std::move(preview);
    m_pipeline = std::move(pipeline);
}

void PreviewRenderer::render(const Grade& grade)
{
    if (!m_source || m_source->isNull())
        return;
    m_task.submit([this, source = m_source, pipeline = m_pipeline, grade]() -> LatestOnlyTask::Continuation {
        QElapsedTimer timer;
        timer.start();
        try {
            const CompiledGrade compiled(grade, CompiledGrade::kDefaultSize, pipeline.get());
            auto graded = std::make_shared<Image>(compiled.applied(*source));
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            return [this, graded, grade, ms] { emit rendered(*graded, grade, ms); };
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            return [this, message] { emit failed(message); };
        }
    });
}

} // namespace cg
