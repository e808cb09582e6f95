#pragma once

#include "ScopeView.h"

#include <QImage>

namespace cg {

/// Waveform monitor: for each column bucket of the picture, how many pixels sit at each level
/// (0-100 % of code values), drawn as brightness. Counts go through log(1 + n) so that sparse
/// traces stay visible next to dense ones, as a phosphor scope shows them.
///   Luma:       BT.709 Y', in phosphor green.
///   RgbOverlay: the R, G and B waveforms on top of each other, added as light (white where they agree).
///   Parade:     the R, G and B waveforms side by side.
class WaveformScope : public ScopeView
{
    Q_OBJECT
public:
    enum class Mode
    {
        Luma,
        RgbOverlay,
        Parade
    };

    explicit WaveformScope(Mode mode = Mode::Luma, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    void setScopeData(const ScopeData& data) override;
    void clearData() override;
    /// The trace as drawn (columns x 256 levels, level 0 at the bottom), for tests.
    const QImage& trace() const { return m_trace; }
    int traceColumns() const { return m_columns; }

    QSize sizeHint() const override { return {420, 220}; }

private:
    Mode m_mode;
    QCPItemPixmap* m_pixmap;
    QImage m_trace;
    int m_columns = 0;
};

} // namespace cg
