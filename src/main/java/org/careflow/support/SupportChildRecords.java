package org.careflow.support;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The risk assessments, support plans and their reviews in a child's file (privacy.ChildFile). */
@Component
class SupportChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_risk_assessment", "inputs!"),
        ChildTable.perCase("cf_support_plan", "problems", "goals", "actions", "responsibilities", "close_comment"),
        // the reviews hang off the plan, not the case
        ChildTable.perCase("cf_support_plan_review", "progress!", "next_steps")
            .where("plan_id in (select id from cf_support_plan where case_id in (:cases))"));
  }
}
