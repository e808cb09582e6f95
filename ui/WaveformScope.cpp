#include "WaveformScope.h"

#include "DarkTheme.h"
#include "ScopeStyle.h"
#include "Scopes.h"

#include <algorithm>
#include <cmath>

namespace cg {

WaveformScope::WaveformScope(QWidget* parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("waveformScope"));
    applyScopeStyle(this);

    xAxis->setRange(0.0, 1.0);
    xAxis->setTickLabels(false);
    xAxis->grid()->setVisible(false);
    yAxis->setRange(-1.5, 101.5);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(10.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    yAxis->setTicker(ticker);
    yAxis->setPadding(2);

    m_map = new QCPColorMap(xAxis, yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(true);
    m_map->data()->setKeyRange(QCPRange(0.0, 1.0));
    m_map->data()->setValueRange(QCPRange(0.0, 100.0));

    // Dark to phosphor green to white: the look of a hardware waveform monitor.
    QCPColorGradient phosphor;
    phosphor.clearColorStops();
    phosphor.setColorStopAt(0.0, DarkTheme::scopeBackground());
    phosphor.setColorStopAt(0.02, QColor(0x0c, 0x2e, 0x14));
    phosphor.setColorStopAt(0.45, QColor(0x2f, 0x9e, 0x50));
    phosphor.setColorStopAt(0.8, QColor(0x9c, 0xf0, 0xa8));
    phosphor.setColorStopAt(1.0, QColor(0xf4, 0xff, 0xf4));
    phosphor.setLevelCount(256);
    m_map->setGradient(phosphor);
    m_map->setDataRange(QCPRange(0.0, 1.0));
    clearData();
}

void WaveformScope::clearData()
{
    m_map->data()->setSize(1, 1);
    m_map->data()->fill(0.0);
    replot();
}

void WaveformScope::setScopeData(const ScopeData& data)
{
    const int columns = data.waveformColumns;
    const int levels = ScopeData::kWaveformLevels;
    if (columns <= 0 || data.lumaWaveform.size() != size_t(columns) * size_t(levels)) {
        clearData();
        return;
    }
    const uint32_t maxCount = *std::max_element(data.lumaWaveform.begin(), data.lumaWaveform.end());
    const double norm = maxCount > 0 ? 1.0 / std::log1p(double(maxCount)) : 0.0;
    QCPColorMapData* map = m_map->data();
    map->setSize(columns, levels);
    map->setKeyRange(QCPRange(0.5 / columns, 1.0 - 0.5 / columns));
    map->setValueRange(QCPRange(0.0, 100.0));
    for (int x = 0; x < columns; ++x)
        for (int level = 0; level < levels; ++level)
            map->setCell(x, level,
                         std::log1p(double(data.lumaWaveform[size_t(x) * size_t(levels) + size_t(level)])) * norm);
    replot();
}

} // namespace cg
