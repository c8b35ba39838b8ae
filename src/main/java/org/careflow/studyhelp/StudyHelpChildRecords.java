package org.careflow.studyhelp;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/**
 * The study help, its progress and the study buddies in a child's file (privacy.ChildFile): the child's own,
 * and the pairings naming the child as another child's buddy (without that pairing's note).
 */
@Component
class StudyHelpChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perChild("cf_study_help", "content!", "goal!", "effect_note"),
        ChildTable.perChild("cf_study_progress", "improved!"),
        ChildTable.perChild("cf_study_buddy", "effect_note"),
        ChildTable.perChild("cf_study_buddy").section("records.cf_study_buddy_as_buddy")
            .columns("id, child_id, buddy_child_id, class_id, term_id, active, chosen_at").where("buddy_child_id = :child")
            .orderBy("id").kept("another child's study buddy: its note is that child's (cleared with that child's file)"));
  }
}
