#pragma once

#include "ColorPipeline.h"
#include "Grade.h"
#include "Image.h"

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <utility>
#include <vector>

namespace cg {

/// Clip thumbnails for the timeline, made on a background thread: decode one frame of the clip
/// (opening its media there, never on the GUI thread), shrink it, grade it with the clip's grade
/// through the clip's colour pipeline (input space -> working -> display), exactly as the viewer
/// does (PreviewRenderer: the same CompiledGrade lattice), so a log clip's thumbnail looks like the
/// viewer. The shrunk ungraded picture is kept per file, so a grade change only re-grades a small image.
class ThumbnailLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWidth = 256; ///< twice the tile, for sharp thumbnails on high-DPI screens

    explicit ThumbnailLoader(QObject* parent = nullptr);
    ~ThumbnailLoader() override;

    /// Make (or re-grade) the thumbnail of clip `key` from frame `frame` of `path`, graded with
    /// `grade` through the pipeline made from `color` (ProjectSession::pipelineOptions; default
    /// options: no pipeline). A newer request for the same key makes an older one's result be dropped.
    void request(int key, const QString& path, qint64 frame, const Grade& grade,
                 const ColorPipelineOptions& color = {});
    /// Forget all pending results (for example when another project opens).
    void reset();
    bool isBusy() const { return m_pending > 0; }

signals:
    /// `image` is null and `error` says why when the media cannot be read.
    void ready(int key, const QImage& image, qint64 frameCount, double frameRate, const QString& error);
    void idle();

private:
    struct Source
    {
        Image small;
        qint64 frameCount = 0;
        double frameRate = 0.0;
        QString error;
    };
    Source sourceFor(const QString& path, qint64 frame);
    /// The pipeline for `color` (null for none, or when it cannot be made: the viewer says why),
    /// made once per set of options; worker thread.
    std::shared_ptr<const ColorPipeline> pipelineFor(const ColorPipelineOptions& color);

    QThreadPool m_pool;
    QMutex m_mutex;
    QHash<QString, Source> m_sources; ///< "path#frame" -> shrunk picture; guarded by m_mutex
    /// Pipelines made so far (a project uses few); worker thread only.
    std::vector<std::pair<ColorPipelineOptions, std::shared_ptr<const ColorPipeline>>> m_pipelines;
    QHash<int, quint64> m_latest; ///< GUI thread only
    quint64 m_serial = 0;
    int m_pending = 0;
    std::shared_ptr<bool> m_alive;
};

} // namespace cg
