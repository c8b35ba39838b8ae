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
    reached(call.getCaseId(), call.getCallDate(), call.getNotes(), user);
  }

  /** After the parents were spoken to (a call, or the month's feedback given by phone or video). */
  void reached(long caseId, java.time.LocalDate day, String notes, String user) {
    for (OpenTasks.Open o : openTasks.of(caseId, FamilyTiesProcess.TASK_UNREACHABLE)) {
      records.save(new FamilyRecord(caseId, FamilyRecord.Kind.UNREACHABLE, null, day, "REACHED", notes == null ? "" : notes,
          user, clock.now()));
      openTasks.completeAnswered(caseId, o, user, Map.of(), Map.of());
    }
  }
}
