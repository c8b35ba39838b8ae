package org.careflow.family;

import java.time.YearMonth;
import java.util.Map;
import org.careflow.shared.CareClock;
import org.careflow.shared.OpenTasks;
import org.careflow.talk.TalkRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A talk card that says the parents were told (已向家长反馈) is the month's feedback to the parents: it
 * completes that month's open {@code parentFeedback} task of the case with a feedback record (channel
 * {@value #CHANNEL}: the talk card holds what was said), in the talk's own transaction. The teacher enters
 * the fact once.
 */
@Component
class TalkFeedback {

  static final String CHANNEL = "TALK_CARD";

  private final OpenTasks openTasks;
  private final FamilyRecordRepository records;
  private final CareClock clock;

  TalkFeedback(OpenTasks openTasks, FamilyRecordRepository records, CareClock clock) {
    this.openTasks = openTasks;
    this.records = records;
    this.clock = clock;
  }

  @EventListener
  void talked(TalkRecorded talk) {
    if (!talk.parentsInformed()) {
      return;
    }
    for (OpenTasks.Open o : openTasks.of(talk.caseId(), FamilyTiesProcess.TASK_FEEDBACK)) {
      String month = YearMonth.from(o.due() != null ? clock.dayOf(o.due()) : talk.talkDate()).toString();
      if (!month.equals(talk.month())) {
        continue;
      }
      String summary = talk.note() == null ? "" : talk.note().length() > 500 ? talk.note().substring(0, 500) : talk.note();
      records.save(new FamilyRecord(talk.caseId(), FamilyRecord.Kind.FEEDBACK, month, talk.talkDate(), CHANNEL, summary,
          talk.teacher(), clock.now()));
      openTasks.completeAnswered(talk.caseId(), o, talk.teacher(), Map.of(), Map.of());
    }
  }
}
