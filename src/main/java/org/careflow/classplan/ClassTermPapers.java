package org.careflow.classplan;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.ChildArchive;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.KeyPrefix;
import org.careflow.shared.StandingProcess;
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
 * (talks held and held on time, guardian meetings, home visits, calls, activities, risk-level changes):
 * {@link ClassTermFigures}. The teacher's writing is {@link PaperWriting}'s; this class keeps the process
 * and reads the papers as written.
 */
@Service
public class ClassTermPapers {

  public static final String PROCESS_KEY = ClassTermPapersProcess.KEY;
  public static final String PLAN_TASK = ClassTermPapersProcess.TASK_PLAN;
  public static final String SUMMARY_TASK = ClassTermPapersProcess.TASK_SUMMARY;
  /** The business keys {@code classterm-<id>} of the classes' processes. */
  public static final KeyPrefix KEYS = new KeyPrefix("classterm-", "class");
  /** The summary's task comes this many days before the term's last day. */
  static final int SUMMARY_DAYS_BEFORE_END = 14;

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
  private final ChildArchive archive;
  private final MessageSource messages;
  private final CareClock clock;
  private final boolean startAtBoot;
  private final StandingProcess standing;

  ClassTermPapers(RuntimeService runtime, ClassPlanRepository plans, ClassPlanPairingRepository pairings, ClassSummaryRepository summaries,
      SchoolDirectory schools, SchoolClassRepository classes, TermCalendar calendar, ChildArchive archive, MessageSource messages,
      CareClock clock, @Value("${careflow.class-plans.start-at-boot:true}") boolean startAtBoot) {
    this.plans = plans;
    this.pairings = pairings;
    this.summaries = summaries;
    this.schools = schools;
    this.classes = classes;
    this.calendar = calendar;
    this.archive = archive;
    this.messages = messages;
    this.clock = clock;
    this.startAtBoot = startAtBoot;
    this.standing = new StandingProcess(runtime, PROCESS_KEY, KEYS.prefix());
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

  /** A child's name, or "" for none (or one no longer in the archive). */
  String childName(Long childId) {
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
