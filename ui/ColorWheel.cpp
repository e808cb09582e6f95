#include "ColorWheel.h"

#include "DarkTheme.h"

#include <QConicalGradient>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cg {
namespace {

// BT.709 luma weights and the Cb/Cr scale factors (ITU-R BT.709-6 item 3.2-3.3).
constexpr double kR = 0.2126, kG = 0.7152, kB = 0.0722;
constexpr double kCrToR = 1.5748, kCbToB = 1.8556;

/// The zero-luma RGB whose Cb/Cr is (cb, cr).
Rgb chromaRgb(double cb, double cr)
{
    const double r = kCrToR * cr;
    const double b = kCbToB * cb;
    const double g = -(kR * r + kB * b) / kG;
    return {r, g, b};
}

double luma(const Rgb& c)
{
    return kR * c.r + kG * c.g + kB * c.b;
}

/// A display colour for a direction in the Cb/Cr plane: the hue ring of the wheel.
QColor hueColor(double angle, double saturation = 1.0)
{
    const Rgb c = chromaRgb(std::cos(angle), std::sin(angle));
    const double peak = std::max({std::abs(c.r), std::abs(c.g), std::abs(c.b)});
    const auto channel = [&](double v) {
        return std::clamp(int(std::lround(255 * (0.5 + 0.5 * saturation * v / peak))), 0, 255);
    };
    return QColor(channel(c.r), channel(c.g), channel(c.b));
}

} // namespace

/// The disc: paints the hue ring, the graticule and the puck; drags move the puck relatively (as a
/// trackball does), with Shift for fine moves; arrow keys nudge it.
class WheelDisc : public QWidget
{
public:
    explicit WheelDisc(ColorWheel* wheel) : QWidget(wheel), m_wheel(wheel)
    {
        setFocusPolicy(Qt::StrongFocus);
        setMinimumSize(96, 96);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setCursor(Qt::CrossCursor);
    }

    QSize sizeHint() const override { return {140, 140}; }

    QRectF discRect() const
    {
        const double side = std::min(width(), height()) - 4.0;
        return QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    }
    double radius() const { return discRect().width() / 2.0 - kRing - 2.0; }

