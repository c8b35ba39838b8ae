package org.careflow.counselling;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The counselling sessions and referrals in a child's file (privacy.ChildFile). */
@Component
class CounsellingChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perChild("cf_counselling_session", "reason!", "what_was_done!", "follow_up", "shared_summary"),
        ChildTable.perChild("cf_counselling_referral", "reason!"));
  }
}
