#pragma once

#include <QDialog>
#include <QList>

class QMenu;

namespace cg {

/// Help ▸ Keyboard Shortcuts: every menu action that has a shortcut, read from the actions
/// themselves (so the list cannot drift from the real bindings), plus the mouse gestures.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QMenu*>& menus, QWidget* parent = nullptr);
};

} // namespace cg