    static constexpr double kRing = 5.0;

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF outer = discRect();
        const QPointF c = outer.center();
        // Hue ring, at the angle each colour has in the Cb/Cr plane (as on a vectorscope).
        QConicalGradient ring(c, 0);
        for (int i = 0; i <= 36; ++i) {
            const double a = 2 * M_PI * i / 36.0;
            ring.setColorAt(i / 36.0, hueColor(a, 0.85));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(ring);
        p.drawEllipse(outer);
        const double r = radius();
        QRadialGradient face(c, r + kRing);
        face.setColorAt(0.0, QColor(0x2c, 0x2c, 0x2c));
        face.setColorAt(1.0, QColor(0x1a, 0x1a, 0x1a));
        p.setBrush(face);
        p.setPen(QPen(QColor(0x0e, 0x0e, 0x0e), 1.0));
        p.drawEllipse(c, r + 1.0, r + 1.0);
        // Cross hair and a half-way circle.
        p.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.0));
        p.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()));
        p.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r));
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x3c, 0x3c, 0x3c), 1.0, Qt::DotLine));
        p.drawEllipse(c, r / 2, r / 2);

        // The puck: clamped to the rim for display; a line from the centre shows direction.
        QPointF puck = m_wheel->puck();
        const double length = std::hypot(puck.x(), puck.y());
        if (length > 1.0)
            puck /= length;
        const QPointF at(c.x() + puck.x() * r, c.y() - puck.y() * r);
        if (length > 1e-6) {
            p.setPen(QPen(QColor(0xd8, 0xd8, 0xd8, 160), 1.2));
            p.drawLine(c, at);
        }
        const QColor fill = length > 1e-6
                                ? hueColor(std::atan2(puck.y(), puck.x()), std::min(1.0, 0.3 + length))
                                : QColor(0xd0, 0xd0, 0xd0);
        p.setPen(QPen(hasFocus() ? DarkTheme::accent().lighter(140) : QColor(0xf0, 0xf0, 0xf0), 1.8));
        p.setBrush(fill);
        p.drawEllipse(at, 5.5, 5.5);
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        setFocus(Qt::MouseFocusReason);
        m_dragging = true;
        m_last = event->position();
        emit m_wheel->gestureStarted();
        event->accept();
    }
    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (!m_dragging)
            return;
        const QPointF delta = event->position() - m_last;
        m_last = event->position();
        // The puck follows the hand at half speed (a tenth with Shift): fine balance needs it.
        const double gain = (event->modifiers() & Qt::ShiftModifier ? 0.1 : 0.5) / std::max(1.0, radius());
        const QPointF puck = m_wheel->puck() + QPointF(delta.x() * gain, -delta.y() * gain);
        m_wheel->movePuck(puck, true);
        event->accept();
    }
    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton || !m_dragging)
            return;
        m_dragging = false;
        emit m_wheel->gestureFinished();
        event->accept();
    }
    void mouseDoubleClickEvent(QMouseEvent* event) override
    {
        m_dragging = false;
        Wheel w = m_wheel->wheel();
        w.rgb = m_wheel->neutral().rgb;
        emit m_wheel->resetRequested(w);
        event->accept();
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down) {
                event->accept();
                return true;
            }
        }
        return QWidget::event(event);
    }
    void keyPressEvent(QKeyEvent* event) override
    {
        const double step = event->modifiers() & Qt::ShiftModifier ? 0.005 : 0.02;
        QPointF d;
        switch (event->key()) {
        case Qt::Key_Left:
            d = {-step, 0};
            break;
        case Qt::Key_Right:
            d = {step, 0};
            break;
        case Qt::Key_Up:
            d = {0, step};
            break;
        case Qt::Key_Down:
            d = {0, -step};
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
        }
        m_wheel->movePuck(m_wheel->puck() + d, false);
    }
    void focusInEvent(QFocusEvent* e) override
    {
        update();
        QWidget::focusInEvent(e);
    }
    void focusOutEvent(QFocusEvent* e) override
    {
        update();
        QWidget::focusOutEvent(e);
    }

private:
    ColorWheel* m_wheel;
    bool m_dragging = false;
    QPointF m_last;
};

ColorWheel::ColorWheel(const QString& key, const QString& title, Kind kind, const ParameterSpec& master,
                       double balanceRange, QWidget* parent)
    : QWidget(parent), m_key(key), m_kind(kind), m_range(balanceRange), m_wheel(neutral())
{
    setObjectName(key + QStringLiteral("ColorWheel"));
    auto* titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("wheelTitle"));
    titleLabel->setAlignment(Qt::AlignCenter);
    m_reset = new QToolButton(this);
    m_reset->setObjectName(key + QStringLiteral("ResetButton"));
    m_reset->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));
    m_reset->setIconSize(QSize(12, 12));
    m_reset->setAutoRaise(true);
    m_reset->setToolTip(tr("Reset %1 (balance and master)").arg(title));
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addSpacing(18);
    header->addWidget(titleLabel, 1);
    header->addWidget(m_reset);

    m_disc = new WheelDisc(this);
    m_disc->setObjectName(key + QStringLiteral("Wheel"));
    m_disc->setToolTip(
        tr("%1 colour balance: drag to push the colour (Shift: fine), double-click to reset").arg(title));

    m_readout = new QLabel(this);
    m_readout->setObjectName(key + QStringLiteral("Readout"));
    m_readout->setAlignment(Qt::AlignCenter);
    m_readout->setTextFormat(Qt::RichText);

    m_master = new ParameterControl(master, this);
    m_master->label()->hide();
    m_master->spinBox()->setFixedWidth(56);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(3);
    layout->addLayout(header);
    layout->addWidget(m_disc, 1);
    layout->addWidget(m_readout);
    layout->addWidget(m_master);

    connect(m_master, &ParameterControl::edited, this, [this](double value, bool dragging) {
        Wheel w = m_wheel;
        w.master = value;
        m_wheel = w;
        updateReadout();
        emit edited(w, dragging);
    });
    connect(m_master, &ParameterControl::gestureStarted, this, &ColorWheel::gestureStarted);
    connect(m_master, &ParameterControl::gestureFinished, this, &ColorWheel::gestureFinished);
    connect(m_master, &ParameterControl::resetRequested, this, [this] {
        Wheel w = m_wheel;
        w.master = neutral().master;
        emit resetRequested(w);
    });
    connect(m_reset, &QToolButton::clicked, this, [this] { emit resetRequested(neutral()); });
    updateReadout();
}

