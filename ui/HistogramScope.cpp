#include "HistogramScope.h"

#include "ScopeStyle.h"
#include "Scopes.h"

#include <algorithm>

namespace cg {

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
    yAxis->setRange(0.0, 1.08);
    yAxis->setTickLabels(false);
    yAxis->grid()->setVisible(false);
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(QMargins(4, 6, 4, 4));

    const QColor colors[3] = {QColor(0xff, 0x4d, 0x4d), QColor(0x4d, 0xe0, 0x4d), QColor(0x4d, 0x8c, 0xff)};
    for (const QColor& color : colors) {
        QCPGraph* graph = addGraph();
        graph->setPen(QPen(color, 1.2));
        QColor fill = color;
        fill.setAlpha(60);
        graph->setBrush(fill);
        graph->setLineStyle(QCPGraph::lsLine);
        graph->setAdaptiveSampling(false);
    }
    clearData();
}

void HistogramScope::clearData()
{
    for (int c = 0; c < graphCount(); ++c)
        graph(c)->data()->clear();
    replot();
}

void HistogramScope::setScopeData(const ScopeData& data)
{
    uint32_t peak = 1;
    for (const auto& channel : data.rgbHistogram)
        for (int bin = 1; bin < ScopeData::kHistogramBins - 1; ++bin)
            peak = std::max(peak, channel[size_t(bin)]);
    QVector<double> keys(ScopeData::kHistogramBins);
    for (int bin = 0; bin < ScopeData::kHistogramBins; ++bin)
        keys[bin] = bin;
    for (int c = 0; c < 3; ++c) {
        QVector<double> values(ScopeData::kHistogramBins);
        for (int bin = 0; bin < ScopeData::kHistogramBins; ++bin)
            values[bin] = std::min(1.08, double(data.rgbHistogram[size_t(c)][size_t(bin)]) / peak);
        graph(c)->setData(keys, values, true);
    }
    replot();
}

} // namespace cg
