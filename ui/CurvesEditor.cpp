#include "CurvesEditor.h"

#include "DarkTheme.h"
#include "GradeCommand.h"
#include "MonotoneCurve.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cg {
namespace {

constexpr double kPickRadius = 8.0; ///< how near a point a press grabs it, in pixels
constexpr double kMinGap = 0.01;    ///< points keep this far apart in x, so the spline stays a function
constexpr double kTearOff = 28.0;   ///< dragging a point this far outside the plot removes it

QColor channelColor(int channel)
{
    switch (channel) {
    case CurvesEditor::Red:
        return QColor(0xe0, 0x5a, 0x5a);
    case CurvesEditor::Green:
        return QColor(0x5a, 0xc8, 0x6a);
    case CurvesEditor::Blue:
        return QColor(0x5a, 0x8c, 0xe6);
    default:
        return QColor(0xe0, 0xe0, 0xe0);
    }
}

/// The identity written as its two end points, the form an edit starts from.
std::vector<CurvePoint> editable(const std::vector<CurvePoint>& points)
{
    if (points.empty())
        return {{0.0, 0.0}, {1.0, 1.0}};
    return points;
}

/// Back to the canonical empty list when the curve is the identity again.
void normalise(std::vector<CurvePoint>& points)
{
    if (points.size() == 2 && points[0] == CurvePoint{0.0, 0.0} && points[1] == CurvePoint{1.0, 1.0})
        points.clear();
}

double round4(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

} // namespace

/// The plot: grid, the curves of the other channels dimmed, the selected channel's curve and points.
class CurvePlot : public QWidget
{
public:
    explicit CurvePlot(CurvesEditor* editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(QStringLiteral("curvePlot"));
        setFocusPolicy(Qt::StrongFocus);
        setMinimumSize(160, 160);
        setMouseTracking(true);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    QSize sizeHint() const override { return {260, 260}; }

    QRectF area() const
    {
        const double side = std::min(width(), height()) - 16.0;
        return QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    }
    QPointF toWidget(QPointF v) const
    {
        const QRectF a = area();
        return {a.left() + v.x() * a.width(), a.bottom() - v.y() * a.height()};
    }
    QPointF toValue(QPointF w) const
    {
        const QRectF a = area();
        return {(w.x() - a.left()) / a.width(), (a.bottom() - w.y()) / a.height()};
    }

    int selected() const { return m_selected; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), DarkTheme::panelBackground());
        const QRectF a = area();
        p.fillRect(a, DarkTheme::scopeBackground());
        p.setPen(QPen(DarkTheme::graticule(), 1));
        for (int i = 1; i < 4; ++i) {
            const double x = a.left() + a.width() * i / 4.0;
            const double y = a.top() + a.height() * i / 4.0;
            p.drawLine(QPointF(x, a.top()), QPointF(x, a.bottom()));
            p.drawLine(QPointF(a.left(), y), QPointF(a.right(), y));
        }
        p.setPen(QPen(QColor(0x50, 0x50, 0x50), 1, Qt::DashLine));
        p.drawLine(a.bottomLeft(), a.topRight());
        p.setRenderHint(QPainter::Antialiasing);

        const Curves& curves = m_editor->curves();
        const auto drawCurve = [&](int channel, const QColor& color, double width) {
            const MonotoneCurve curve(CurvesEditor::points(curves, CurvesEditor::Channel(channel)));
            QPainterPath path;
            const int steps = std::max(64, int(a.width()));
            for (int i = 0; i <= steps; ++i) {
                const double x = double(i) / steps;
                const double y = std::clamp(curve(x), -0.02, 1.02);
                const QPointF w = toWidget({x, y});
                if (i == 0)
                    path.moveTo(w);
                else
                    path.lineTo(w);
            }
            p.setPen(QPen(color, width));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        };
        p.save();
        p.setClipRect(a.adjusted(-2, -2, 2, 2));
        for (int c = 0; c < 4; ++c) {
            if (c == m_editor->channel() || CurvesEditor::points(curves, CurvesEditor::Channel(c)).empty())
                continue;
            QColor dim = channelColor(c);
            dim.setAlpha(90);
            drawCurve(c, dim, 1.0);
        }
        drawCurve(m_editor->channel(), channelColor(m_editor->channel()), 1.6);
        p.restore();

