package org.careflow.classplan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.careflow.activity.ClassActivities;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.CaseStatus;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.classplan.ClassTermPapers.Figures;
import org.careflow.classplan.ClassTermPapers.Pairing;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a class's term papers start from: the term's figures (talks held and held on time, guardian meetings,
 * home visits, calls, activities, risk-level changes, from the records of the children in care), the class's
 * pairings now, and the term's activities the decision {@code activity-obligations} asks for.
 */
@Component
class ClassTermFigures {

  private final ClassTermPapers papers;
  private final SchoolDirectory schools;
  private final CareCases cases;
  private final ChildRepository children;
  private final ClassActivities classActivities;
  private final List<TimelineContributor> timeline;
  private final CareClock clock;

  ClassTermFigures(ClassTermPapers papers, SchoolDirectory schools, CareCases cases, ChildRepository children, ClassActivities classActivities,
      List<TimelineContributor> timeline, CareClock clock) {
    this.papers = papers;
    this.schools = schools;
    this.cases = cases;
    this.children = children;
    this.classActivities = classActivities;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** The class's cases in care some day of the term (found eligible, open within it), children not anonymised. */
  List<CareCase> casesInTerm(long classId, Term t) {
    List<CareCase> out = new ArrayList<>();
    ZoneId zone = clock.zone();
    for (Child child : children.findBySchoolClassIdOrderByName(classId)) {
      if (child.getAnonymisedAt() != null) {
        continue;
      }
      for (CareCase k : cases.casesOfChild(child.getId())) {
        if (k.inCareDuring(t, zone)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** The term's figures of the class, from its children's records dated within the term and its activities register. */
  @Transactional(readOnly = true)
  public Figures figures(long classId, Term t) {
    List<CareCase> inTerm = casesInTerm(classId, t);
    Set<Long> childIds = new HashSet<>();
    int talks = 0;
    int onTime = 0;
    int visits = 0;
    int calls = 0;
    int riskChanges = 0;
    Set<LocalDate> meetings = new HashSet<>();
    for (CareCase k : inTerm) {
      childIds.add(k.getChild().getId());
      List<TimelineEntry> entries = new ArrayList<>();
      for (TimelineContributor c : timeline) {
        entries.addAll(c.entriesForCase(k.getId()));
      }
      entries.sort(Comparator.comparing(TimelineEntry::at));
      String level = null;
      for (TimelineEntry e : entries) {
        LocalDate day = e.at().toLocalDate();
        boolean within = t.contains(day);
        if ("timeline.riskAssessment".equals(e.kind())) {
          String now = detail(e, "record.riskLevel");
          if (within && level != null && now != null && !now.equals(level)) {
            riskChanges++;
          }
          if (now != null) {
            level = now;
          }
        }
        if (!within) {
          continue;
        }
        switch (e.kind()) {
          case "timeline.monthlyTalk" -> {
            talks++;
            String month = detail(e, "record.month");
            if (month == null || !YearMonth.from(day).isAfter(YearMonth.parse(month))) {
              onTime++;
            }
          }
          case "timeline.guardianMeeting" -> meetings.add(day);
          case "timeline.verificationVisit", "timeline.quarterlyVisit", "timeline.absenteeVisit" -> visits++;
          case "timeline.familyCall" -> calls++;
          default -> { }
        }
      }
    }
    int held = classActivities.heldBetween(classId, t.getStartDate(), t.getEndDate());
    return new Figures(childIds.size(), talks, onTime, meetings.size(), visits, calls, held, riskChanges);
  }

  private static String detail(TimelineEntry e, String label) {
    return e.details().stream().filter(d -> label.equals(d.label())).map(TimelineEntry.Detail::value).findFirst().orElse(null);
  }

  /** The class's pairings now: each open case's child, mentor and buddy. */
  @Transactional(readOnly = true)
  public List<Pairing> currentPairings(long classId) {
    List<Pairing> out = new ArrayList<>();
    for (CareCase k : cases.openCasesOfClass(classId)) {
      if (k.getStatus() == CaseStatus.NOT_ELIGIBLE || k.getChild().getAnonymisedAt() != null) {
        continue;
      }
      out.add(new Pairing(k.getChild().getId(), k.getChild().getName(), k.getMentor() == null ? "" : schools.teacherName(k.getMentor()),
          papers.childName(k.getBuddyChildId())));
    }
    out.sort(Comparator.comparing(Pairing::child));
    return out;
  }

  /** The activities the class's decision asks of it in the term, one line each (the plan's prefill). */
  @Transactional(readOnly = true)
  public String plannedActivities(long classId, Term t, Locale l) {
    return String.join("\n", classActivities.plannedFor(classId, t, l));
  }

  /** The figures in a sentence: the summary's prefill, for the teacher to go on from. */
  public String figuresText(Figures f, Locale l) {
    return papers.msg("classplan.figures.sentence", l, f.children(), f.talks(), f.talksOnTime(), f.meetings(), f.visits(), f.calls(),
        f.activities(), f.riskChanges());
  }
}
