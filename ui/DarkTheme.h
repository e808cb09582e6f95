#pragma once

#include <QColor>

class QApplication;

namespace cg {

/// The grading look of the application: neutral greys only (R = G = B), so that no tinted chrome
/// around the picture shifts how its colours are judged (the reason ITU-R BT.2035 / SMPTE RP 166 ask
/// for a neutral, dim surround), with one muted accent for selection.
namespace DarkTheme {

void apply(QApplication& app);

QColor viewerBackground(); ///< the surround of the picture
QColor panelBackground();  ///< docks and window
QColor scopeBackground();  ///< plot areas of the scopes
QColor graticule();        ///< scope grid lines
QColor text();
QColor dimText();
QColor accent();

} // namespace DarkTheme
} // namespace cg
