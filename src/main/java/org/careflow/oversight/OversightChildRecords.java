package org.careflow.oversight;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The reminders in a child's file (privacy.ChildFile), and the dashboard's summaries, which hold ids only. */
@Component
class OversightChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_reminder").kept("who was reminded of which task when: no free text"),
        ChildTable.perCase("cf_dash_task").section(null).kept("the dashboard's summary: ids and due dates, rebuilt from the engine"),
        ChildTable.perCase("cf_dash_case").section(null).kept("the dashboard's summary: ids, status and dates, rebuilt from the cases"),
        ChildTable.perCase("cf_dash_risk").section(null).kept("the dashboard's copy of the risk levels: ids, level and time, no reasons"),
        ChildTable.perCase("cf_dash_plan").section(null).kept("the dashboard's copy of the support plans: ids and dates, no text"),
        ChildTable.perCase("cf_dash_pairing").section(null).kept("the dashboard's copy of the mentor assignments: ids and dates, no names"),
        ChildTable.perCase("cf_dash_verified").section(null).kept("the dashboard's copy of the verification visits: ids only"));
  }
}
