#include "Viewer.h"

#include "DarkTheme.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cg {
namespace {
constexpr int kMargin = 12;          ///< surround kept free around the fitted picture
constexpr int kWipeGrabDistance = 8; ///< how near the wipe line a press grabs it, in pixels
constexpr double kMinScale = 0.05;
constexpr double kMaxScale = 16.0;
constexpr double kZoomStep = 1.25;
} // namespace

Viewer::Viewer(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("viewer"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(false); // the main window takes dropped files
}

void Viewer::setFrame(const RenderedFrame& frame)
{
    m_original = frame.original;
    m_graded = frame.graded;
    m_originalQ = frame.originalQ;
    m_gradedQ = frame.gradedQ;
    const QSize source(frame.sourceWidth, frame.sourceHeight);
    const bool newSize = source != m_sourceSize;
    m_sourceSize = source;
    m_frame = frame.frame;
    m_message.clear();
    ++m_serial;
    if (newSize)
        clampPan();
    update();
}

void Viewer::clear(const QString& message)
{
    m_original.reset();
    m_graded.reset();
    m_originalQ = QImage();
    m_gradedQ = QImage();
    m_sourceSize = QSize();
    m_frame = -1;
    m_message = message;
    ++m_serial;
    update();
}

void Viewer::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (mode != Mode::Original)
        m_lastComparison = mode;
    m_draggingWipe = false;
    update();
    emit modeChanged(mode);
}

void Viewer::toggleBeforeAfter()
{
    if (m_mode == Mode::Original) {
        setMode(m_lastComparison == Mode::Original ? Mode::Graded : m_lastComparison);
    } else {
        const Mode back = m_mode;
        setMode(Mode::Original);
        m_lastComparison = back;
    }
}

void Viewer::setWipePosition(double position)
{
    position = std::clamp(position, 0.0, 1.0);
    if (position == m_wipe)
        return;
    m_wipe = position;
    update();
    emit wipePositionChanged(position);
}

const QImage& Viewer::gradedOrOriginal() const
{
    // Until the graded frame of a new picture arrives, show the picture itself rather than another
    // frame's grade.
    return m_gradedQ.isNull() || m_gradedQ.size() != m_originalQ.size() ? m_originalQ : m_gradedQ;
}

QSize Viewer::sourceSize() const
{
    if (m_sourceSize.isValid() && !m_sourceSize.isEmpty())
        return m_sourceSize;
    return m_originalQ.size();
}

// ---------------------------------------------------------------------------------------------
// Geometry and zoom

QRect Viewer::placeIn(const QRect& area) const
{
    const QSize picture = sourceSize();
    if (picture.isEmpty() || area.isEmpty())
        return {};
    if (m_fit) {
        const QRect inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
        if (inner.isEmpty())
            return {};
        const QSize fitted = picture.scaled(inner.size(), Qt::KeepAspectRatio);
        return QRect(inner.left() + (inner.width() - fitted.width()) / 2,
                     inner.top() + (inner.height() - fitted.height()) / 2, fitted.width(), fitted.height());
    }
    const QSizeF size = QSizeF(picture) * m_scale;
    const QPointF centre = QRectF(area).center() + m_pan;
    // Rounded position and size (not the bounding rectangle), so 100 % is exactly one pixel per pixel.
    return QRect(QPoint(int(std::lround(centre.x() - size.width() / 2)),
                        int(std::lround(centre.y() - size.height() / 2))),
                 QSize(int(std::lround(size.width())), int(std::lround(size.height()))));
}

QRect Viewer::pictureRect() const
{
    if (m_mode == Mode::SideBySide)
        return placeIn(QRect(0, 0, width() / 2, height()));
    return placeIn(rect());
}

QRect Viewer::secondPictureRect() const
{
    if (m_mode != Mode::SideBySide)
        return {};
    return placeIn(QRect(width() / 2, 0, width() - width() / 2, height()));
}

double Viewer::displayScale() const
{
    if (!m_fit)
        return m_scale;
    const QSize source = sourceSize();
    const QRect r = pictureRect();
    return source.isEmpty() || r.isEmpty() ? 1.0 : double(r.width()) / source.width();
}

