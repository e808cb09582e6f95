#include "TimelinePanel.h"

#include "DarkTheme.h"
#include "ProjectSession.h"
#include "ThumbnailLoader.h"
#include "Timecode.h"

#include <QGuiApplication>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace cg {
namespace {

enum Role
{
    NumberRole = Qt::UserRole + 1,
    DurationRole,
    ErrorRole,
    CurrentRole,
    GradedRole,
    ThumbnailRole,
};

constexpr int kThumbWidth = 128;
constexpr int kThumbHeight = 72;
constexpr int kTileWidth = kThumbWidth + 12;
constexpr int kTileHeight = kThumbHeight + 38;

/// Paints one clip tile: thumbnail, number, name and duration; the current clip outlined in the
/// accent colour, selected clips lighter, offline clips marked in red.
class ClipDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        return {kTileWidth, kTileHeight};
    }

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRect tile = option.rect.adjusted(2, 2, -2, -2);
        const bool selected = option.state & QStyle::State_Selected;
        const bool current = index.data(CurrentRole).toBool();
        p->setPen(Qt::NoPen);
        p->setBrush(selected ? QColor(0x3a, 0x3a, 0x3a) : QColor(0x26, 0x26, 0x26));
        p->drawRoundedRect(tile, 4, 4);

        const QRect thumb(tile.left() + (tile.width() - kThumbWidth) / 2, tile.top() + 4, kThumbWidth,
                          kThumbHeight);
        p->fillRect(thumb, QColor(0x12, 0x12, 0x12));
        const QString error = index.data(ErrorRole).toString();
        const QImage image = index.data(ThumbnailRole).value<QImage>();
        if (!error.isEmpty()) {
            p->fillRect(thumb, QColor(0x5a, 0x22, 0x22));
            p->setPen(QColor(0xf0, 0xc0, 0xb8));
            p->drawText(thumb, Qt::AlignCenter, TimelinePanel::tr("Media offline"));
        } else if (!image.isNull()) {
            const QSize fitted = image.size().scaled(thumb.size(), Qt::KeepAspectRatio);
            const QRect at(thumb.left() + (thumb.width() - fitted.width()) / 2,
                           thumb.top() + (thumb.height() - fitted.height()) / 2, fitted.width(),
                           fitted.height());
            p->setRenderHint(QPainter::SmoothPixmapTransform);
            p->drawImage(at, image);
        } else {
            p->setPen(DarkTheme::dimText());
            // The thumbnail worker is probing the file (frame count) and decoding its first frame.
            p->drawText(thumb, Qt::AlignCenter, TimelinePanel::tr("Probing…"));
        }
        if (current) {
            p->setPen(QPen(QColor(0xe0, 0x8a, 0x3a), 2));
            p->setBrush(Qt::NoBrush);
            p->drawRect(thumb.adjusted(-1, -1, 1, 1));
        }
        // Number badge, and a dot on graded clips.
        const QString number =
            QStringLiteral("%1").arg(index.data(NumberRole).toInt(), 2, 10, QLatin1Char('0'));
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        p->setFont(font);
        const QFontMetrics fm(font);
        const QRect badge(thumb.left() + 3, thumb.top() + 3, fm.horizontalAdvance(number) + 8,
                          fm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0, 0, 0, 160));
        p->drawRoundedRect(badge, 3, 3);
        p->setPen(QColor(0xe8, 0xe8, 0xe8));
        p->drawText(badge, Qt::AlignCenter, number);
        if (index.data(GradedRole).toBool()) {
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0xe0, 0x8a, 0x3a));
            p->drawEllipse(QPointF(thumb.right() - 7, thumb.top() + 8), 3.5, 3.5);
        }
        const QRect text(tile.left() + 6, thumb.bottom() + 4, tile.width() - 12,
                         tile.bottom() - thumb.bottom() - 4);
        p->setPen(current ? QColor(0xf0, 0xf0, 0xf0) : DarkTheme::text());
        p->drawText(text, Qt::AlignLeft | Qt::AlignTop,
                    fm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, text.width()));
        p->setPen(DarkTheme::dimText());
        p->drawText(text, Qt::AlignLeft | Qt::AlignBottom, index.data(DurationRole).toString());
        p->restore();
    }
};

} // namespace

