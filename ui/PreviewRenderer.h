#pragma once

#include "ClipMedia.h"
#include "ColorPipeline.h"
#include "Grade.h"
#include "Image.h"
#include "LatestOnlyTask.h"

#include <QImage>
#include <QMetaType>
#include <QObject>

#include <memory>

namespace cg {

/// One picture as the viewer shows it: a frame of the clip at preview size, before and after the
/// grade, both as cg::Image (for the scopes and tests) and as QImage (for painting).
struct RenderedFrame
{
    qint64 frame = 0;
    int sourceWidth = 0; ///< of the clip, before downscaling
    int sourceHeight = 0;
    std::shared_ptr<const Image> original; ///< ungraded (through the display transform when one is set)
    std::shared_ptr<const Image> graded;
    QImage originalQ;
    QImage gradedQ;
    Grade grade;
    double decodeMs = 0.0; ///< waiting for the frame (0 when it came from the cache)
    double renderMs = 0.0; ///< downscale + compile (when the grade changed) + apply + conversion
};

/// Renders clip frames graded, off the GUI thread, on its own worker: decode (through ClipMedia's
/// cache and read-ahead), downscale to the preview size, grade with CompiledGrade (33^3, the same
/// single evaluation path the exporter and the command line use) and convert for painting.
/// Requests are "latest wins": dragging a slider or playing faster than the work can follow never
/// queues work, it drops frames. The compiled grade and the last downscaled frame are kept, so a grade
/// change re-grades without decoding and playback re-uses the compiled grade.
class PreviewRenderer : public QObject
{
    Q_OBJECT
public:
    explicit PreviewRenderer(QObject* parent = nullptr);
    ~PreviewRenderer() override;

    /// A new clip (and colour pipeline) to render; results for the old one are dropped.
    void setClip(std::shared_ptr<const ClipMedia> media, std::shared_ptr<const ColorPipeline> pipeline);
    /// Render `frame` graded with `grade`, at most `maxWidth` pixels wide (replaces a waiting request).
    void render(qint64 frame, const Grade& grade, int maxWidth);

    bool isBusy() const { return m_task.isBusy(); }
    std::shared_ptr<const ClipMedia> media() const { return m_media; }

signals:
    void rendered(const cg::RenderedFrame& frame);
    void failed(const QString& message, qint64 frame);
    void idle();

private:
    struct Cache;
    LatestOnlyTask m_task;
    std::shared_ptr<const ClipMedia> m_media;
    std::shared_ptr<const ColorPipeline> m_pipeline;
    std::shared_ptr<Cache> m_cache; ///< touched only by jobs, which never overlap
};

} // namespace cg

Q_DECLARE_METATYPE(cg::RenderedFrame)
