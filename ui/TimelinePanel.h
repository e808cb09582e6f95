#pragma once

#include <QList>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QAction;
class QListWidget;

namespace cg {

class ProjectSession;
class ThumbnailLoader;

/// The clips of the project as a strip of graded thumbnails (made off the GUI thread), the clip
/// being graded outlined, graded clips marked. Clicking a thumbnail grades that clip; several can be
/// selected for pasting a grade.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(ProjectSession* session, QWidget* parent = nullptr);

    /// Actions of the thumbnails' context menu (copy/paste/reset grade, relink, remove).
    void setContextActions(const QList<QAction*>& actions);
    /// Clips selected in the strip (at least the current one when there is one).
    QList<int> selectedClips() const;
    void selectClips(const QList<int>& clips);

    QListWidget* clipList() const { return m_list; }
    ThumbnailLoader* thumbnails() const { return m_thumbnails; }
    /// Thumbnails still being made.
    bool isBusy() const;

signals:
    /// The user picked a clip to grade.
    void clipActivated(int index);

private:
    void rebuild();
    void refreshThumbnail(int index);
    void requestThumbnail(int index);
    void markCurrent();

    ProjectSession* m_session;
    QListWidget* m_list;
    ThumbnailLoader* m_thumbnails;
    QList<QAction*> m_contextActions;
    QTimer m_refresh; ///< re-grades thumbnails once a drag pauses, not on every step
    QSet<int> m_stale;
};

} // namespace cg