TimelinePanel::TimelinePanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_thumbnails(new ThumbnailLoader(this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("clipList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(false);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_list->setItemDelegate(new ClipDelegate(m_list));
    m_list->setFixedHeight(kTileHeight + 20);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setFocusPolicy(Qt::ClickFocus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(3);
    layout->addWidget(m_list);

    connect(m_list, &QListWidget::itemPressed, this, [this](QListWidgetItem* item) {
        if (QGuiApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier))
            return; // extending the selection, not changing the graded clip
        emit clipActivated(m_list->row(item));
    });
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (QListWidgetItem* item = m_list->itemAt(at); item && !item->isSelected()) {
            m_list->clearSelection();
            item->setSelected(true);
        }
        if (m_contextActions.isEmpty())
            return;
        QMenu menu(this);
        menu.addActions(m_contextActions);
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
    connect(m_session, &ProjectSession::clipsChanged, this, &TimelinePanel::rebuild);
    connect(m_session, &ProjectSession::clipChanged, this, &TimelinePanel::markCurrent);
    connect(m_session, &ProjectSession::clipGradeChanged, this, &TimelinePanel::refreshThumbnail);
    connect(m_thumbnails, &ThumbnailLoader::ready, this,
            [this](int key, const QImage& image, qint64 frames, double fps, const QString& error) {
                QListWidgetItem* item = m_list->item(key);
                if (!item)
                    return;
                item->setData(ThumbnailRole, image);
                item->setData(ErrorRole, error);
                item->setData(DurationRole, !error.isEmpty() ? QString()
                                            : frames > 1     ? Timecode::fromFrame(frames, fps)
                                                             : tr("Still"));
                item->setToolTip(error.isEmpty() ? m_session->clip(key).mediaPath : error);
            });
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        const QSet<int> stale = std::exchange(m_stale, {});
        for (int index : stale)
            requestThumbnail(index);
    });
    rebuild();
}

void TimelinePanel::setContextActions(const QList<QAction*>& actions)
{
    m_contextActions = actions;
}

bool TimelinePanel::isBusy() const
{
    return m_thumbnails->isBusy() || m_refresh.isActive();
}

QList<int> TimelinePanel::selectedClips() const
{
    QList<int> rows;
    for (QListWidgetItem* item : m_list->selectedItems())
        rows << m_list->row(item);
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && m_session->hasClip())
        rows << m_session->currentClipIndex();
    return rows;
}

void TimelinePanel::selectClips(const QList<int>& clips)
{
    m_list->clearSelection();
    for (int row : clips)
        if (QListWidgetItem* item = m_list->item(row))
            item->setSelected(true);
}

void TimelinePanel::rebuild()
{
    m_thumbnails->reset();
    const QSignalBlocker block(m_list);
    const int count = m_session->clipCount();
    while (m_list->count() > count)
        delete m_list->takeItem(m_list->count() - 1);
    while (m_list->count() < count)
        m_list->addItem(new QListWidgetItem);
    for (int i = 0; i < count; ++i) {
        QListWidgetItem* item = m_list->item(i);
        const Clip& clip = m_session->clip(i);
        const bool changedMedia = item->data(Qt::UserRole).toString() != clip.mediaPath;
        item->setData(Qt::UserRole, clip.mediaPath);
        item->setData(Qt::DisplayRole, clip.name);
        item->setData(NumberRole, i + 1);
        item->setData(GradedRole, !clip.grade.isIdentity());
        if (changedMedia) {
            item->setData(ThumbnailRole, QImage());
            item->setData(ErrorRole, QString());
            item->setData(DurationRole, QString());
        }
        requestThumbnail(i);
    }
    m_stale.clear();
    markCurrent();
}

void TimelinePanel::refreshThumbnail(int index)
{
    QListWidgetItem* item = m_list->item(index);
    if (!item || index >= m_session->clipCount())
        return;
    item->setData(GradedRole, !m_session->clip(index).grade.isIdentity());
    m_stale.insert(index);
    m_refresh.start();
}

void TimelinePanel::requestThumbnail(int index)
{
    if (index < 0 || index >= m_session->clipCount())
        return;
    const Clip& clip = m_session->clip(index);
    m_thumbnails->request(index, clip.mediaPath, std::max<qint64>(0, clip.inFrame), clip.grade,
                          m_session->pipelineOptions(index));
}

void TimelinePanel::markCurrent()
{
    const int current = m_session->currentClipIndex();
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setData(CurrentRole, i == current);
    if (QListWidgetItem* item = m_list->item(current)) {
        if (!item->isSelected()) {
            const QSignalBlocker block(m_list);
            m_list->clearSelection();
            item->setSelected(true);
        }
        m_list->scrollToItem(item);
    }
}

} // namespace cg
