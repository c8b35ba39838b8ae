package org.careflow.talk;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Talks, check-ins and visits on the child's timeline. */
@Component
class TalkTimeline implements TimelineContributor {

  private final MonthlyTalkRepository talks;
  private final MentorCheckInRepository checkIns;
  private final HomeVisitRepository visits;
  private final CareClock clock;

  private final MissedCheckInRepository missed;

  TalkTimeline(MonthlyTalkRepository talks, MentorCheckInRepository checkIns, HomeVisitRepository visits, CareClock clock,
      MissedCheckInRepository missed) {
    this.missed = missed;
    this.talks = talks;
    this.checkIns = checkIns;
    this.visits = visits;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (MonthlyTalk t : talks.findByCaseIdOrderByTalkDateDesc(caseId)) {
      out.add(new TimelineEntry(at(t.getTalkDate(), t.getRecordedAt()), "timeline.monthlyTalk", t.getTeacher(), details(
          "record.month", t.getTalkMonth(), "record.topics", "topics:" + t.getTopics(), "record.mood", "mood:" + t.getMood(),
          "record.concerns", t.getConcerns(), "record.followUp", t.getFollowUp(),
          "record.parentsInformed", t.isParentsInformed() ? "bool:yes" : "bool:no",
          "record.incidents", t.getIncidents() == null ? null : t.getIncidents().toString(),
          "record.daysMissed", t.getDaysMissed() == null ? null : t.getDaysMissed().toString(),
          "record.planRequested", t.isPlanRequested() ? "bool:yes" : null)));
    }
    for (MentorCheckIn c : checkIns.findByCaseIdOrderByCheckInDateDesc(caseId)) {
      out.add(new TimelineEntry(at(c.getCheckInDate(), c.getRecordedAt()), c.isFirstMeeting() ? "timeline.firstMeeting" : c.isLate() ? "timeline.checkInLate" : "timeline.checkIn",
          c.getMentor(), details("record.topics", c.getTopics() == null ? null : "topics:" + c.getTopics(), "record.mood", c.getMood() == null ? null : "mood:" + c.getMood(),
              "record.notes", c.getNotes(), "record.plan", c.getPlan())));
    }
    for (MissedCheckIn m : missed.findByCaseIdOrderByWeekStartDesc(caseId)) {
      out.add(new TimelineEntry(at(m.getWeekStart(), m.getRecordedAt()), "timeline.checkInMissed", m.getMentor(),
          details("record.week", m.getWeekStart().toString(), "record.missedReason", m.getReason())));
    }
    for (HomeVisit v : visits.findByCaseIdOrderByVisitDateDesc(caseId)) {
      out.add(new TimelineEntry(at(v.getVisitDate(), v.getRecordedAt()),
          switch (v.getReason()) {
            case VERIFICATION -> "timeline.verificationVisit";
            case QUARTERLY -> "timeline.quarterlyVisit";
            default -> "timeline.absenteeVisit";
          }, v.getVisitor(),
          details("record.metWith", v.getMetWith(), "record.homeConditions", v.getHomeConditions(),
              "record.guardianHealth", "health:" + v.getGuardianHealth(), "record.concerns", v.getConcerns())));
    }
    return out;
  }

  /** The day the talk happened, at the time of day it was written down (to order records of one day). */
  private LocalDateTime at(java.time.LocalDate day, java.time.Instant recorded) {
    return day.atTime(LocalDateTime.ofInstant(recorded, clock.zone()).toLocalTime());
  }

  /** Pairs of label code and value; empty values are left out. A value "prefix:CODE" is a coded value to translate. */
  static List<Detail> details(String... pairs) {
    List<Detail> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
        out.add(new Detail(pairs[i], pairs[i + 1]));
      }
    }
    return out;
  }
}
