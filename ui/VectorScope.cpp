#include "VectorScope.h"

#include "DarkTheme.h"
#include "ScopeStyle.h"
#include "Scopes.h"

#include <algorithm>
#include <cmath>

namespace cg {
namespace {
constexpr double kHalf = 0.5;  ///< the plane spans Cb, Cr = -0.5 .. 0.5 (as ScopeData does)
constexpr double kView = 0.56; ///< a little room around it for the labels
} // namespace

QPointF VectorScope::chroma(const Rgb& c)
{
    // BT.709: Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'; Cb = (B' - Y') / 1.8556; Cr = (R' - Y') / 1.5748.
    const double y = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    return {(c.b - y) / 1.8556, (c.r - y) / 1.5748};
}

VectorScope::VectorScope(QWidget* parent) : ScopeView(parent)
{
    setObjectName(QStringLiteral("vectorScope"));
    applyScopeStyle(this);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setTickLabels(false);
        axis->grid()->setVisible(false);
        axis->setRange(-kView, kView);
    }
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(QMargins(2, 2, 2, 2));
    axisRect()->setBackground(QBrush(DarkTheme::panelBackground()));

    // The disc of the scope face.
    auto* face = new QCPItemEllipse(this);
    face->topLeft->setCoords(-kHalf, kHalf);
    face->bottomRight->setCoords(kHalf, -kHalf);
    face->setPen(QPen(QColor(0x50, 0x50, 0x50), 1));
    face->setBrush(DarkTheme::scopeBackground());
    face->setLayer(QStringLiteral("background"));

    m_pixmap = new QCPItemPixmap(this);
    m_pixmap->setLayer(traceLayer());
    m_pixmap->setScaled(true, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_pixmap->topLeft->setCoords(-kHalf, kHalf);
    m_pixmap->bottomRight->setCoords(kHalf, -kHalf);

    // Graticule above the trace: axes, the 75 % circle, skin-tone line, bar targets.
    addLayer(QStringLiteral("graticule"), traceLayer(), QCustomPlot::limAbove);
    const QPen dim(QColor(0x80, 0x80, 0x80, 0x60), 1);
    for (const auto& line : {QLineF(-kHalf, 0, kHalf, 0), QLineF(0, -kHalf, 0, kHalf)}) {
        auto* l = new QCPItemLine(this);
        l->start->setCoords(line.p1());
        l->end->setCoords(line.p2());
        l->setPen(dim);
        l->setLayer(QStringLiteral("graticule"));
    }
    const double rad = kSkinToneDegrees * M_PI / 180.0;
    auto* skin = new QCPItemLine(this);
    skin->start->setCoords(0, 0);
    skin->end->setCoords(kHalf * std::cos(rad), kHalf * std::sin(rad));
    skin->setPen(QPen(QColor(0xd8, 0xb0, 0x90, 0xa0), 1, Qt::DashLine));
    skin->setLayer(QStringLiteral("graticule"));

    const struct
    {
        Rgb colour;
        const char* label;
    } bars[] = {{{1, 0, 0}, "R"},  {{1, 0, 1}, "Mg"}, {{0, 0, 1}, "B"},
                {{0, 1, 1}, "Cy"}, {{0, 1, 0}, "G"},  {{1, 1, 0}, "Yl"}};
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.75);
    for (const auto& bar : bars) {
        const QColor tint =
            QColor::fromRgbF(float(0.35 + 0.6 * bar.colour.r), float(0.35 + 0.6 * bar.colour.g),
                             float(0.35 + 0.6 * bar.colour.b));
        for (double level : {0.75, 1.0}) {
            const QPointF p = chroma(bar.colour * level);
            const double box = level == 0.75 ? 0.022 : 0.014;
            auto* target = new QCPItemRect(this);
            target->topLeft->setCoords(p.x() - box, p.y() + box);
            target->bottomRight->setCoords(p.x() + box, p.y() - box);
            target->setPen(QPen(tint, level == 0.75 ? 1.2 : 0.8));
            target->setLayer(QStringLiteral("graticule"));
        }
        const QPointF p = chroma(bar.colour * 0.75);
        const double len = std::hypot(p.x(), p.y());
        auto* text = new QCPItemText(this);
        text->position->setCoords(p * ((len + 0.07) / len));
        text->setText(QString::fromLatin1(bar.label));
        text->setColor(tint);
        text->setFont(labelFont);
        text->setLayer(QStringLiteral("graticule"));
    }
    // The 75 % circle through the bar targets (all 75 % bars lie near it; red is the farthest).
    const double r75 = std::hypot(chroma(Rgb{0.75, 0, 0}).x(), chroma(Rgb{0.75, 0, 0}).y());
    auto* circle = new QCPItemEllipse(this);
    circle->topLeft->setCoords(-r75, r75);
    circle->bottomRight->setCoords(r75, -r75);
    circle->setPen(QPen(QColor(0x80, 0x80, 0x80, 0x40), 1, Qt::DotLine));
    circle->setLayer(QStringLiteral("graticule"));
    clearData();
}

