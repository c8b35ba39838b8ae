package org.careflow.talk;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The talk cards, check-ins (held and missed) and home visits in a child's file (privacy.ChildFile). */
@Component
class TalkChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_monthly_talk", "concerns", "follow_up"),
        ChildTable.perCase("cf_mentor_check_in", "notes", "plan"),
        ChildTable.perCase("cf_missed_check_in", "reason!"),
        ChildTable.perCase("cf_home_visit", "met_with!", "home_conditions!", "concerns"));
  }
}
