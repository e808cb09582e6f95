#pragma once

#include <qcustomplot.h>

namespace cg {

struct ScopeData;

/// Luma waveform: for each column bucket of the picture, how many pixels sit at each level of BT.709
/// Y' (0-100 %), drawn as brightness. Counts go through log(1 + n) so that sparse traces stay visible
/// next to dense ones, as a phosphor scope shows them.
class WaveformScope : public QCustomPlot
{
    Q_OBJECT
public:
    explicit WaveformScope(QWidget* parent = nullptr);

    void setScopeData(const ScopeData& data);
    void clearData();
    QCPColorMap* colorMap() const { return m_map; }

    QSize sizeHint() const override { return {420, 220}; }

private:
    QCPColorMap* m_map;
};

} // namespace cg