void VectorScope::clearData()
{
    m_trace = QImage(1, 1, QImage::Format_ARGB32_Premultiplied);
    m_trace.fill(Qt::transparent);
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

void VectorScope::setScopeData(const ScopeData& data)
{
    const int size = ScopeData::kVectorscopeSize;
    if (data.vectorscope.size() != size_t(size) * size_t(size)) {
        clearData();
        return;
    }
    const uint32_t peak = *std::max_element(data.vectorscope.begin(), data.vectorscope.end());
    const double norm = peak > 0 ? 1.0 / std::log1p(double(peak)) : 0.0;
    m_trace = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
    for (int v = 0; v < size; ++v) {
        auto* row = reinterpret_cast<QRgb*>(m_trace.scanLine(v));
        // Row v holds Cr from +0.5 (top) down; column u holds Cb from -0.5.
        const double cr = 0.5 - (v + 0.5) / size;
        for (int u = 0; u < size; ++u) {
            const uint32_t count = data.vectorscope[size_t(v) * size_t(size) + size_t(u)];
            if (!count) {
                row[u] = 0;
                continue;
            }
            const double cb = (u + 0.5) / size - 0.5;
            // The hue of the point at a fixed mid luma, brightened with the count.
            const double y = 0.55;
            double r = y + 1.5748 * cr;
            double b = y + 1.8556 * cb;
            double g = (y - 0.2126 * r - 0.0722 * b) / 0.7152;
            const double a = std::min(1.0, 0.25 + std::log1p(double(count)) * norm);
            const double whiten = std::max(0.0, a - 0.7) / 0.3 * 0.6;
            r = std::clamp(r + (1 - r) * whiten, 0.0, 1.0);
            g = std::clamp(g + (1 - g) * whiten, 0.0, 1.0);
            b = std::clamp(b + (1 - b) * whiten, 0.0, 1.0);
            row[u] = qRgba(int(r * a * 255), int(g * a * 255), int(b * a * 255), int(a * 255));
        }
    }
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

void VectorScope::keepSquare()
{
    // Equal scale on both axes: the wider axis shows more, so circles stay circles.
    const QRect r = axisRect()->rect();
    if (r.width() <= 0 || r.height() <= 0)
        return;
    const double aspect = double(r.width()) / r.height();
    if (aspect >= 1.0) {
        xAxis->setRange(-kView * aspect, kView * aspect);
        yAxis->setRange(-kView, kView);
    } else {
        xAxis->setRange(-kView, kView);
        yAxis->setRange(-kView / aspect, kView / aspect);
    }
}

void VectorScope::resizeEvent(QResizeEvent* event)
{
    ScopeView::resizeEvent(event);
    // The axis rect follows the widget only after a layout pass.
    plotLayout()->update(QCPLayoutElement::upLayout);
    keepSquare();
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace cg
