#include "HistogramScope.h"

#include "DarkTheme.h"
#include "ScopeStyle.h"
#include "Scopes.h"

#include <algorithm>

namespace cg {
namespace {
constexpr int kHeight = 160;  ///< rows of the drawn histogram
constexpr double kTop = 1.08; ///< headroom above the scaled peak
} // namespace

HistogramScope::HistogramScope(QWidget* parent) : ScopeView(parent)
{
    setObjectName(QStringLiteral("histogramScope"));
    applyScopeStyle(this);

    xAxis->setRange(-0.5, ScopeData::kHistogramBins - 0.5);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(ScopeData::kHistogramBins / 4.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    xAxis->setTicker(ticker);
    xAxis->setTickLabels(false);
    yAxis->setRange(0.0, kTop);
    yAxis->setTickLabels(false);
    yAxis->grid()->setVisible(false);
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(QMargins(4, 6, 4, 4));

    m_pixmap = new QCPItemPixmap(this);
    m_pixmap->setLayer(traceLayer());
    m_pixmap->setScaled(true, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_pixmap->topLeft->setCoords(-0.5, kTop);
    m_pixmap->bottomRight->setCoords(ScopeData::kHistogramBins - 0.5, 0.0);
    m_pixmap->setClipToAxisRect(true);
    clearData();
}

void HistogramScope::clearData()
{
    m_trace = QImage(1, 1, QImage::Format_ARGB32_Premultiplied);
    m_trace.fill(Qt::transparent);
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

void HistogramScope::setScopeData(const ScopeData& data)
{
    const int bins = ScopeData::kHistogramBins;
    uint32_t peak = 1;
    for (const auto& channel : data.rgbHistogram)
        for (int bin = 1; bin < bins - 1; ++bin)
            peak = std::max(peak, channel[size_t(bin)]);
    // Column heights per channel, in rows.
    int heights[3][ScopeData::kHistogramBins];
    for (int c = 0; c < 3; ++c)
        for (int bin = 0; bin < bins; ++bin)
            heights[c][bin] =
                int(std::min(1.0, double(data.rgbHistogram[size_t(c)][size_t(bin)]) / peak / kTop) * kHeight +
                    0.5);
    m_trace = QImage(bins, kHeight, QImage::Format_ARGB32_Premultiplied);
    // Each channel adds its light where it reaches; the filled body is dimmer than its top edge.
    for (int row = 0; row < kHeight; ++row) {
        auto* line = reinterpret_cast<QRgb*>(m_trace.scanLine(kHeight - 1 - row));
        for (int bin = 0; bin < bins; ++bin) {
            int rgb[3] = {0, 0, 0};
            for (int c = 0; c < 3; ++c) {
                const int h = heights[c][bin];
                if (row < h)
                    rgb[c] = row >= h - 2 ? 255 : 150;
            }
            // A little of every channel in the others, so overlaps read as lighter tones.
            const int r = std::min(255, rgb[0] + (rgb[1] + rgb[2]) / 8);
            const int g = std::min(255, rgb[1] + (rgb[0] + rgb[2]) / 8);
            const int b = std::min(255, rgb[2] + (rgb[0] + rgb[1]) / 8);
            const int a = std::max({r, g, b}) > 0 ? 230 : 0;
            line[bin] = qRgba(r * a / 255, g * a / 255, b * a / 255, a);
        }
    }
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

} // namespace cg
