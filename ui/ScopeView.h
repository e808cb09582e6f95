#pragma once

#include <qcustomplot.h>

namespace cg {

struct ScopeData;

/// A scope display: a QCustomPlot (axes, graticule) that draws ScopeData computed elsewhere, off the
/// GUI thread. Drawing is all that happens here.
///
/// What changes with every frame (the trace) lives on a layer with its own paint buffer that is
/// redrawn alone; the axes, grid, labels and targets keep their buffers. A full replot of a plot costs
/// several milliseconds of the GUI thread, most of it in what does not change, and with four scopes at
/// 25 frames a second that would be most of a frame (the layered scope stands behind Kdenlive's and
/// Shotcut's scopes too: background, data, HUD).
/// (No Q_OBJECT: it adds no signals, and a header without a .cpp is not scanned by moc.)
class ScopeView : public QCustomPlot
{
public:
    using QCustomPlot::QCustomPlot;
    virtual void setScopeData(const ScopeData& data) = 0;
    virtual void clearData() = 0;

protected:
    /// The trace layer, created on first use directly above "main".
    QCPLayer* traceLayer()
    {
        if (QCPLayer* existing = layer(QStringLiteral("trace")))
            return existing;
        addLayer(QStringLiteral("trace"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
        QCPLayer* trace = layer(QStringLiteral("trace"));
        trace->setMode(QCPLayer::lmBuffered);
        return trace;
    }
    /// Redraw the trace alone (QCustomPlot falls back to a full replot when the buffers are stale,
    /// after a resize for example).
    void refreshTrace()
    {
        if (isVisible())
            traceLayer()->replot();
    }
    /// Hidden scopes skip their redraws: showing one draws it whole.
    void showEvent(QShowEvent* event) override
    {
        QCustomPlot::showEvent(event);
        replot(QCustomPlot::rpQueuedReplot);
    }
};

} // namespace cg