double Viewer::fitScaleFor(QSize source) const
{
    const QRect area = m_mode == Mode::SideBySide ? QRect(0, 0, width() / 2, height()) : rect();
    const QRect inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (source.isEmpty() || inner.isEmpty())
        return 1.0;
    return std::min(double(inner.width()) / source.width(), double(inner.height()) / source.height());
}

void Viewer::zoomToFit()
{
    m_fit = true;
    m_pan = {};
    update();
    emit zoomChanged(displayScale(), true);
}

void Viewer::setZoom(double scale)
{
    zoomAround(scale, QRectF(rect()).center());
}

void Viewer::zoomIn()
{
    zoomAround(displayScale() * kZoomStep, QRectF(rect()).center());
}

void Viewer::zoomOut()
{
    zoomAround(displayScale() / kZoomStep, QRectF(rect()).center());
}

void Viewer::zoomAround(double scale, QPointF point)
{
    scale = std::clamp(scale, kMinScale, kMaxScale);
    const double old = displayScale();
    if (m_fit) {
        // Leave "fit" from where it is: the fitted picture is centred, so the pan starts at zero,
        // except side by side, where each half has its own centre.
        m_pan = {};
        m_fit = false;
    }
    // Keep the picture point under `point` where it is: centre' = point - (point - centre) * ratio.
    const QRect area = m_mode == Mode::SideBySide && point.x() >= width() / 2
                           ? QRect(width() / 2, 0, width() - width() / 2, height())
                           : (m_mode == Mode::SideBySide ? QRect(0, 0, width() / 2, height()) : rect());
    const QPointF areaCentre = QRectF(area).center();
    const QPointF centre = areaCentre + m_pan;
    const double ratio = old > 0 ? scale / old : 1.0;
    m_pan = point - (point - centre) * ratio - areaCentre;
    m_scale = scale;
    clampPan();
    update();
    emit zoomChanged(m_scale, false);
}

void Viewer::clampPan()
{
    if (m_fit)
        return;
    // Keep at least a corner of the picture in view.
    const QSizeF picture = QSizeF(sourceSize()) * m_scale;
    const double limitX = picture.width() / 2 + width() / 2.0 - 48;
    const double limitY = picture.height() / 2 + height() / 2.0 - 48;
    m_pan.setX(std::clamp(m_pan.x(), -std::max(0.0, limitX), std::max(0.0, limitX)));
    m_pan.setY(std::clamp(m_pan.y(), -std::max(0.0, limitY), std::max(0.0, limitY)));
}

int Viewer::wipeLineX() const
{
    const QRect r = pictureRect();
    return r.left() + int(std::lround(m_wipe * r.width()));
}

QImage Viewer::composedFrame() const
{
    if (m_originalQ.isNull())
        return {};
    switch (m_mode) {
    case Mode::Graded:
        return gradedOrOriginal();
    case Mode::Original:
        return m_originalQ;
    case Mode::SplitWipe: {
        QImage frame = gradedOrOriginal().copy();
        const int split = std::clamp(int(std::lround(m_wipe * frame.width())), 0, frame.width());
        for (int y = 0; y < frame.height(); ++y)
            std::memcpy(frame.scanLine(y), m_originalQ.constScanLine(y), size_t(split) * 4);
        return frame;
    }
    case Mode::SideBySide: {
        const QImage& graded = gradedOrOriginal();
        const QImage& original = m_originalQ.format() == graded.format()
                                     ? m_originalQ
                                     : m_originalQ.convertToFormat(graded.format());
        const size_t rowBytes = size_t(original.bytesPerLine());
        QImage frame(original.width() * 2, original.height(), graded.format());
        for (int y = 0; y < frame.height(); ++y) {
            std::memcpy(frame.scanLine(y), original.constScanLine(y), rowBytes);
            std::memcpy(frame.scanLine(y) + rowBytes, graded.constScanLine(y), rowBytes);
        }
        return frame;
    }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Painting

void Viewer::drawBadge(QPainter& painter, const QRect& picture, const QString& text, bool right) const
{
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0);
    painter.setFont(font);
    const QFontMetrics fm(font);
    const QSize size(fm.horizontalAdvance(text) + 16, fm.height() + 6);
    const QRect visible = picture.intersected(rect());
    const int x = right ? visible.right() - 8 - size.width() : visible.left() + 8;
    const QRect badge(QPoint(x, visible.top() + 8), size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 150));
    painter.drawRoundedRect(badge, 4, 4);
    painter.setPen(QColor(0xe8, 0xe8, 0xe8));
    painter.drawText(badge, Qt::AlignCenter, text);
}

