#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cg {

ShortcutsDialog::ShortcutsDialog(const QList<QMenu*>& menus, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 560);

    auto* tree = new QTreeWidget(this);
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    for (QMenu* menu : menus) {
        QList<QTreeWidgetItem*> rows;
        for (QAction* action : menu->actions()) {
            const QList<QKeySequence> keys = action->shortcuts();
            if (keys.isEmpty())
                continue;
            QStringList texts;
            for (const QKeySequence& key : keys)
                texts << key.toString(QKeySequence::NativeText);
            rows << new QTreeWidgetItem({action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                         texts.join(QStringLiteral(", "))});
        }
        if (rows.isEmpty())
            continue;
        auto* header = new QTreeWidgetItem(tree, {menu->title().remove(QLatin1Char('&'))});
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        header->setFirstColumnSpanned(true);
        tree->addTopLevelItems(rows);
    }

    auto* mouse = new QTreeWidgetItem(tree, {tr("Mouse")});
    QFont bold = mouse->font(0);
    bold.setBold(true);
    mouse->setFont(0, bold);
    mouse->setFirstColumnSpanned(true);
    tree->addTopLevelItem(new QTreeWidgetItem({tr("Reset one control"), tr("Double-click its name or slider")}));
    tree->addTopLevelItem(new QTreeWidgetItem({tr("Move the wipe (split view)"), tr("Drag in the picture")}));
    tree->addTopLevelItem(new QTreeWidgetItem({tr("Open a file"), tr("Drop it on the window")}));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
}

} // namespace cg
