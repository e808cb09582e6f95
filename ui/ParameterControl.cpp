#include "ParameterControl.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace cg {

ParameterControl::ParameterControl(ParameterSpec spec, QWidget* parent)
    : QWidget(parent), m_spec(std::move(spec)), m_value(m_spec.neutral)
{
    setObjectName(m_spec.key + QStringLiteral("Control"));

    m_label = new QLabel(m_spec.label, this);
    m_label->setObjectName(m_spec.key + QStringLiteral("Label"));
    m_label->setMinimumWidth(78);
    m_label->setToolTip(m_spec.toolTip);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(m_spec.key + QStringLiteral("Slider"));
    m_slider->setRange(0, positionForValue(m_spec.maximum));
    m_slider->setSingleStep(1);
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 20));
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_slider->setToolTip(m_spec.toolTip);
    m_slider->setAccessibleName(m_spec.label);

    m_spin = new QDoubleSpinBox(this);
    m_spin->setObjectName(m_spec.key + QStringLiteral("SpinBox"));
    m_spin->setRange(m_spec.minimum, m_spec.maximum);
    m_spin->setDecimals(m_spec.decimals);
    m_spin->setSingleStep(m_spec.step);
    m_spin->setSuffix(m_spec.suffix);
    m_spin->setKeyboardTracking(false); // one edit per committed number, not one per keystroke
    m_spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_spin->setAlignment(Qt::AlignRight);
    m_spin->setFixedWidth(68);
    m_spin->setFocusPolicy(Qt::StrongFocus);
    m_spin->setAccessibleName(m_spec.label);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 1, 0, 1);
    layout->setSpacing(8);
    layout->addWidget(m_label);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);

    m_label->installEventFilter(this);
    m_slider->installEventFilter(this);
    m_spin->installEventFilter(this);

    connect(m_slider, &QSlider::valueChanged, this, &ParameterControl::onSliderMoved);
    connect(m_slider, &QSlider::sliderPressed, this, &ParameterControl::gestureStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ParameterControl::gestureFinished);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParameterControl::onSpinChanged);

    setValue(m_spec.neutral);
}

double ParameterControl::valueForPosition(int position) const
{
    const double scale = std::pow(10.0, m_spec.decimals);
    return std::round((m_spec.minimum + position * m_spec.step) * scale) / scale;
}

int ParameterControl::positionForValue(double value) const
{
    return int(std::lround((value - m_spec.minimum) / m_spec.step));
}

void ParameterControl::setValue(double value)
{
    m_value = value;
    const QSignalBlocker blockSlider(m_slider);
    const QSignalBlocker blockSpin(m_spin);
    m_slider->setValue(positionForValue(value));
    m_spin->setValue(value);
    // A small mark of "not neutral", so a changed control stands out in a long panel.
    QFont f = m_label->font();
    f.setBold(std::abs(value - m_spec.neutral) > m_spec.step / 2);
    m_label->setFont(f);
}

void ParameterControl::onSliderMoved(int position)
{
    const double v = valueForPosition(position);
    if (v == m_value)
        return;
    m_value = v;
    {
        const QSignalBlocker block(m_spin);
        m_spin->setValue(v);
    }
    emit edited(v, m_slider->isSliderDown());
}

void ParameterControl::onSpinChanged(double value)
{
    if (value == m_value)
        return;
    m_value = value;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(positionForValue(value));
    }
    emit edited(value, false);
}

bool ParameterControl::eventFilter(QObject* watched, QEvent* event)
{
    // A focused slider keeps its own keys (arrows, Home/End, Page Up/Down) instead of letting the
    // window's transport shortcuts take them.
    if (event->type() == QEvent::ShortcutOverride && watched == m_slider) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            if (key->modifiers() == Qt::NoModifier) {
                event->accept();
                return true;
            }
            break;
        default:
            break;
        }
    }
    if (event->type() == QEvent::MouseButtonDblClick && (watched == m_label || watched == m_slider)) {
        emit resetRequested();
        return true;
    }
    // A wheel over an unfocused control scrolls the panel instead of silently changing the grade.
    if (event->type() == QEvent::Wheel && (watched == m_slider || watched == m_spin) &&
        !static_cast<QWidget*>(watched)->hasFocus()) {
        // Sent to this control, which ignores wheels, so QApplication passes it on up to the scroll
        // area.
        QCoreApplication::sendEvent(this, event);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cg