void Viewer::drawPicture(QPainter& painter, const QRect& target, const QImage& image) const
{
    // Smooth when reducing; when enlarging past the image's own pixels show them as pixels, which is
    // what a colorist zooms in for.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, target.width() < image.width());
    painter.drawImage(target, image);
}

void Viewer::paintEvent(QPaintEvent*)
{
    QElapsedTimer clock;
    clock.start();
    QPainter p(this);
    p.fillRect(rect(), DarkTheme::viewerBackground());
    if (m_originalQ.isNull()) {
        p.setPen(DarkTheme::dimText());
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        p.setFont(big);
        const QRect r = rect();
        if (!m_message.isEmpty()) {
            p.setPen(QColor(0xd0, 0x6a, 0x5a));
            p.drawText(r.adjusted(0, 0, 0, -14), Qt::AlignCenter, tr("Media offline"));
            p.setPen(DarkTheme::dimText());
            p.setFont(font());
            p.drawText(r.adjusted(40, 44, -40, 0), Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
                       m_message);
            p.drawText(
                r.adjusted(40, 96, -40, 0), Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
                tr("Edit ▸ Relink Media… points the clip at the file's new place; its grade is kept."));
            return;
        }
        p.drawText(r.adjusted(0, 0, 0, -14), Qt::AlignCenter,
                   tr("Import a clip or open a project to start grading"));
        p.setFont(font());
        p.drawText(r.adjusted(0, 44, 0, 0), Qt::AlignCenter,
                   tr("File ▸ Import Media (Ctrl+I), File ▸ Open (Ctrl+O), or drop files here"));
        return;
    }
    const QRect r = pictureRect();
    switch (m_mode) {
    case Mode::Graded:
        drawPicture(p, r, gradedOrOriginal());
        break;
    case Mode::Original:
        drawPicture(p, r, m_originalQ);
        drawBadge(p, r, tr("Before"), false);
        break;
    case Mode::SplitWipe: {
        const int x = wipeLineX();
        p.save();
        p.setClipRect(QRect(r.left(), r.top(), x - r.left(), r.height()));
        drawPicture(p, r, m_originalQ);
        p.setClipRect(QRect(x, r.top(), r.right() + 1 - x, r.height()));
        drawPicture(p, r, gradedOrOriginal());
        p.restore();
        // The wipe line with a round handle in the middle, drawn dark-edged so it reads on any picture.
        p.setRenderHint(QPainter::Antialiasing);
        const QRect visible = r.intersected(rect());
        p.setPen(QPen(QColor(0, 0, 0, 140), 3));
        p.drawLine(x, visible.top(), x, visible.bottom());
        p.setPen(QPen(QColor(0xf0, 0xf0, 0xf0), 1));
        p.drawLine(x, visible.top(), x, visible.bottom());
        const QPoint c(x, visible.center().y());
        p.setBrush(QColor(0x2a, 0x2a, 0x2a, 220));
        p.setPen(QPen(QColor(0xf0, 0xf0, 0xf0), 1.5));
        p.drawEllipse(c, 11, 11);
        QPainterPath arrows;
        arrows.moveTo(c.x() - 3, c.y() - 4);
        arrows.lineTo(c.x() - 7, c.y());
        arrows.lineTo(c.x() - 3, c.y() + 4);
        arrows.moveTo(c.x() + 3, c.y() - 4);
        arrows.lineTo(c.x() + 7, c.y());
        arrows.lineTo(c.x() + 3, c.y() + 4);
        p.setBrush(Qt::NoBrush);
        p.drawPath(arrows);
        drawBadge(p, r, tr("Before"), false);
        drawBadge(p, r, tr("After"), true);
        break;
    }
    case Mode::SideBySide: {
        const QRect r2 = secondPictureRect();
        p.save();
        p.setClipRect(QRect(0, 0, width() / 2, height()));
        drawPicture(p, r, m_originalQ);
        p.restore();
        p.save();
        p.setClipRect(QRect(width() / 2, 0, width() - width() / 2, height()));
        drawPicture(p, r2, gradedOrOriginal());
        p.restore();
        drawBadge(p, r, tr("Before"), false);
        drawBadge(p, r2, tr("After"), false);
        break;
    }
    }
    if (!m_fit) {
        // The zoom, bottom right, as long as it is not "fit".
        const QString text = tr("%1 %").arg(std::lround(m_scale * 100));
        p.setPen(QColor(0xc8, 0xc8, 0xc8));
        p.drawText(rect().adjusted(0, 0, -10, -6), Qt::AlignRight | Qt::AlignBottom, text);
    }
    m_paintedSerial = m_serial;
    m_paintMs = double(clock.nsecsElapsed()) / 1e6;
    const qint64 serial = m_serial;
    // Emitted after painting has finished with this widget's state.
    QMetaObject::invokeMethod(
        this, [this, serial] { emit framePainted(serial); }, Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------
// Mouse

void Viewer::moveWipeTo(int widgetX)
{
    const QRect r = pictureRect();
    if (r.width() <= 0)
        return;
    setWipePosition(double(widgetX - r.left()) / r.width());
}

void Viewer::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && !m_fit && m_mode != Mode::SplitWipe)) {
        m_panning = true;
        m_panStart = pos;
        m_panAtStart = m_pan;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (m_mode == Mode::SplitWipe && event->button() == Qt::LeftButton && !m_originalQ.isNull()) {
        const QRect r = pictureRect();
        const int x = qRound(pos.x());
        if (r.contains(pos.toPoint()) || std::abs(x - wipeLineX()) <= kWipeGrabDistance) {
            m_draggingWipe = true;
            moveWipeTo(x);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void Viewer::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_panning) {
        if (m_fit) {
            m_scale = displayScale();
            m_fit = false;
            emit zoomChanged(m_scale, false);
        }
        m_pan = m_panAtStart + (pos - m_panStart);
        clampPan();
        update();
        event->accept();
        return;
    }
    const int x = qRound(pos.x());
    if (m_draggingWipe) {
        moveWipeTo(x);
        event->accept();
        return;
    }
    const bool nearLine =
        m_mode == Mode::SplitWipe && !m_originalQ.isNull() && std::abs(x - wipeLineX()) <= kWipeGrabDistance;
    setCursor(nearLine ? Qt::SplitHCursor : (!m_fit ? Qt::OpenHandCursor : Qt::ArrowCursor));
    QWidget::mouseMoveEvent(event);
}

void Viewer::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        setCursor(m_fit ? Qt::ArrowCursor : Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (m_draggingWipe && event->button() == Qt::LeftButton) {
        m_draggingWipe = false;
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void Viewer::mouseDoubleClickEvent(QMouseEvent* event)
{
    // Double-click with the middle button (or anywhere while zoomed): back to fit.
    if (event->button() == Qt::MiddleButton || (!m_fit && m_mode != Mode::SplitWipe)) {
        zoomToFit();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void Viewer::wheelEvent(QWheelEvent* event)
{
    if (m_originalQ.isNull()) {
        event->ignore();
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    zoomAround(displayScale() * std::pow(kZoomStep, steps), event->position());
    event->accept();
}

void Viewer::resizeEvent(QResizeEvent* event)
{
    clampPan();
    QWidget::resizeEvent(event);
    if (m_fit)
        emit zoomChanged(displayScale(), true);
}

} // namespace cg