Wheel ColorWheel::neutral() const
{
    return m_kind == Kind::Additive ? Wheel{0.0, {0.0, 0.0, 0.0}} : Wheel{1.0, {1.0, 1.0, 1.0}};
}

QWidget* ColorWheel::disc() const
{
    return m_disc;
}

void ColorWheel::setWheel(const Wheel& wheel)
{
    m_wheel = wheel;
    m_master->setValue(wheel.master);
    updateReadout();
    m_disc->update();
}

QPointF ColorWheel::puckForBalance(const Rgb& rgb) const
{
    const Rgb d = m_kind == Kind::Additive ? rgb : rgb - Rgb{1.0, 1.0, 1.0};
    const double y = luma(d);
    const double cb = (d.b - y) / kCbToB;
    const double cr = (d.r - y) / kCrToR;
    return {cb / m_range, cr / m_range};
}

Rgb ColorWheel::balanceForPuck(QPointF puck, const Rgb& previous) const
{
    const Rgb base = m_kind == Kind::Additive ? Rgb{0.0, 0.0, 0.0} : Rgb{1.0, 1.0, 1.0};
    // Keep what is not balance (the part equal in all channels) from the previous value.
    const double y = luma(previous - base);
    const Rgb chroma = chromaRgb(puck.x() * m_range, puck.y() * m_range);
    const auto tidy = [](double v) { return std::abs(v) < 1e-12 ? 0.0 : v; };
    const Rgb out = base + Rgb{y, y, y} + chroma;
    return {tidy(out.r - base.r) + base.r, tidy(out.g - base.g) + base.g, tidy(out.b - base.b) + base.b};
}

QPointF ColorWheel::puck() const
{
    return puckForBalance(m_wheel.rgb);
}

void ColorWheel::movePuck(QPointF puck, bool dragging)
{
    const double length = std::hypot(puck.x(), puck.y());
    if (length > 1.0)
        puck /= length;
    // Round to a fine grid so that values read back cleanly (1/2000 of the range).
    puck = QPointF(std::round(puck.x() * 2000.0) / 2000.0, std::round(puck.y() * 2000.0) / 2000.0);
    Wheel w = m_wheel;
    w.rgb = balanceForPuck(puck, m_wheel.rgb);
    if (w == m_wheel)
        return;
    m_wheel = w;
    updateReadout();
    m_disc->update();
    emit edited(w, dragging);
}

void ColorWheel::updateReadout()
{
    const Rgb effective = m_kind == Kind::Additive
                              ? Rgb{m_wheel.master, m_wheel.master, m_wheel.master} + m_wheel.rgb
                              : m_wheel.rgb * m_wheel.master;
    const int decimals = 2;
    m_readout->setText(QStringLiteral("<span style=\"color:#e06c6c\">%1</span>&nbsp;&nbsp;"
                                      "<span style=\"color:#6cd07a\">%2</span>&nbsp;&nbsp;"
                                      "<span style=\"color:#6c9ee0\">%3</span>")
                           .arg(effective.r, 0, 'f', decimals)
                           .arg(effective.g, 0, 'f', decimals)
                           .arg(effective.b, 0, 'f', decimals));
    m_reset->setEnabled(!(m_wheel == neutral()));
}

} // namespace cg
