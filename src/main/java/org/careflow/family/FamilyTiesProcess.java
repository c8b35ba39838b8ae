package org.careflow.family;

import java.time.LocalDate;
import java.util.List;
import org.careflow.shared.OpenTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.shared.CareClock;
import org.careflow.talk.HomeVisitRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The names `processes/family-ties.bpmn` and the code share, and the module's one door to the engine:
 * a home visit made for another reason this quarter ends the quarter's visit task (message
 * {@value #MESSAGE_VISIT_DONE}, correlated by the case id as business key, in the visit's own transaction).
 */
@Component
public class FamilyTiesProcess {

  static final String KEY = org.careflow.shared.CaseProcesses.FAMILY_TIES;
  static final String MESSAGE_VISIT_DONE = "homeVisitRecorded";
  public static final String TASK_UNREACHABLE = "parentsUnreachable";
  public static final String TASK_FEEDBACK = "parentFeedback";
  public static final String TASK_LETTER = "termLetter";
  public static final String TASK_VISIT = "quarterlyVisit";

  private final RuntimeService runtime;
  private final CareClock clock;

  private final OpenTasks openTasks;

  FamilyTiesProcess(RuntimeService runtime, CareClock clock, OpenTasks openTasks) {
    this.openTasks = openTasks;
    this.runtime = runtime;
    this.clock = clock;
  }

  @EventListener
  void visited(HomeVisitRecorded visit) {
    LocalDate today = clock.today();
    if (visit.visitDate().isBefore(FamilyCalendar.quarterStart(today))) {
      return; // a visit of an earlier quarter, written late, does not stand for this quarter's
    }
    List<OpenTasks.Open> open = openTasks.of(visit.caseId(), TASK_VISIT);
    runtime.createMessageCorrelation(MESSAGE_VISIT_DONE)
        .processInstanceBusinessKey(Long.toString(visit.caseId()))
        .correlateAll();
    open.forEach(o -> OpenTasks.note(o.name()));
  }
}
