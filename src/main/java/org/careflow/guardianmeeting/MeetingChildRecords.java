package org.careflow.guardianmeeting;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The meetings a child's guardian was invited to, in the child's file (privacy.ChildFile). */
@Component
class MeetingChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perCase("cf_meeting_guest").kept("invited and present: no free text"));
  }
}
