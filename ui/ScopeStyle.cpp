#include "ScopeStyle.h"

#include "DarkTheme.h"

#include <qcustomplot.h>

namespace cg {

void applyScopeStyle(QCustomPlot* plot)
{
    plot->setBackground(QBrush(DarkTheme::panelBackground()));
    plot->axisRect()->setBackground(QBrush(DarkTheme::scopeBackground()));
    plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    plot->axisRect()->setMargins(QMargins(0, 6, 8, 0));
    plot->setInteractions({});
    plot->setNoAntialiasingOnDrag(true);

    // The graticule sits above the data, like the engraved lines on a scope's face.
    plot->moveLayer(plot->layer(QStringLiteral("grid")), plot->layer(QStringLiteral("main")),
                    QCustomPlot::limAbove);

    QFont tickFont = plot->font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.8);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setBasePen(Qt::NoPen);
        axis->setTickPen(Qt::NoPen);
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(DarkTheme::dimText());
        axis->setTickLabelFont(tickFont);
        axis->setLabelColor(DarkTheme::dimText());
        axis->grid()->setPen(QPen(DarkTheme::graticule(), 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->grid()->setSubGridVisible(false);
    }
}

} // namespace cg
