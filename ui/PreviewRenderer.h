#pragma once

#include "ColorPipeline.h"
#include "Grade.h"
#include "Image.h"
#include "LatestOnlyTask.h"

#include <QObject>

#include <memory>

namespace cg {

/// Grades the preview image off the GUI thread: each request compiles the grade
/// (CompiledGrade, 33^3) and applies it to the preview, the same single evaluation path the exporter
/// and the command line use. Requests are "latest wins", so dragging a slider never queues work.
class PreviewRenderer : public QObject
{
    Q_OBJECT
public:
    explicit PreviewRenderer(QObject* parent = nullptr);

    /// A new image (and colour pipeline) to grade; results for the old one are dropped.
    void setSource(std::shared_ptr<const Image> preview, std::shared_ptr<const ColorPipeline> pipeline);
    /// Grade the current source with `grade` (replaces a request still waiting).
    void render(const Grade& grade);

    bool isBusy() const { return m_task.isBusy(); }

signals:
    /// The preview graded with `grade`; `milliseconds` is compile + apply time on the worker.
    void rendered(const cg::Image& graded, const cg::Grade& grade, double milliseconds);
    void failed(const QString& message);
    void idle();

private:
    LatestOnlyTask m_task;
    std::shared_ptr<const Image> m_source;
    std::shared_ptr<const ColorPipeline> m_pipeline;
};

} // namespace cg
