#pragma once

#include "Grade.h"
#include "ParameterControl.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace cg {

class WheelDisc;

/// One primary colour wheel as on a grading panel: a disc whose puck sets the colour balance, a
/// master control below it and a read-out of the resulting per-channel values.
///
/// The puck lives in the BT.709 Cb/Cr plane, oriented like a vectorscope (red up-left, blue right),
/// so pushing the puck towards a colour adds that colour. Its position maps to a balance with zero
/// luma: Cr -> R = 1.5748 Cr, Cb -> B = 1.8556 Cb, G from the luma weights (BT.709: Y = 0.2126 R +
/// 0.7152 G + 0.0722 B = 0). Lift and offset add the balance (`master + rgb`), gamma and gain multiply
/// (`master * rgb`, rgb = 1 + balance). Any part of the rgb that is not balance (equal in all
/// channels) is kept as it is, so values imported from a CDL survive a drag of the puck.
class ColorWheel : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Additive,
        Multiplicative
    };

    /// `balanceRange`: the largest Cb/Cr amplitude (puck at the rim).
    ColorWheel(const QString& key, const QString& title, Kind kind, const ParameterSpec& master,
               double balanceRange, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    Kind kind() const { return m_kind; }
    /// Show a wheel from the model (no signals).
    void setWheel(const Wheel& wheel);
    const Wheel& wheel() const { return m_wheel; }
    /// The neutral wheel of this kind.
    Wheel neutral() const;

    ParameterControl* masterControl() const { return m_master; }
    /// The painted disc (object name "<key>Wheel"): drag in it to move the puck.
    QWidget* disc() const;
    /// The puck in the unit disc (x = Cb, y = Cr, up is positive).
    QPointF puck() const;

    /// Puck position (unit disc) <-> the balance of a wheel with this kind and range.
    Rgb balanceForPuck(QPointF puck, const Rgb& previous) const;
    QPointF puckForBalance(const Rgb& rgb) const;

signals:
    /// The user changed the wheel; `dragging` while the puck or the master is held.
    void edited(const cg::Wheel& wheel, bool dragging);
    void gestureStarted();
    void gestureFinished();
    /// The user asked for a reset (double-click on the disc: balance; reset button: everything).
    void resetRequested(const cg::Wheel& wheel);

private:
    friend class WheelDisc;
    void movePuck(QPointF puck, bool dragging);
    void updateReadout();

    QString m_key;
    Kind m_kind;
    double m_range;
    Wheel m_wheel;
    WheelDisc* m_disc;
    ParameterControl* m_master;
    QLabel* m_readout;
    QToolButton* m_reset;
};

} // namespace cg
