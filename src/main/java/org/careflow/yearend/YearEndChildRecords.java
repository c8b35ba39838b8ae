package org.careflow.yearend;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The commendations and the handover notes in a child's file (privacy.ChildFile). */
@Component
class YearEndChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_commendation").kept("the supervisor's yes/no decisions: no free text"),
        ChildTable.perChild("cf_handover", "note").orderBy("id"));
  }
}
