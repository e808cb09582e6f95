#pragma once

class QCustomPlot;

namespace cg {

/// The common dress of every scope plot: dark plot area, dim graticule drawn over the data (as on a
/// hardware scope), no interaction, tight margins.
void applyScopeStyle(QCustomPlot* plot);

} // namespace cg
