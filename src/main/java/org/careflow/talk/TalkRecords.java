package org.careflow.talk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.OpenTasks;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The records teachers write about their talks and visits with a child: the class teacher's monthly
 * talk card, the mentor's first meeting and weekly talks, the home visits. Each task writes one row.
 */
@Component
class TalkRecords implements TaskFormHandler {

  static final List<String> MOODS = List.of("HAPPY", "CALM", "LOW", "ANXIOUS", "ANGRY");

  private final MonthlyTalkRepository talks;
  private final MentorCheckInRepository checkIns;
  private final HomeVisitRepository visits;
  private final CareClock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  private final OpenTasks openTasks;
  private final VisitsAnswered visitsAnswered;

  TalkRecords(MonthlyTalkRepository talks, MentorCheckInRepository checkIns, HomeVisitRepository visits, CareClock clock,
      org.springframework.context.ApplicationEventPublisher events, OpenTasks openTasks) {
    this.openTasks = openTasks;
    this.visitsAnswered = new VisitsAnswered(openTasks);
    this.events = events;
    this.talks = talks;
    this.checkIns = checkIns;
    this.visits = visits;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("monthlyTalk", "firstMeeting", "weeklyCheckIn", "verificationVisit", "absenteeHomeVisit", "quarterlyVisit");
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    String dateKey = switch (task.taskKey()) {
      case "monthlyTalk" -> "talkDate";
      case "firstMeeting" -> "meetingDate";
      case "weeklyCheckIn" -> "checkInDate";
      default -> "visitDate";
    };
    if (task.taskKey().equals("weeklyCheckIn") && task.due() != null && clock.dayOf(task.due()).isBefore(clock.today())) {
      return Map.of(); // a past week's talk: the mentor gives the day it really happened, today is not offered
    }
    return Map.of(dateKey, clock.today());
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    switch (task.taskKey()) {
      case "monthlyTalk" -> {
        LocalDate date = pastDate(v, "talkDate", errors);
        mood(v, errors);
        if (errors.isEmpty()) {
          String month = YearMonth.from(task.due() != null ? clock.dayOf(task.due()) : date).toString();
          talks.save(new MonthlyTalk(task.caseId(), month, date, String.join(",", v.list("topics")), v.text("mood"),
              v.text("concerns"), v.text("followUp"), v.flag("parentsInformed"), v.integer("incidents"), v.integer("daysMissed"),
              v.flag("requestSupportPlan"), task.user(), clock.now()));
          events.publishEvent(new TalkRecorded(task.caseId(), month, date, v.flag("parentsInformed"), task.user(),
              v.text("followUp") != null ? v.text("followUp") : v.text("concerns")));
          if (v.integer("daysMissed") != null && v.integer("daysMissed") > 0) {
            events.publishEvent(new AbsenceReported(task.caseId(), v.integer("daysMissed"), date, task.user()));
          }
          if (v.flag("referToCounsellor")) {
            events.publishEvent(new CounsellingRequested(task.caseId(), task.user(), v.text("concerns")));
          }
        }
      }
      case "firstMeeting", "weeklyCheckIn" -> {
        boolean first = task.taskKey().equals("firstMeeting");
        LocalDate date = pastDate(v, first ? "meetingDate" : "checkInDate", errors);
        if (!first && date != null && task.due() != null) {
          // a week's check-in happened in that week (as the catch-up page checks): no later date stands for it
          LocalDate sunday = clock.dayOf(task.due());
          LocalDate monday = sunday.with(java.time.DayOfWeek.MONDAY);
          if (date.isBefore(monday) || date.isAfter(sunday)) {
            errors.reject("checkInDate", "catchUp.dateInWeek", monday.toString(), sunday.toString());
          }
        }
        mood(v, errors);
        if (errors.isEmpty()) {
          checkIns.save(new MentorCheckIn(task.caseId(), first, date, first ? null : String.join(",", v.list("topics")),
              v.text("mood"), v.text("notes"), v.text("plan"), task.user(), clock.now()));
        }
      }
      default -> {
        LocalDate date = pastDate(v, "visitDate", errors);
        if (!List.of("GOOD", "FAIR", "POOR").contains(v.text("guardianHealth"))) {
          errors.reject("guardianHealth", "validation.option");
        }
        if (errors.isEmpty()) {
          HomeVisit.Reason reason = switch (task.taskKey()) {
            case "verificationVisit" -> HomeVisit.Reason.VERIFICATION;
            case "quarterlyVisit" -> HomeVisit.Reason.QUARTERLY;
            default -> HomeVisit.Reason.GUARDIAN_ABSENT;
          };
          // one visit counts for every visit the case owes: the others' open tasks end with it
          List<OpenTasks.Open> answered = visitsAnswered.answered(task, v.flag("archiveConfirmed"));
          if (answered.stream().anyMatch(o -> o.taskKey().equals("verificationVisit"))) {
            reason = HomeVisit.Reason.VERIFICATION; // the archive was checked at this visit: the case counts as verified
          }
          HomeVisit visit = visits.save(new HomeVisit(task.caseId(), reason, date, v.text("metWith"), v.text("homeConditions"),
              v.text("guardianHealth"), v.text("concerns"), v.flag("archiveConfirmed"), task.user(), clock.now()));
          if (reason == HomeVisit.Reason.VERIFICATION) {
            events.publishEvent(new ArchiveVerified(visit.getId(), task.caseId()));
          }
          for (OpenTasks.Open o : answered) {
            openTasks.completeAnswered(task.caseId(), o, task.user(), Map.of(), Map.of());
          }
          if (!task.taskKey().equals("quarterlyVisit")) {
            // another visit may stand for the quarter's one (每季一访); the quarter's own task ends by completion
            events.publishEvent(new HomeVisitRecorded(task.caseId(), date));
          }
        }
      }
    }
    return Map.of();
  }

  private LocalDate pastDate(FormValues v, String key, FieldErrors errors) {
    LocalDate d = v.date(key);
    if (d == null) {
      errors.reject(key, "validation.required");
    } else if (d.isAfter(clock.today())) {
      errors.reject(key, "validation.pastDate");
    } else if (d.isBefore(clock.today().minusDays(120))) {
      errors.reject(key, "validation.tooOld", 120);
    }
    return d;
  }

  private static void mood(FormValues v, FieldErrors errors) {
    if (!MOODS.contains(v.text("mood"))) {
      errors.reject("mood", "validation.option");
    }
  }
}
