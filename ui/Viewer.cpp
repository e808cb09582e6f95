#include "Viewer.h"

#include "DarkTheme.h"
#include "ImageConversion.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cg {
namespace {
constexpr int kMargin = 12;        ///< surround kept free around the picture
constexpr int kWipeGrabDistance = 8; ///< how near the wipe line a press grabs it, in pixels
} // namespace

Viewer::Viewer(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("viewer"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(false); // the main window takes dropped files
}

void Viewer::setOriginal(const Image& original)
{
    m_original = original;
    m_originalQ = ImageConversion::toQImage(m_original);
    m_graded = Image();
    m_gradedQ = QImage();
    update();
}

void Viewer::setGraded(const Image& graded)
{
    m_graded = graded;
    m_gradedQ = ImageConversion::toQImage(m_graded);
    update();
}

void Viewer::clear()
{
    m_original = Image();
    m_graded = Image();
    m_originalQ = QImage();
    m_gradedQ = QImage();
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
    // Until the first graded frame of a new picture arrives, show the picture itself rather than the
    // previous clip's grade.
    return m_gradedQ.isNull() || m_gradedQ.size() != m_originalQ.size() ? m_originalQ : m_gradedQ;
}

QSize Viewer::pictureSize() const { return m_originalQ.size(); }

QRect Viewer::fitRect(const QRect& area) const
{
    const QRect inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QSize picture = pictureSize();
    if (picture.isEmpty() || inner.isEmpty())
        return {};
    const QSize fitted = picture.scaled(inner.size(), Qt::KeepAspectRatio);
    return QRect(inner.left() + (inner.width() - fitted.width()) / 2,
                 inner.top() + (inner.height() - fitted.height()) / 2, fitted.width(), fitted.height());
}

QRect Viewer::pictureRect() const
{
    if (m_mode == Mode::SideBySide)
        return fitRect(QRect(0, 0, width() / 2, height()));
    return fitRect(rect());
}

QRect Viewer::secondPictureRect() const
{
    if (m_mode != Mode::SideBySide)
        return {};
    return fitRect(QRect(width() / 2, 0, width() - width() / 2, height()));
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
            std::memcpy(frame.scanLine(y), m_originalQ.constScanLine(y), size_t(split) * 3);
        return frame;
    }
    case Mode::SideBySide: {
        const QImage& graded = gradedOrOriginal();
        const size_t rowBytes = size_t(m_originalQ.width()) * 3;
        QImage frame(m_originalQ.width() * 2, m_originalQ.height(), QImage::Format_RGB888);
        for (int y = 0; y < frame.height(); ++y) {
            std::memcpy(frame.scanLine(y), m_originalQ.constScanLine(y), rowBytes);
            std::memcpy(frame.scanLine(y) + rowBytes, graded.constScanLine(y), rowBytes);
        }
        return frame;
    }
    }
    return {};
}

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
    const int x = right ? picture.right() - 8 - size.width() : picture.left() + 8;
    const QRect badge(QPoint(x, picture.top() + 8), size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 150));
    painter.drawRoundedRect(badge, 4, 4);
    painter.setPen(QColor(0xe8, 0xe8, 0xe8));
    painter.drawText(badge, Qt::AlignCenter, text);
}

void Viewer::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), DarkTheme::viewerBackground());
    if (m_originalQ.isNull()) {
        p.setPen(DarkTheme::dimText());
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        p.setFont(big);
        const QRect r = rect();
        p.drawText(r.adjusted(0, 0, 0, -14), Qt::AlignCenter, tr("Open an image or a project to start grading"));
        p.setFont(font());
        p.drawText(r.adjusted(0, 44, 0, 0), Qt::AlignCenter,
                   tr("File ▸ Open (Ctrl+O), or drop a file here"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect r = pictureRect();
    switch (m_mode) {
    case Mode::Graded:
        p.drawImage(r, gradedOrOriginal());
        break;
    case Mode::Original:
        p.drawImage(r, m_originalQ);
        drawBadge(p, r, tr("Before"), false);
        break;
    case Mode::SplitWipe: {
        const int x = wipeLineX();
        p.save();
        p.setClipRect(QRect(r.left(), r.top(), x - r.left(), r.height()));
        p.drawImage(r, m_originalQ);
        p.setClipRect(QRect(x, r.top(), r.right() + 1 - x, r.height()));
        p.drawImage(r, gradedOrOriginal());
        p.restore();
        // The wipe line with a round handle in the middle, drawn dark-edged so it reads on any picture.
        p.setPen(QPen(QColor(0, 0, 0, 140), 3));
        p.drawLine(x, r.top(), x, r.bottom());
        p.setPen(QPen(QColor(0xf0, 0xf0, 0xf0), 1));
        p.drawLine(x, r.top(), x, r.bottom());
        const QPoint c(x, r.center().y());
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
        p.drawImage(r, m_originalQ);
        p.drawImage(r2, gradedOrOriginal());
        drawBadge(p, r, tr("Before"), false);
        drawBadge(p, r2, tr("After"), false);
        break;
    }
    }
}

void Viewer::moveWipeTo(int widgetX)
{
    const QRect r = pictureRect();
    if (r.width() <= 0)
        return;
    setWipePosition(double(widgetX - r.left()) / r.width());
}

void Viewer::mousePressEvent(QMouseEvent* event)
{
    if (m_mode == Mode::SplitWipe && event->button() == Qt::LeftButton && !m_originalQ.isNull()) {
        const QRect r = pictureRect();
        const int x = qRound(event->position().x());
        if (r.contains(event->position().toPoint()) || std::abs(x - wipeLineX()) <= kWipeGrabDistance) {
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
    const int x = qRound(event->position().x());
    if (m_draggingWipe) {
        moveWipeTo(x);
        event->accept();
        return;
    }
    const bool nearLine = m_mode == Mode::SplitWipe && !m_originalQ.isNull() &&
                          std::abs(x - wipeLineX()) <= kWipeGrabDistance;
    setCursor(nearLine ? Qt::SplitHCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void Viewer::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_draggingWipe && event->button() == Qt::LeftButton) {
        m_draggingWipe = false;
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace cg
