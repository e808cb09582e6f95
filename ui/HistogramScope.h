#pragma once

#include "ScopeView.h"

namespace cg {

/// RGB histogram: one filled curve per channel over 256 code-value bins. The height is scaled to
/// the tallest bin away from the two ends, so a clipped spike at black or white does not flatten
/// everything else (it is drawn cut off at the top instead).
class HistogramScope : public ScopeView
{
    Q_OBJECT
public:
    explicit HistogramScope(QWidget* parent = nullptr);

    void setScopeData(const ScopeData& data) override;
    void clearData() override;

    QSize sizeHint() const override { return {420, 160}; }
};

} // namespace cg
