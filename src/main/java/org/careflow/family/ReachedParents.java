package org.careflow.family;

import java.util.Map;
import org.careflow.shared.CareClock;
import org.careflow.shared.OpenTasks;
import org.springframework.stereotype.Component;

/**
 * A call logged as got through (已接通) ends the case's 父母失联 spell: its open {@code parentsUnreachable}
 * task is completed with a search record (outcome REACHED, the call's date and notes), in the call's own
 * transaction, so the teacher does not enter the same facts again in the task's form.
 */
@Component
class ReachedParents {

  private final OpenTasks openTasks;
  private final FamilyRecordRepository records;
  private final CareClock clock;

  ReachedParents(OpenTasks openTasks, FamilyRecordRepository records, CareClock clock) {
    this.openTasks = openTasks;
    this.records = records;
    this.clock = clock;
  }

  /** After a call that got through was logged. */
  void reached(FamilyCall call, String user) {
    for (OpenTasks.Open o : openTasks.of(call.getCaseId(), FamilyTiesProcess.TASK_UNREACHABLE)) {
      String notes = call.getNotes() == null ? "" : call.getNotes();
      records.save(new FamilyRecord(call.getCaseId(), FamilyRecord.Kind.UNREACHABLE, null, call.getCallDate(), "REACHED", notes,
          user, clock.now()));
      openTasks.completeAnswered(call.getCaseId(), o, user, Map.of(), Map.of());
    }
  }
}
