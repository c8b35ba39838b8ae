package org.careflow.carers;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** Who cares for the child and the carers' contacts, in the child's file (privacy.ChildFile). */
@Component
class CarerChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perChild("cf_carer_child").kept("which carer was given the child, by whom and when: no free text"),
        ChildTable.perChild("cf_carer_contact", "notes"));
  }
}
