#pragma once

#include "Rgb.h"
#include "ScopeView.h"

#include <QImage>

namespace cg {

/// Vectorscope: the picture's BT.709 Cb/Cr distribution, each point drawn in the hue it stands for,
/// over a graticule with the targets of 75 % and 100 % colour bars (R, Mg, B, Cy, G, Yl), the
/// 75 % circle and the skin-tone line (the I axis at 123°, where skin of every complexion falls).
class VectorScope : public ScopeView
{
    Q_OBJECT
public:
    explicit VectorScope(QWidget* parent = nullptr);

    void setScopeData(const ScopeData& data) override;
    void clearData() override;
    const QImage& trace() const { return m_trace; }

    /// Where a colour lands on the plane: (Cb, Cr), BT.709.
    static QPointF chroma(const Rgb& colour);
    /// The skin-tone line's angle from the +Cb axis, degrees (the I axis of NTSC YIQ).
    static constexpr double kSkinToneDegrees = 123.0;

    QSize sizeHint() const override { return {260, 260}; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void keepSquare();

    QCPItemPixmap* m_pixmap;
    QImage m_trace;
};

} // namespace cg
