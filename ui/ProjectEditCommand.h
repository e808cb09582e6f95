#pragma once

#include "Project.h"

#include <QUndoCommand>

namespace cg {

class ProjectSession;

/// One change of the project other than a grade edit (import or removal of clips, in/out marks,
/// colour spaces, relinking): the whole project value before and after, so undo restores exactly
/// what was there. Such edits are rare and small next to grade drags, which GradeCommand records.
class ProjectEditCommand : public QUndoCommand
{
public:
    ProjectEditCommand(ProjectSession* session, Project before, int clipBefore, Project after, int clipAfter,
                       const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectSession* m_session;
    Project m_before;
    Project m_after;
    int m_clipBefore;
    int m_clipAfter;
};

} // namespace cg
