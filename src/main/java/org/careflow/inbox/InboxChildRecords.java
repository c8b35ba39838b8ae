package org.careflow.inbox;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The comments on the tasks of a child's cases, in the child's file (privacy.ChildFile). */
@Component
class InboxChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(new ChildTable("cf_task_comment", "taskComments", "*", "task_id in (:tasks)", "written_at, id", List.of("text!"), null));
  }
}
