package org.careflow.classplan;

import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.CaseStatus;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class teacher writes the term papers: the help plan (with the class's pairings as they stand) and the
 * summary (with the term's figures as they stand), each checked and kept once, in the task's transaction.
 */
@Component
class PaperWriting {

  static final int MAX_TEXT = 2000;

  private final ClassPlanRepository plans;
  private final ClassPlanPairingRepository pairings;
  private final ClassSummaryRepository summaries;
  private final SchoolDirectory schools;
  private final CareCases cases;
  private final ClassTermFigures figures;
  private final CareClock clock;

  PaperWriting(ClassPlanRepository plans, ClassPlanPairingRepository pairings, ClassSummaryRepository summaries, SchoolDirectory schools,
      CareCases cases, ClassTermFigures figures, CareClock clock) {
    this.plans = plans;
    this.pairings = pairings;
    this.summaries = summaries;
    this.schools = schools;
    this.cases = cases;
    this.figures = figures;
    this.clock = clock;
  }

  /** Checks and keeps the class's help plan of the term, with the class's pairings as they stand (one transaction, the task's). */
  @Transactional
  void writePlan(long classId, long termId, String goals, String activities, String helpNotes, String by, FieldErrors errors) {
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
  void writeSummary(long classId, Term term, String achievements, String problems, String nextSteps, String by, FieldErrors errors) {
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
    summaries.save(new ClassSummary(c.getSchool().getId(), classId, term.getId(), figures.figures(classId, term), achievements.strip(),
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
}
