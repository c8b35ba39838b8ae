package org.careflow.absence;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The 劝返 follow-ups of the child's cases, in the child's file (privacy.ChildFile): what was found is cleared. */
@Component
class AbsenceChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perCase("cf_absence_follow_up", "reason_text"));
  }
}
