package org.careflow.activity;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates, assignee and name of {@code class-activities}' steps (BPMN:
 * {@code ${activityCalendar.nextCheck(execution)}}): the class is the instance's business key, the
 * obligation the task's {@code obligationId}.
 */
@Component("activityCalendar")
@Transactional(readOnly = true)
public class ActivityCalendar {

  private final ClassActivities obligations;
  private final SchoolDirectory schools;
  private final ActivityKinds kinds;
  private final CareClock clock;

  ActivityCalendar(ClassActivities obligations, SchoolDirectory schools, ActivityKinds kinds, CareClock clock) {
    this.obligations = obligations;
    this.schools = schools;
    this.kinds = kinds;
    this.clock = clock;
  }

  /** The table is read again on the first of next month, early in the morning. */
  public Date nextCheck(Object execution) {
    LocalDate first = clock.today().with(TemporalAdjusters.firstDayOfNextMonth());
    return Date.from(first.atTime(6, 0).atZone(clock.zone()).toInstant());
  }

  public String classTeacherOf(Object execution) {
    return schools.schoolClass(ClassActivities.KEYS.idOf(execution)).getClassTeacher();
  }

  public Date obligationDue(Object execution) {
    return clock.endOf(obligation(execution).due());
  }

  /** 组织主题班会（12月）: the first kind's name and the period. */
  public String taskName(Object execution) {
    ClassActivities.Obligation o = obligation(execution);
    ActivityKinds.Kind k = kinds.byCode(o.schoolId()).get(o.kinds().get(0));
    String name = k == null ? o.kinds().get(0) : k.nameZh();
    String period = switch (o.dueRule()) {
      case "TERM_END" -> "本学期";
      case "BEFORE_HOLIDAY" -> o.due().getMonthValue() + "月" + o.due().getDayOfMonth() + "日前";
      default -> o.due().getMonthValue() + "月";
    };
    String full = "组织" + name + "（" + period + "）";
    return full.length() > 100 ? full.substring(0, 100) : full;
  }

  private ClassActivities.Obligation obligation(Object execution) {
    Object id = execution instanceof VariableScope s ? s.getVariable(ClassActivitiesProcess.VAR_OBLIGATION_ID) : execution;
    return obligations.obligation(Long.parseLong(String.valueOf(id))).orElseThrow(() -> new IllegalStateException("no obligation " + id));
  }
}
