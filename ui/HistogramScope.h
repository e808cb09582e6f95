#pragma once

#include "ScopeView.h"

#include <QImage>

namespace cg {

/// RGB histogram: per channel, how many pixels have each of 256 code values, the three drawn as
/// light on top of each other (white where all three agree, as on a grading suite's histogram). The
/// height is scaled to the tallest bin away from the two ends, so a clipped spike at black or white
/// does not flatten everything else (it is drawn cut off at the top instead). Drawn as an image, not as
/// filled curves: a few hundred microseconds instead of ten milliseconds of the GUI thread.
class HistogramScope : public ScopeView
{
    Q_OBJECT
public:
    explicit HistogramScope(QWidget* parent = nullptr);

    void setScopeData(const ScopeData& data) override;
    void clearData() override;
    /// The histogram as drawn (256 bins wide), for tests.
    const QImage& trace() const { return m_trace; }

    QSize sizeHint() const override { return {420, 160}; }

private:
    QCPItemPixmap* m_pixmap;
    QImage m_trace;
};

} // namespace cg
