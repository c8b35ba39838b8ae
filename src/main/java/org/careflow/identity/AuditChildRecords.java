package org.careflow.identity;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The audit trail of a child, in the child's file (privacy.ChildFile). */
@Component
class AuditChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perChild("cf_audit").section("audit").columns("id, at, actor, action, case_id, detail").orderBy("at, id")
        .kept("the audit trail: who did what and when, never the values"));
  }
}
