#pragma once

#include <QString>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace cg {

/// What one numeric grade control edits: its range, resolution and neutral value.
struct ParameterSpec
{
    QString key;     ///< stable identifier, also the widgets' object-name prefix ("exposure")
    QString label;   ///< translated, shown left of the slider
    QString toolTip; ///< translated
    double minimum = 0.0;
    double maximum = 1.0;
    double step = 0.01; ///< one slider position; also the spin box step
    double neutral = 0.0;
    int decimals = 2;
    QString suffix;
};

/// A labelled slider with a spin box, the two kept in step. It reports only what the user does
/// (`edited`), never values set from the model, so undo/redo cannot echo back as new edits.
/// Double-clicking the label or the slider asks for a reset to the neutral value.
class ParameterControl : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterControl(ParameterSpec spec, QWidget* parent = nullptr);

    const ParameterSpec& spec() const { return m_spec; }
    double value() const { return m_value; }
    /// Show a value coming from the model (no signal).
    void setValue(double value);

    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spin; }
    QLabel* label() const { return m_label; }

    /// Slider position <-> value, rounded to the control's decimals.
    double valueForPosition(int position) const;
    int positionForValue(double value) const;

signals:
    /// The user changed the value; `dragging` while the slider handle is held.
    void edited(double value, bool dragging);
    void gestureStarted();
    void gestureFinished();
    void resetRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onSliderMoved(int position);
    void onSpinChanged(double value);

    ParameterSpec m_spec;
    double m_value;
    QLabel* m_label;
    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
};

} // namespace cg