        const std::vector<CurvePoint>& points = CurvesEditor::points(curves, m_editor->channel());
        for (int i = 0; i < int(points.size()); ++i) {
            const QPointF w = toWidget({points[size_t(i)].x, points[size_t(i)].y});
            const bool selected = i == m_selected;
            p.setPen(QPen(selected ? Qt::white : channelColor(m_editor->channel()), 1.5));
            p.setBrush(selected ? channelColor(m_editor->channel()) : DarkTheme::scopeBackground());
            p.drawEllipse(w, selected ? 5.0 : 4.0, selected ? 5.0 : 4.0);
        }
    }

    int pick(QPointF w) const
    {
        const std::vector<CurvePoint>& points = CurvesEditor::points(m_editor->curves(), m_editor->channel());
        int best = -1;
        double bestDistance = kPickRadius;
        for (int i = 0; i < int(points.size()); ++i) {
            const QPointF p = toWidget({points[size_t(i)].x, points[size_t(i)].y});
            const double d = std::hypot(p.x() - w.x(), p.y() - w.y());
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        setFocus(Qt::MouseFocusReason);
        const QPointF w = event->position();
        Curves curves = m_editor->curves();
        std::vector<CurvePoint>& points = CurvesEditor::points(curves, m_editor->channel());
        const int hit = pick(w);
        if (event->button() == Qt::RightButton) {
            if (hit >= 0)
                removePoint(hit);
            return;
        }
        if (event->button() != Qt::LeftButton)
            return;
        m_gesture = GradeCommand::newMergeKey();
        if (hit >= 0) {
            m_selected = hit;
            m_dragging = true;
            update();
            return;
        }
        // A new point on the curve where the click is (its x), so adding it changes nothing until
        // it is dragged; a click far from the curve puts it where the click is.
        const QPointF v = toValue(w);
        if (v.x() <= kMinGap || v.x() >= 1.0 - kMinGap)
            return;
        points = editable(points);
        for (const CurvePoint& p : points)
            if (std::abs(p.x - v.x()) < kMinGap)
                return;
        const MonotoneCurve curve(points);
        const double onCurve = curve(v.x());
        const double y = std::abs(toWidget({v.x(), onCurve}).y() - w.y()) <= kPickRadius ? onCurve : v.y();
        CurvePoint added{round4(v.x()), round4(std::clamp(y, 0.0, 1.0))};
        const auto at = std::lower_bound(points.begin(), points.end(), added,
                                         [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
        m_selected = int(at - points.begin());
        points.insert(at, added);
        m_dragging = true;
        m_editor->commit(curves, CurvesEditor::tr("Add curve point"), m_gesture);
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        const QPointF w = event->position();
        if (!m_dragging) {
            setCursor(pick(w) >= 0 ? Qt::PointingHandCursor : Qt::CrossCursor);
            return;
        }
        Curves curves = m_editor->curves();
        std::vector<CurvePoint> points = editable(CurvesEditor::points(curves, m_editor->channel()));
        if (m_selected < 0 || m_selected >= int(points.size()))
            return;
        const bool endPoint = m_selected == 0 || m_selected == int(points.size()) - 1;
        const QRectF a = area();
        if (!endPoint && !a.adjusted(-kTearOff, -kTearOff, kTearOff, kTearOff).contains(w)) {
            // Dragged off the plot: the point goes, as in most grading tools.
            m_dragging = false;
            removePoint(m_selected);
            return;
        }
        const QPointF v = toValue(w);
        CurvePoint& p = points[size_t(m_selected)];
        if (!endPoint) {
            const double lo = points[size_t(m_selected) - 1].x + kMinGap;
            const double hi = points[size_t(m_selected) + 1].x - kMinGap;
            p.x = round4(std::clamp(v.x(), lo, hi));
        }
        p.y = round4(std::clamp(v.y(), 0.0, 1.0));
        normalise(points);
        CurvesEditor::points(curves, m_editor->channel()) = points;
        m_editor->commit(curves, CurvesEditor::tr("Move curve point"), m_gesture);
    }

    void mouseReleaseEvent(QMouseEvent*) override { m_dragging = false; }

    void mouseDoubleClickEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        m_dragging = false;
        Curves curves = m_editor->curves();
        CurvesEditor::points(curves, m_editor->channel()).clear();
        m_selected = -1;
        m_editor->commit(curves, CurvesEditor::tr("Reset curve"), -1);
    }

    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && m_selected >= 0) {
                event->accept();
                return true;
            }
        }
        return QWidget::event(event);
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_selected >= 0) {
            removePoint(m_selected);
            return;
        }
        QWidget::keyPressEvent(event);
    }

