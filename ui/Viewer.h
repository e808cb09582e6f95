#pragma once

#include "Image.h"

#include <QImage>
#include <QWidget>

namespace cg {

/// The picture: the graded preview fitted to the widget, optionally compared with the original.
/// A raster widget on purpose (QOpenGLWidget crashes on the offscreen platform used for tests and
/// screenshots); painting a preview-sized image scaled is well within a frame.
///
/// Pixels are shown exactly as graded: the graded cg::Image is copied into an 8-bit QImage with the
/// same code values, and only the final fit-to-window scaling happens in QPainter.
class Viewer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode {
        Graded,     ///< the graded picture ("after")
        Original,   ///< the ungraded picture ("before", a bypass)
        SplitWipe,  ///< original left of a draggable wipe line, graded right of it
        SideBySide  ///< original and graded next to each other
    };
    Q_ENUM(Mode)

    explicit Viewer(QWidget* parent = nullptr);

    /// A new picture: the graded one is cleared until setGraded() delivers it.
    void setOriginal(const Image& original);
    void setGraded(const Image& graded);
    void clear();

    const Image& originalImage() const { return m_original; }
    const Image& gradedImage() const { return m_graded; }
    bool hasGraded() const { return !m_graded.isNull(); }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// Between the graded picture and the original, remembering which comparison was on (the
    /// "\" / B key).
    void toggleBeforeAfter();

    /// Wipe position as a fraction of the picture width (0 = all graded, 1 = all original).
    double wipePosition() const { return m_wipe; }
    void setWipePosition(double position);

    /// The frame as the current mode composes it at image resolution, before fitting to the widget:
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

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRect fitRect(const QRect& area) const;
    QSize pictureSize() const;
    const QImage& gradedOrOriginal() const;
    void moveWipeTo(int widgetX);
    void drawBadge(class QPainter& painter, const QRect& picture, const QString& text, bool right) const;
    int wipeLineX() const;

    Image m_original;
    Image m_graded;
    QImage m_originalQ;
    QImage m_gradedQ;
    Mode m_mode = Mode::Graded;
    Mode m_lastComparison = Mode::Graded; ///< what toggleBeforeAfter returns to
    double m_wipe = 0.5;
    bool m_draggingWipe = false;
};

} // namespace cg
