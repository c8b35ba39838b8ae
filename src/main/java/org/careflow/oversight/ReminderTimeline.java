package org.careflow.oversight;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;

/** Reminders and escalations on the child's page: who was told about which task, and when. */
@Component
class ReminderTimeline implements TimelineContributor {

  private final Reminders reminders;
  private final CareClock clock;

  ReminderTimeline(Reminders reminders, CareClock clock) {
    this.reminders = reminders;
    this.clock = clock;
  }

  @Override
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (Reminder r : reminders.ofCase(caseId)) {
      List<Detail> details = new ArrayList<>();
      details.add(new Detail("reminder.task", r.getTaskName() == null ? r.getTaskKey() : r.getTaskName()));
      details.add(new Detail("reminder.due", clock.dayOf(java.util.Date.from(r.getDueDate())).toString()));
      details.add(new Detail("reminder.recipient", recipientShown(r.getRecipient())));
      out.add(new TimelineEntry(LocalDateTime.ofInstant(r.getRecordedAt(), clock.zone()),
          r.getKind() == Reminder.Kind.REMINDER ? "timeline.reminder" : "timeline.escalation", r.getAssignee(), details));
    }
    return out;
  }

  /** "group:supervisor" reads as the translated role; a user id as "user:id", which the page shows by name. */
  private static String recipientShown(String recipient) {
    return recipient.startsWith("group:") ? "role:" + recipient.substring(6).replace(",group:", ",") : "user:" + recipient;
  }
}
