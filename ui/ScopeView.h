#pragma once

#include <qcustomplot.h>

namespace cg {

struct ScopeData;

/// A scope display: a QCustomPlot (axes, graticule) that draws ScopeData computed elsewhere, off the
/// GUI thread. Drawing is all that happens here.
/// (No Q_OBJECT: it adds no signals, and a header without a .cpp is not scanned by moc.)
class ScopeView : public QCustomPlot
{
public:
    using QCustomPlot::QCustomPlot;
    virtual void setScopeData(const ScopeData& data) = 0;
    virtual void clearData() = 0;
};

} // namespace cg
