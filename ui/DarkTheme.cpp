#include "DarkTheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace cg::DarkTheme {

QColor viewerBackground()
{
    return QColor(0x1c, 0x1c, 0x1c);
}
QColor panelBackground()
{
    return QColor(0x2a, 0x2a, 0x2a);
}
QColor scopeBackground()
{
    return QColor(0x12, 0x12, 0x12);
}
QColor graticule()
{
    return QColor(0x80, 0x80, 0x80, 0x50);
}
QColor text()
{
    return QColor(0xd4, 0xd4, 0xd4);
}
QColor dimText()
{
    return QColor(0x8c, 0x8c, 0x8c);
}
QColor accent()
{
    return QColor(0x4f, 0x7c, 0xac);
}

void apply(QApplication& app)
{
    // Fusion draws everything from the palette, so the look is the same on every desktop.
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette p;
    const QColor window = panelBackground();
    const QColor base(0x1f, 0x1f, 0x1f);
    const QColor button(0x36, 0x36, 0x36);
    const QColor disabledText(0x66, 0x66, 0x66);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text());
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text());
    p.setColor(QPalette::PlaceholderText, dimText());
    p.setColor(QPalette::Text, text());
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text());
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x48, 0x48, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x0e));
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7f, 0xa7, 0xd6));
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x44, 0x44));
    app.setPalette(p);

    // Only what the palette cannot say: slim sliders (no fill: most grade controls are bipolar around a
    // neutral value), flat dock titles, a quiet toolbar. Nothing here carries chroma except the accent.
    app.setStyleSheet(QStringLiteral(R"(
QMainWindow::separator { background: #1c1c1c; width: 3px; height: 3px; }
QDockWidget::title { background: #232323; padding: 5px 8px; text-align: left;
                     border-bottom: 1px solid #1a1a1a; }
QToolBar { background: #2a2a2a; border: none; border-bottom: 1px solid #1c1c1c; spacing: 2px;
           padding: 2px 6px; }
QToolBar::separator { background: #3a3a3a; width: 1px; margin: 5px 6px; }
QToolButton { border: 1px solid transparent; border-radius: 4px; padding: 4px; }
QToolButton:hover { background: #383838; border-color: #444444; }
QToolButton:pressed, QToolButton:checked { background: #404040; border-color: #505050; }
QStatusBar { background: #232323; border-top: 1px solid #1a1a1a; color: #a8a8a8; }
QStatusBar QLabel { color: #a8a8a8; padding: 0 8px; border-left: 1px solid #353535; }
QMenuBar { background: #2a2a2a; border-bottom: 1px solid #1c1c1c; }
QMenuBar::item:selected { background: #3c3c3c; }
QMenu { background: #2e2e2e; border: 1px solid #1a1a1a; }
QMenu::item { padding: 5px 28px 5px 22px; }
QMenu::item:selected { background: #4f7cac; }
QMenu::separator { height: 1px; background: #3c3c3c; margin: 4px 8px; }
QSlider::groove:horizontal { height: 4px; background: #1b1b1b; border-radius: 2px; }
QSlider::sub-page:horizontal, QSlider::add-page:horizontal { background: #1b1b1b; border-radius: 2px; }
QSlider::handle:horizontal { width: 12px; height: 12px; margin: -5px 0; border-radius: 6px;
                             background: #c8c8c8; border: 1px solid #141414; }
QSlider::handle:horizontal:hover { background: #e6e6e6; }
QSlider::handle:horizontal:focus { border: 2px solid #4f7cac; }
QDoubleSpinBox { background: #1f1f1f; border: 1px solid #3a3a3a; border-radius: 3px; padding: 1px 3px;
                 selection-background-color: #4f7cac; }
QDoubleSpinBox:focus { border-color: #4f7cac; }
QScrollArea { border: none; }
QLabel#sectionHeader { color: #8c8c8c; font-weight: 600; padding: 8px 0 2px 0;
                       border-bottom: 1px solid #383838; }
QLabel#panelTitle { color: #8c8c8c; font-weight: 600; }
QLabel#wheelTitle { color: #c4c4c4; font-weight: 600; }
QLabel#hint { color: #8c8c8c; }
QFrame#panelDivider { color: #383838; }
QLabel#timecodeLabel { color: #ececec; font-family: "DejaVu Sans Mono", monospace; font-size: 13pt;
                       padding: 0 4px; }
QLabel#frameLabel, QLabel#playbackRateLabel { color: #9a9a9a; }
QWidget#transportBar { background: #242424; border-top: 1px solid #1a1a1a; }
QListWidget#clipList { background: #1e1e1e; border: none; }
QComboBox { background: #333333; border: 1px solid #404040; border-radius: 3px; padding: 1px 6px; }
QComboBox:hover { border-color: #505050; }
QComboBox QAbstractItemView { background: #2e2e2e; selection-background-color: #4f7cac; }
QProgressBar { background: #1f1f1f; border: 1px solid #3a3a3a; border-radius: 3px; text-align: center; }
QProgressBar::chunk { background: #4f7cac; border-radius: 2px; }
QPushButton { background: #363636; border: 1px solid #464646; border-radius: 3px; padding: 3px 10px; }
QPushButton:hover { background: #3e3e3e; }
QPushButton:pressed { background: #2e2e2e; }
QPushButton:disabled { color: #666666; border-color: #3a3a3a; }
QPushButton:default { border-color: #4f7cac; }
)"));
}

} // namespace cg::DarkTheme
