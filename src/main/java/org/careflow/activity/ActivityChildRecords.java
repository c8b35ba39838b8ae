package org.careflow.activity;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The activities a child attended, in the child's file (privacy.ChildFile). */
@Component
class ActivityChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perChild("cf_activity_attendance")
        .kept("which activity the child attended: no free text (the activity's record is the class's, not the child's)"));
  }
}
