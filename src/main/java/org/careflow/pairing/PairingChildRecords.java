package org.careflow.pairing;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The pairings in a child's file (privacy.ChildFile): the child's own, and those naming it as a buddy. */
@Component
class PairingChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perCase("cf_pairing", "note"),
        ChildTable.perCase("cf_pairing").section("records.cf_pairing_as_buddy").where("buddy_child_id = :child")
            .kept("another child's pairing: its note is that child's (cleared with that child's file)"));
  }
}