public:
    void removePoint(int index)
    {
        Curves curves = m_editor->curves();
        std::vector<CurvePoint> points = editable(CurvesEditor::points(curves, m_editor->channel()));
        if (index <= 0 || index >= int(points.size()) - 1)
            return; // the end points stay
        points.erase(points.begin() + index);
        normalise(points);
        CurvesEditor::points(curves, m_editor->channel()) = points;
        m_selected = -1;
        m_editor->commit(curves, CurvesEditor::tr("Delete curve point"), -1);
    }

    void resetSelection()
    {
        m_selected = -1;
        m_dragging = false;
    }

private:
    CurvesEditor* m_editor;
    int m_selected = -1;
    bool m_dragging = false;
    int m_gesture = -1;
};

CurvesEditor::CurvesEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("curvesEditor"));
    m_plot = new CurvePlot(this);
    m_channels = new QButtonGroup(this);
    m_channels->setExclusive(true);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    const struct
    {
        Channel channel;
        QString text;
        QString tip;
        const char* name;
    } specs[] = {{Master, tr("Y"), tr("Master curve (all channels)"), "curveMasterButton"},
                 {Red, tr("R"), tr("Red curve"), "curveRedButton"},
                 {Green, tr("G"), tr("Green curve"), "curveGreenButton"},
                 {Blue, tr("B"), tr("Blue curve"), "curveBlueButton"}};
    for (const auto& spec : specs) {
        auto* button = new QToolButton(this);
        button->setObjectName(QString::fromLatin1(spec.name));
        button->setText(spec.text);
        button->setToolTip(spec.tip);
        button->setCheckable(true);
        button->setFixedSize(28, 22);
        const QColor color = channelColor(spec.channel);
        button->setStyleSheet(QStringLiteral("QToolButton { color: %1; font-weight: 600; }"
                                             "QToolButton:checked { background: #454545; border-color: %1; }")
                                  .arg(color.name()));
        m_channels->addButton(button, spec.channel);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_resetButton = new QToolButton(this);
    m_resetButton->setObjectName(QStringLiteral("curveResetButton"));
    m_resetButton->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));
    m_resetButton->setToolTip(tr("Reset all curves"));
    m_resetButton->setAutoRaise(true);
    buttons->addWidget(m_resetButton);
    m_channels->button(Master)->setChecked(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(buttons);
    layout->addWidget(m_plot, 1);

    connect(m_channels, &QButtonGroup::idClicked, this, [this](int id) { setChannel(Channel(id)); });
    connect(m_resetButton, &QToolButton::clicked, this, [this] {
        m_plot->resetSelection();
        commit(Curves{}, tr("Reset curves"), -1);
    });
    updateButtons();
}

QWidget* CurvesEditor::plot() const
{
    return m_plot;
}

QPointF CurvesEditor::toWidget(QPointF value) const
{
    return m_plot->toWidget(value);
}

QPointF CurvesEditor::toValue(QPointF widgetPoint) const
{
    return m_plot->toValue(widgetPoint);
}

std::vector<CurvePoint>& CurvesEditor::points(Curves& curves, Channel channel)
{
    switch (channel) {
    case Red:
        return curves.red;
    case Green:
        return curves.green;
    case Blue:
        return curves.blue;
    default:
        return curves.master;
    }
}

const std::vector<CurvePoint>& CurvesEditor::points(const Curves& curves, Channel channel)
{
    return points(const_cast<Curves&>(curves), channel);
}

void CurvesEditor::setCurves(const Curves& curves)
{
    if (curves == m_curves)
        return;
    m_curves = curves;
    if (m_plot->selected() >= int(points(m_curves, m_channel).size()))
        m_plot->resetSelection();
    updateButtons();
    m_plot->update();
}

void CurvesEditor::setChannel(Channel channel)
{
    m_channel = channel;
    m_channels->button(channel)->setChecked(true);
    m_plot->resetSelection();
    m_plot->update();
}

void CurvesEditor::commit(const Curves& curves, const QString& description, int mergeKey)
{
    if (curves == m_curves)
        return;
    m_curves = curves;
    updateButtons();
    m_plot->update();
    emit curvesEdited(curves, description, mergeKey);
}

void CurvesEditor::updateButtons()
{
    for (int c = 0; c < 4; ++c) {
        auto* button = m_channels->button(c);
        QFont f = button->font();
        f.setUnderline(!points(m_curves, Channel(c)).empty());
        button->setFont(f);
    }
    m_resetButton->setEnabled(!m_curves.isIdentity());
}

} // namespace cg
