package org.careflow.family;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The call log, the family records and the expected calls in a child's file (privacy.ChildFile). */
@Component
class FamilyChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_family_call", "notes"),
        ChildTable.perCase("cf_family_record", "summary!"),
        ChildTable.perChild("cf_call_expectation").kept("a number of calls a week: no free text"));
  }
}
