#pragma once

#include "Image.h"
#include "PreviewRenderer.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace cg {

/// The picture: the graded frame fitted to the widget (or zoomed and panned), optionally compared
/// with the original. A raster widget on purpose (QOpenGLWidget crashes on the offscreen platform
/// used for tests and screenshots); painting a preview-sized image scaled is well within a frame.
///
/// Pixels are shown exactly as graded: the graded cg::Image is copied into an 8-bit QImage with the
/// same code values (on the render worker), and only the final scaling happens in QPainter.
class Viewer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Graded,    ///< the graded picture ("after")
        Original,  ///< the ungraded picture ("before", a bypass)
        SplitWipe, ///< original left of a draggable wipe line, graded right of it
        SideBySide ///< original and graded next to each other
    };
    Q_ENUM(Mode)

    explicit Viewer(QWidget* parent = nullptr);

    /// Show a rendered frame (original and graded together).
    void setFrame(const RenderedFrame& frame);
    /// No picture; `message` (e.g. "Media offline") is shown instead of the empty-state hint.
    void clear(const QString& message = QString());

    const Image& originalImage() const { return m_original ? *m_original : m_empty; }
    const Image& gradedImage() const { return m_graded ? *m_graded : m_empty; }
    bool hasGraded() const { return m_graded && !m_graded->isNull(); }
    qint64 frameShown() const { return m_frame; }
    /// The frame was painted (at least once) since it arrived: for latency measurements.
    qint64 paintedFrameSerial() const { return m_paintedSerial; }
    qint64 frameSerial() const { return m_serial; }
    /// Time the last paint took (ms).
    double lastPaintMilliseconds() const { return m_paintMs; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// Between the graded picture and the original, remembering which comparison was on (the
    /// "\" / B key).
    void toggleBeforeAfter();

    /// Wipe position as a fraction of the picture width (0 = all graded, 1 = all original).
    double wipePosition() const { return m_wipe; }
    void setWipePosition(double position);

    /// Zoom: fitted to the window, or a scale in screen pixels per source pixel (1 = 100 %).
    bool isFitted() const { return m_fit; }
    /// The scale the picture is shown at now (screen pixels per source pixel).
    double displayScale() const;
    /// The scale "fit" gives a picture of `source` pixels in this widget now.
    double fitScaleFor(QSize source) const;
    void zoomToFit();
    void setZoom(double scale);
    void zoomIn();
    void zoomOut();
    /// Pan offset of the picture centre from the view centre, in screen pixels.
    QPointF pan() const { return m_pan; }

    /// The frame as the current mode composes it at image resolution, before scaling to the widget:
    /// the pixels the viewer shows. Side by side puts the two pictures next to each other.
    QImage composedFrame() const;
    /// Where the picture (each picture, side by side) is painted in widget coordinates.
    QRect pictureRect() const;
    QRect secondPictureRect() const;

    QSize sizeHint() const override { return {960, 540}; }
    QSize minimumSizeHint() const override { return {320, 180}; }

signals:
    void modeChanged(cg::Viewer::Mode mode);
    void wipePositionChanged(double position);
    void zoomChanged(double scale, bool fitted);
    /// A frame was painted; `serial` counts frames given to setFrame().
    void framePainted(qint64 serial);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRect placeIn(const QRect& area) const;
    QSize sourceSize() const;
    const QImage& gradedOrOriginal() const;
    void moveWipeTo(int widgetX);
    void zoomAround(double scale, QPointF widgetPoint);
    void clampPan();
    void drawBadge(class QPainter& painter, const QRect& picture, const QString& text, bool right) const;
    void drawPicture(QPainter& painter, const QRect& target, const QImage& image) const;
    int wipeLineX() const;

    Image m_empty;
    std::shared_ptr<const Image> m_original;
    std::shared_ptr<const Image> m_graded;
    QImage m_originalQ;
    QImage m_gradedQ;
    QSize m_sourceSize;
    qint64 m_frame = -1;
    qint64 m_serial = 0;
    qint64 m_paintedSerial = 0;
    double m_paintMs = 0.0;
    QString m_message;
    Mode m_mode = Mode::Graded;
    Mode m_lastComparison = Mode::Graded; ///< what toggleBeforeAfter returns to
    double m_wipe = 0.5;
    bool m_draggingWipe = false;
    bool m_fit = true;
    double m_scale = 1.0;
    QPointF m_pan;
    bool m_panning = false;
    QPointF m_panStart;
    QPointF m_panAtStart;
};

} // namespace cg
