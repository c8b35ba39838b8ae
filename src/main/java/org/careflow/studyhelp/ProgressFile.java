package org.careflow.studyhelp;

import java.time.LocalDate;
import org.careflow.child.Child;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helper's side of a plan: the child's progress file (进步档案) and the check of the plan's effect at the
 * term's end. Written by the plan's helper while it runs, or by those who arrange it; each entry one
 * transaction, audited with the child.
 */
@Service
public class ProgressFile {

  private final StudyHelp help;
  private final StudyProgressRepository progress;
  private final Audit audit;
  private final CareClock clock;

  ProgressFile(StudyHelp help, StudyProgressRepository progress, Audit audit, CareClock clock) {
    this.help = help;
    this.progress = progress;
    this.audit = audit;
    this.clock = clock;
  }

  /** An entry of the progress file. */
  @Transactional
  public StudyProgress progress(CurrentUser u, long planId, LocalDate date, String improved) {
    StudyHelpPlan p = writable(u, planId);
    FieldErrors errors = new FieldErrors();
    if (date == null) {
      errors.reject("date", "validation.date");
    } else if (date.isAfter(clock.today())) {
      errors.reject("date", "validation.pastDate");
    } else if (date.isBefore(clock.today().minusDays(366))) {
      errors.reject("date", "validation.tooOld", 366);
    }
    String text = errors.text("improved", improved, 500, true);
    errors.throwIfAny();
    StudyProgress e = progress.save(new StudyProgress(p.getId(), p.getChildId(), date, text, u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study progress");
    return e;
  }

  /** The check of the plan's effect (at the term's end; it may be corrected later). */
  @Transactional
  public void checkEffect(CurrentUser u, long planId, String effect, String note) {
    StudyHelpPlan p = writable(u, planId);
    FieldErrors errors = new FieldErrors();
    if (effect == null || !StudyHelp.EFFECTS.contains(effect)) {
      errors.reject("effect", "validation.option");
    }
    String text = errors.text("note", note, 500, false);
    errors.throwIfAny();
    p.checkEffect(effect, text, u.id(), clock.now());
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study-help effect");
  }

  private StudyHelpPlan writable(CurrentUser u, long planId) {
    StudyHelpPlan p = help.plan(planId);
    Child child = help.child(p.getChildId());
    boolean mine = p.getTeacher().equals(u.id());
    if (!(mine && p.isActive()) && !StudyHelp.mayArrange(u, child)) {
      throw new NotFoundException("plan");
    }
    if (!p.isActive()) {
      FieldErrors errors = new FieldErrors();
      errors.reject("plan", "studyHelp.planEnded");
      errors.throwIfAny();
    }
    return p;
  }
}
