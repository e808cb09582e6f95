#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cg {
namespace {

QTreeWidgetItem* addSection(QTreeWidget* tree, const QString& title)
{
    auto* header = new QTreeWidgetItem(tree, {title});
    QFont bold = header->font(0);
    bold.setBold(true);
    header->setFont(0, bold);
    header->setFirstColumnSpanned(true);
    return header;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QMenu*>& menus, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 560);

    auto* tree = new QTreeWidget(this);
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree->setRootIsDecorated(false);
    tree->setIndentation(16);
    tree->setItemsExpandable(false);
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
        addSection(tree, menu->title().remove(QLatin1Char('&')))->addChildren(rows);
    }
    addSection(tree, tr("Mouse"))
        ->addChildren(
            {new QTreeWidgetItem({tr("Reset one control"), tr("Double-click its name or slider")}),
             new QTreeWidgetItem({tr("Push a colour balance"), tr("Drag in a colour wheel (Shift: fine)")}),
             new QTreeWidgetItem({tr("Reset a colour balance"), tr("Double-click the wheel")}),
             new QTreeWidgetItem({tr("Add a curve point"), tr("Click on the curve")}),
             new QTreeWidgetItem({tr("Remove a curve point"), tr("Right-click it, drag it off, or Delete")}),
             new QTreeWidgetItem({tr("Reset a curve"), tr("Double-click the curve editor")}),
             new QTreeWidgetItem({tr("Move the wipe (split view)"), tr("Drag in the picture")}),
             new QTreeWidgetItem({tr("Zoom the picture"), tr("Mouse wheel over the picture")}),
             new QTreeWidgetItem({tr("Pan the picture"), tr("Drag with the middle button")}),
             new QTreeWidgetItem({tr("Scrub"), tr("Click or drag in the ruler under the picture")}),
             new QTreeWidgetItem(
                 {tr("Paste a grade onto several clips"), tr("Ctrl-click the clips, then Ctrl+V")}),
             new QTreeWidgetItem({tr("Import clips"), tr("Drop them on the window")})});
    tree->expandAll();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
}

} // namespace cg
