package org.careflow.family;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The class teacher's tasks of `family-ties`: the month's feedback to the parents, the term's letter,
 * and the search for parents who could not be reached. Each writes one {@link FamilyRecord}; a search
 * that reached the parents also goes into the call log, which ends the unreachable spell.
 */
@Component
class FamilyRecords implements TaskFormHandler {

  static final List<String> FEEDBACK_CHANNELS = List.of("PHONE", "VIDEO", "MESSAGE", "VISIT");
  static final List<String> LETTER_CHANNELS = List.of("POST", "PHOTO", "HANDED");
  static final List<String> OUTCOMES = List.of("REACHED", "NOT_REACHED");
  static final int OLDEST_DAYS = 120;

  private final FamilyRecordRepository records;
  private final FamilyCallRepository calls;
  private final CareCases cases;
  private final CareClock clock;

  private final ReachedParents reachedParents;

  FamilyRecords(FamilyRecordRepository records, FamilyCallRepository calls, CareCases cases, CareClock clock,
      ReachedParents reachedParents) {
    this.reachedParents = reachedParents;
    this.records = records;
    this.calls = calls;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(FamilyTiesProcess.TASK_FEEDBACK, FamilyTiesProcess.TASK_LETTER, FamilyTiesProcess.TASK_UNREACHABLE);
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    return Map.of(dateKey(task.taskKey()), clock.today());
  }

  private static String dateKey(String taskKey) {
    return switch (taskKey) {
      case FamilyTiesProcess.TASK_FEEDBACK -> "feedbackDate";
      case FamilyTiesProcess.TASK_LETTER -> "letterDate";
      default -> "searchDate";
    };
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    LocalDate date = pastDate(v.date(dateKey(task.taskKey())), dateKey(task.taskKey()), errors, clock.today());
    String summary = v.text("summary");
    if (summary == null) {
      errors.reject("summary", "validation.required");
    }
    CareCase c = cases.careCase(task.caseId());
    switch (task.taskKey()) {
      case FamilyTiesProcess.TASK_FEEDBACK -> {
        option(v, "channel", FEEDBACK_CHANNELS, errors);
        if (errors.isEmpty()) {
          String month = YearMonth.from(task.due() != null ? clock.dayOf(task.due()) : date).toString();
          records.save(new FamilyRecord(c.getId(), FamilyRecord.Kind.FEEDBACK, month, date, v.text("channel"), summary,
              task.user(), clock.now()));
          if (List.of("PHONE", "VIDEO").contains(v.text("channel"))) {
            // the teacher spoke with the parents: that ends a 父母失联 spell, its open task is answered too
            reachedParents.reached(c.getId(), date, truncate(summary, 300), task.user());
          }
        }
      }
      case FamilyTiesProcess.TASK_LETTER -> {
        option(v, "channel", LETTER_CHANNELS, errors);
        if (errors.isEmpty()) {
          records.save(new FamilyRecord(c.getId(), FamilyRecord.Kind.LETTER, String.valueOf(c.getTermId()), date,
              v.text("channel"), summary, task.user(), clock.now()));
        }
      }
      default -> {
        option(v, "outcome", OUTCOMES, errors);
        boolean reached = "REACHED".equals(v.text("outcome"));
        if (reached && !oneOf(v.text("parent"), FamilyCall.PARENTS)) {
          errors.reject("parent", "family.parentWhenReached");
        }
        if (errors.isEmpty()) {
          records.save(new FamilyRecord(c.getId(), FamilyRecord.Kind.UNREACHABLE, null, date, v.text("outcome"), summary,
              task.user(), clock.now()));
          if (reached) {
            calls.save(new FamilyCall(c.getId(), c.getChild().getId(), date, "PHONE", v.text("parent"), 0, true,
                truncate(summary, 300), task.user(), clock.now()));
          }
        }
      }
    }
    return Map.of();
  }

  static LocalDate pastDate(LocalDate d, String key, FieldErrors errors, LocalDate today) {
    if (d == null) {
      errors.reject(key, "validation.required");
    } else if (d.isAfter(today)) {
      errors.reject(key, "validation.pastDate");
    } else if (d.isBefore(today.minusDays(OLDEST_DAYS))) {
      errors.reject(key, "validation.tooOld", OLDEST_DAYS);
    }
    return d;
  }

  private static void option(FormValues v, String key, List<String> allowed, FieldErrors errors) {
    if (!oneOf(v.text(key), allowed)) {
      errors.reject(key, "validation.option");
    }
  }

  static boolean oneOf(String value, List<String> allowed) {
    return value != null && allowed.contains(value);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
