package org.careflow.classplan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.activity.ClassActivities;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.CaseStatus;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.child.ChildRepository;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.BusinessKey;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.StandingProcess;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class's papers of a term: process {@value #PROCESS_KEY}, one per class (business key
 * {@code classterm-<id>}), gives the class teacher the help plan's task ({@value #PLAN_TASK}) on the term's
 * first day and the summary's ({@value #SUMMARY_TASK}) two weeks before its last, then waits for the next
 * term of the calendar. The plan is prefilled with the term's activities the decision
 * {@code activity-obligations} asks for and shows the class's pairings; the summary with the term's figures
 * (talks held and held on time, guardian meetings, home visits, calls, activities, risk-level changes).
 */
@Service
public class ClassTermPapers {


  public static final String PROCESS_KEY = ClassTermPapersProcess.KEY;
  public static final String PLAN_TASK = ClassTermPapersProcess.TASK_PLAN;
  public static final String SUMMARY_TASK = ClassTermPapersProcess.TASK_SUMMARY;
  static final String PREFIX = "classterm-";
  /** The summary's task comes this many days before the term's last day. */
  static final int SUMMARY_DAYS_BEFORE_END = 14;
  static final int MAX_TEXT = 2000;

  /** The term's figures of a class (children in care some day of the term, and their records dated within it). */
  public record Figures(int children, int talks, int talksOnTime, int meetings, int visits, int calls, int activities, int riskChanges) {}

  /** Who helps whom: a child in care, their mentor and buddy (names as shown). */
  public record Pairing(long childId, String child, String mentor, String buddy) {}

  public record PlanView(String goals, String activities, String helpNotes, List<Pairing> pairings, String writtenBy, String writtenAt) {}

  public record SummaryView(Figures figures, String achievements, String problems, String nextSteps, String writtenBy, String writtenAt) {}

  /** A class's papers of a term; either may be null (not written yet). */
  public record Papers(long classId, long termId, PlanView plan, SummaryView summary) {}

  private final ClassPlanRepository plans;
  private final ClassPlanPairingRepository pairings;
  private final ClassSummaryRepository summaries;
  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final TermCalendar calendar;
  private final CareCases cases;
  private final ChildRepository children;
  private final ChildArchive archive;
  private final ClassActivities classActivities;
  private final List<TimelineContributor> timeline;
  private final MessageSource messages;
  private final CareClock clock;
  private final boolean startAtBoot;
  private final StandingProcess standing;

  ClassTermPapers(RuntimeService runtime, ClassPlanRepository plans, ClassPlanPairingRepository pairings, ClassSummaryRepository summaries,
      SchoolDirectory schools, SchoolClassRepository classes, TermCalendar calendar, CareCases cases, ChildRepository children,
      ChildArchive archive, ClassActivities classActivities, List<TimelineContributor> timeline, MessageSource messages, CareClock clock,
      @Value("${careflow.class-plans.start-at-boot:true}") boolean startAtBoot) {
    this.plans = plans;
    this.pairings = pairings;
    this.summaries = summaries;
    this.schools = schools;
    this.classes = classes;
    this.calendar = calendar;
    this.cases = cases;
    this.children = children;
    this.archive = archive;
    this.classActivities = classActivities;
    this.timeline = timeline;
    this.messages = messages;
    this.clock = clock;
    this.startAtBoot = startAtBoot;
    this.standing = new StandingProcess(runtime, PROCESS_KEY, PREFIX);
  }

  public static String businessKey(long classId) {
    return BusinessKey.prefixed(PREFIX, classId);
  }

  /** The class a business key {@code classterm-<id>} names. */
  public static Optional<Long> classOf(String businessKey) {
    return BusinessKey.parse(PREFIX, businessKey);
  }

  static long classOf(Object executionOrKey) {
    String key = BusinessKey.keyOf(executionOrKey);
    return classOf(key).orElseThrow(() -> new IllegalStateException("not a class's business key: " + key));
  }

  /** Starts the class's process unless it runs. */
  @Transactional
  public boolean ensureFor(long classId) {
    return standing.ensureFor(classId);
  }

