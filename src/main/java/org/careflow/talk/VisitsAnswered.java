package org.careflow.talk;

import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.OpenTasks;
import org.careflow.shared.TaskContext;

/**
 * Which other open visit tasks of the case a home visit answers (a visit of any reason counts for every
 * visit obligation it meets): the visit after a missed guardian meeting always; the verification visit when
 * the archive was confirmed at this visit. The quarter's visit ends by its own message
 * ({@link HomeVisitRecorded}), as before.
 */
final class VisitsAnswered {

  static final List<String> OTHER_VISITS = List.of("absenteeHomeVisit", "verificationVisit");

  private final OpenTasks openTasks;

  VisitsAnswered(OpenTasks openTasks) {
    this.openTasks = openTasks;
  }

  List<OpenTasks.Open> answered(TaskContext task, boolean archiveConfirmed) {
    List<OpenTasks.Open> out = new ArrayList<>();
    for (String key : OTHER_VISITS) {
      if (key.equals("verificationVisit") && !archiveConfirmed) {
        continue;
      }
      openTasks.of(task.caseId(), key).stream().filter(o -> !o.taskId().equals(task.taskId())).forEach(out::add);
    }
    return out;
  }
}
