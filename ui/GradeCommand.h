#pragma once

#include "Grade.h"

#include <QUndoCommand>

namespace cg {

class ProjectSession;

/// One user action on a clip's grade, undoable. Consecutive commands with the same non-negative
/// merge key (one drag of one control) collapse into one step holding the first "before" and the
/// last "after"; a merged step that ends where it began disappears from the stack.
class GradeCommand : public QUndoCommand
{
public:
    GradeCommand(ProjectSession* session, int clipIndex, Grade before, Grade after, const QString& text,
                 int mergeKey = -1);

    void undo() override;
    void redo() override;
    int id() const override { return 0x6772; } // all grade edits share an id; mergeWith decides
    bool mergeWith(const QUndoCommand* other) override;

    const Grade& after() const { return m_after; }

    /// A merge key no gesture has used yet, shared by every control of every panel, so that two
    /// panels' gestures can never merge with each other.
    static int newMergeKey();

private:
    ProjectSession* m_session;
    int m_clipIndex;
    Grade m_before;
    Grade m_after;
    int m_mergeKey;
};

} // namespace cg