  /** At start, every class gets its process (off in the tests, which start their own classes'). */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    if (!startAtBoot) {
      return;
    }
    standing.ensureForEach(classes.findAll().stream().map(SchoolClass::getId).toList(), "the term papers of class");
  }

  // -- the process's terms -------------------------------------------------------------------------

  /** The term the class's school is in today, or the next one; empty when the calendar has none. */
  @Transactional(readOnly = true)
  public Optional<Term> termAhead(long classId) {
    try {
      return Optional.of(calendar.termOn(schools.schoolClass(classId).getSchool().getId(), clock.today()));
    } catch (TermCalendar.NoTermException e) {
      return Optional.empty();
    }
  }

  /** The term of the class's school with this id; empty when there is none or it is another school's. */
  @Transactional(readOnly = true)
  public Optional<Term> termOfClass(long classId, Long termId) {
    if (termId == null) {
      return Optional.empty();
    }
    try {
      Term t = calendar.term(termId);
      return t.getSchool().getId().equals(schools.schoolClass(classId).getSchool().getId()) ? Optional.of(t) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  // -- the term's facts ----------------------------------------------------------------------------

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
          childName(k.getBuddyChildId())));
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
    return msg("classplan.figures.sentence", l, f.children(), f.talks(), f.talksOnTime(), f.meetings(), f.visits(), f.calls(),
        f.activities(), f.riskChanges());
  }

  // -- writing -------------------------------------------------------------------------------------

  /** Checks and keeps the class's help plan of the term, with the class's pairings as they stand (one transaction, the task's). */
  @Transactional
  public void writePlan(long classId, long termId, String goals, String activities, String helpNotes, String by, FieldErrors errors) {
    text(errors, "goals", goals, true);
    text(errors, "activities", activities, true);
    text(errors, "helpNotes", helpNotes, false);
    if (plans.findByClassIdAndTermId(classId, termId).isPresent()) {
      errors.reject("goals", "validation.classPlanWritten");
    }
    if (!errors.isEmpty()) {
      return;
    }
    SchoolClass c = schools.schoolClass(classId);
    ClassPlan p = plans.save(new ClassPlan(c.getSchool().getId(), classId, termId, goals.strip(), activities.strip(), blank(helpNotes), by,
        clock.now()));
    for (CareCase k : cases.openCasesOfClass(classId)) {
      if (k.getStatus() != CaseStatus.NOT_ELIGIBLE && k.getChild().getAnonymisedAt() == null) {
        pairings.save(new ClassPlanPairing(p.getId(), k.getChild().getId(), k.getId(), k.getMentor(), k.getBuddyChildId()));
      }
    }
  }

  /** Checks and keeps the class's summary of the term, with the term's figures as they stand. */
  @Transactional
  public void writeSummary(long classId, Term term, String achievements, String problems, String nextSteps, String by, FieldErrors errors) {
    text(errors, "achievements", achievements, true);
    text(errors, "problems", problems, false);
    text(errors, "nextSteps", nextSteps, false);
    if (summaries.findByClassIdAndTermId(classId, term.getId()).isPresent()) {
      errors.reject("achievements", "validation.classSummaryWritten");
    }
    if (!errors.isEmpty()) {
      return;
    }
    SchoolClass c = schools.schoolClass(classId);
    summaries.save(new ClassSummary(c.getSchool().getId(), classId, term.getId(), figures(classId, term), achievements.strip(),
        blank(problems), blank(nextSteps), by, clock.now()));
  }

  private static void text(FieldErrors errors, String key, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.reject(key, "validation.required");
      }
    } else if (value.strip().length() > MAX_TEXT) {
      errors.reject(key, "validation.tooLong", MAX_TEXT);
    }
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  // -- reading -------------------------------------------------------------------------------------

  /** The class's plan and summary of a term as written, names in the reader's language (the class's term file, the supervisors' page). */
  @Transactional(readOnly = true)
  public Papers papers(long classId, long termId, Locale l) {
    PlanView plan = plans.findByClassIdAndTermId(classId, termId).map(p -> {
      List<Pairing> pairs = new ArrayList<>();
      for (ClassPlanPairing x : pairings.findByPlanIdOrderById(p.getId())) {
        pairs.add(new Pairing(x.getChildId(), childName(x.getChildId()), x.getMentor() == null ? "" : schools.teacherName(x.getMentor()),
            childName(x.getBuddyChildId())));
      }
      return new PlanView(p.getGoals(), p.getActivities(), s(p.getHelpNotes()), pairs, schools.teacherName(p.getWrittenBy()),
          date(p.getWrittenAt(), l));
    }).orElse(null);
    SummaryView summary = summaries.findByClassIdAndTermId(classId, termId).map(x -> new SummaryView(x.figures(), x.getAchievements(),
        s(x.getProblems()), s(x.getNextSteps()), schools.teacherName(x.getWrittenBy()), date(x.getWrittenAt(), l))).orElse(null);
    return new Papers(classId, termId, plan, summary);
  }

  /** The children a class's papers of a term name (the plan's pairings): the term archive records them with the file. */
  @Transactional(readOnly = true)
  public Set<Long> childrenNamed(long classId, long termId) {
    Set<Long> out = new LinkedHashSet<>();
    plans.findByClassIdAndTermId(classId, termId).ifPresent(p -> pairings.findByPlanIdOrderById(p.getId()).forEach(x -> {
      out.add(x.getChildId());
      if (x.getBuddyChildId() != null) {
        out.add(x.getBuddyChildId());
      }
    }));
    return out;
  }

  String teacherName(String user) {
    return schools.teacherName(user);
  }

  private String childName(Long childId) {
    if (childId == null) {
      return "";
    }
    try {
      return archive.child(childId).getName();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String date(java.time.Instant at, Locale l) {
    return at.atZone(clock.zone()).toLocalDate().format(DateTimeFormatter.ofPattern(msg("format.date", l), l));
  }

  String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
