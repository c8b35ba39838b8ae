package org.careflow.inbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.family.FamilyTiesProcess;
import org.careflow.support.SupportPlanProcess;
import org.careflow.shared.CareClock;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The period a recurring task is for, from its due date, so that the overdue November talk and December's
 * are told apart in the list, the task's header and the saved message: the month of a monthly task, the
 * week of a weekly one. Used by the pages as {@code @taskPeriods}.
 */
@Component("taskPeriods")
public class TaskPeriods {

  static final Set<String> MONTHLY = Set.of(ChildCaseProcess.TASK_MONTHLY_TALK, FamilyTiesProcess.TASK_FEEDBACK);
  static final Set<String> WEEKLY = Set.of(ChildCaseProcess.TASK_WEEKLY_CHECK_IN, SupportPlanProcess.TASK_REVIEW);

  private final CareClock clock;
  private final MessageSource messages;

  TaskPeriods(CareClock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  /** "11月" / "Nov 2026" for a monthly task, the week for a weekly one, null otherwise. */
  public String of(String taskKey, Date due) {
    if (due == null || taskKey == null) {
      return null;
    }
    LocalDate day = clock.dayOf(due);
    if (MONTHLY.contains(taskKey)) {
      return messages.getMessage("task.period.month", new Object[] {day.getYear(), day.getMonthValue(),
          day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)}, LocaleContextHolder.getLocale());
    }
    if (WEEKLY.contains(taskKey)) {
      LocalDate monday = day.with(DayOfWeek.MONDAY);
      return messages.getMessage("task.period.week", new Object[] {monday.getMonthValue(), monday.getDayOfMonth()},
          LocaleContextHolder.getLocale());
    }
    return null;
  }

  /** The task's name with its period: "每月谈心（11月）". */
  public String title(String taskKey, String name, Date due) {
    String p = of(taskKey, due);
    return p == null ? name : messages.getMessage("task.withPeriod", new Object[] {name, p}, LocaleContextHolder.getLocale());
  }

  public String title(TaskWork.Row row) {
    return title(row.taskKey(), row.name(), row.due());
  }
}
