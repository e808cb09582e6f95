#include "WaveformScope.h"

#include "DarkTheme.h"
#include "ScopeStyle.h"
#include "Scopes.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cg {
namespace {

/// Brightness 0..255 for a count, log-scaled against the largest count.
struct LogScale
{
    explicit LogScale(uint32_t peak) : norm(peak > 0 ? 255.0 / std::log1p(double(peak)) : 0.0) {}
    int operator()(uint32_t count) const
    {
        return count ? std::min(255, int(std::log1p(double(count)) * norm + 0.5)) : 0;
    }
    double norm;
};

/// Dark to phosphor green to white: the look of a hardware waveform monitor.
const std::array<QRgb, 256>& phosphor()
{
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> t{};
        const QColor stops[] = {DarkTheme::scopeBackground(), QColor(0x0c, 0x2e, 0x14),
                                QColor(0x2f, 0x9e, 0x50), QColor(0x9c, 0xf0, 0xa8), QColor(0xf4, 0xff, 0xf4)};
        const double at[] = {0.0, 0.02, 0.45, 0.8, 1.0};
        for (int i = 0; i < 256; ++i) {
            const double v = i / 255.0;
            int s = 0;
            while (s < 3 && v > at[s + 1])
                ++s;
            const double f = (v - at[s]) / (at[s + 1] - at[s]);
            const auto mix = [&](int a, int b) { return int(a + (b - a) * f + 0.5); };
            t[size_t(i)] =
                qRgb(mix(stops[s].red(), stops[s + 1].red()), mix(stops[s].green(), stops[s + 1].green()),
                     mix(stops[s].blue(), stops[s + 1].blue()));
        }
        return t;
    }();
    return table;
}

} // namespace

WaveformScope::WaveformScope(Mode mode, QWidget* parent) : ScopeView(parent), m_mode(mode)
{
    static const char* names[] = {"waveformScope", "rgbWaveformScope", "paradeScope"};
    setObjectName(QString::fromLatin1(names[int(mode)]));
    applyScopeStyle(this);

    xAxis->setRange(0.0, 1.0);
    xAxis->setTickLabels(false);
    yAxis->setRange(-1.5, 101.5);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(10.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    yAxis->setTicker(ticker);
    yAxis->setPadding(2);
    if (mode == Mode::Parade) {
        // Thirds: one lane per channel.
        auto lanes = QSharedPointer<QCPAxisTickerFixed>::create();
        lanes->setTickStep(1.0 / 3.0);
        lanes->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        xAxis->setTicker(lanes);
        xAxis->grid()->setPen(QPen(DarkTheme::graticule().lighter(150), 1));
    } else {
        xAxis->grid()->setVisible(false);
    }

    m_pixmap = new QCPItemPixmap(this);
    m_pixmap->setLayer(traceLayer());
    m_pixmap->setScaled(true, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_pixmap->topLeft->setCoords(0.0, 100.0);
    m_pixmap->bottomRight->setCoords(1.0, 0.0);
    m_pixmap->setClipToAxisRect(true);
    clearData();
}

void WaveformScope::clearData()
{
    m_columns = 0;
    m_trace = QImage(1, 1, QImage::Format_RGB32);
    m_trace.fill(DarkTheme::scopeBackground());
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

void WaveformScope::setScopeData(const ScopeData& data)
{
    const int columns = data.waveformColumns;
    const int levels = ScopeData::kWaveformLevels;
    const size_t cells = size_t(columns) * size_t(levels);
    if (columns <= 0 || data.lumaWaveform.size() != cells || data.rgbWaveform[0].size() != cells) {
        clearData();
        return;
    }
    const auto cell = [levels](int x, int level) { return size_t(x) * size_t(levels) + size_t(level); };
    const QRgb background = DarkTheme::scopeBackground().rgb();
    if (m_mode == Mode::Luma) {
        const LogScale scale(*std::max_element(data.lumaWaveform.begin(), data.lumaWaveform.end()));
        const auto& lut = phosphor();
        m_trace = QImage(columns, levels, QImage::Format_RGB32);
        for (int level = 0; level < levels; ++level) {
            auto* row = reinterpret_cast<QRgb*>(m_trace.scanLine(levels - 1 - level));
            for (int x = 0; x < columns; ++x)
                row[x] = lut[size_t(scale(data.lumaWaveform[cell(x, level)]))];
        }
    } else {
        uint32_t peak = 0;
        for (const auto& channel : data.rgbWaveform)
            peak = std::max(peak, *std::max_element(channel.begin(), channel.end()));
        const LogScale scale(peak);
        const bool parade = m_mode == Mode::Parade;
        m_trace = QImage(parade ? columns * 3 : columns, levels, QImage::Format_RGB32);
        const int bg[3] = {qRed(background), qGreen(background), qBlue(background)};
        for (int level = 0; level < levels; ++level) {
            auto* row = reinterpret_cast<QRgb*>(m_trace.scanLine(levels - 1 - level));
            for (int x = 0; x < columns; ++x) {
                const int r = scale(data.rgbWaveform[0][cell(x, level)]);
                const int g = scale(data.rgbWaveform[1][cell(x, level)]);
                const int b = scale(data.rgbWaveform[2][cell(x, level)]);
                if (parade) {
                    // Each lane in its own colour, lifted towards white where it is dense.
                    const auto lane = [&](int v, int c) {
                        const int w = std::max(0, v - 170) * 3;
                        int rgb[3] = {bg[0] + w * (v > 0), bg[1] + w * (v > 0), bg[2] + w * (v > 0)};
                        rgb[c] = std::max(rgb[c], bg[c] + v * (255 - bg[c]) / 255);
                        return qRgb(std::min(255, rgb[0]), std::min(255, rgb[1]), std::min(255, rgb[2]));
                    };
                    row[x] = lane(r, 0);
                    row[columns + x] = lane(g, 1);
                    row[2 * columns + x] = lane(b, 2);
                } else {
                    row[x] = qRgb(std::max(bg[0], r), std::max(bg[1], g), std::max(bg[2], b));
                }
            }
        }
    }
    m_columns = columns;
    m_pixmap->setPixmap(QPixmap::fromImage(m_trace));
    refreshTrace();
}

} // namespace cg
