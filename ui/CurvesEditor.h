#pragma once

#include "Grade.h"

#include <QWidget>

#include <vector>

class QButtonGroup;
class QToolButton;

namespace cg {

class CurvePlot;

/// The custom-curves editor: master (luma-wise, applied to all channels), R, G and B, each a monotone
/// spline through control points (cg::Curves; evaluated with cg::MonotoneCurve, the curve the grade
/// uses, so what is drawn is what is applied).
///
/// Click on the plot to add a point, drag a point to move it (between its neighbours), Delete or a
/// right-click to remove it, drag it off the plot to remove it too; double-click resets the channel.
/// The end points stay at x = 0 and x = 1 and move only vertically.
class CurvesEditor : public QWidget
{
    Q_OBJECT
public:
    enum Channel
    {
        Master = 0,
        Red = 1,
        Green = 2,
        Blue = 3
    };

    explicit CurvesEditor(QWidget* parent = nullptr);

    /// Show curves from the model (no signals).
    void setCurves(const Curves& curves);
    const Curves& curves() const { return m_curves; }
    Channel channel() const { return m_channel; }
    void setChannel(Channel channel);
    /// The plot widget (object name "curvePlot"), for mouse input.
    QWidget* plot() const;
    /// Plot coordinates of a curve value (x, y in 0..1) and back.
    QPointF toWidget(QPointF value) const;
    QPointF toValue(QPointF widgetPoint) const;

    static std::vector<CurvePoint>& points(Curves& curves, Channel channel);
    static const std::vector<CurvePoint>& points(const Curves& curves, Channel channel);

signals:
    /// The user changed the curves; `mergeKey` is the same for every edit of one drag.
    void curvesEdited(const cg::Curves& curves, const QString& description, int mergeKey);

private:
    friend class CurvePlot;
    void commit(const Curves& curves, const QString& description, int mergeKey);
    void updateButtons();

    Curves m_curves;
    Channel m_channel = Master;
    CurvePlot* m_plot;
    QButtonGroup* m_channels;
    QToolButton* m_resetButton;
};

} // namespace cg
