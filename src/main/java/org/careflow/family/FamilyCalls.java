package org.careflow.family;

import java.time.LocalDate;
import java.util.List;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call log (亲情电话) kept by the class teacher and the mentor, and the child's weekly call
 * expectation. Every entry is checked whole before anything is written.
 */
@Service
public class FamilyCalls {

  public static final int MAX_MINUTES = 300;
  public static final int MAX_CALLS_PER_WEEK = 14;

  private final FamilyCallRepository calls;
  private final CallExpectationRepository expectations;
  private final CareCases cases;
  private final CareClock clock;
  private final Audit audit;

  private final ReachedParents reachedParents;

  FamilyCalls(FamilyCallRepository calls, CallExpectationRepository expectations, CareCases cases, CareClock clock, Audit audit,
      ReachedParents reachedParents) {
    this.reachedParents = reachedParents;
    this.calls = calls;
    this.expectations = expectations;
    this.cases = cases;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * What a call log entry says, as typed. {@code reached} is null when the user did not say whether the
   * call got through: the form offers no default (a preselected "got through" invited false records).
   */
  public record Entry(LocalDate date, String kind, String parent, String minutes, Boolean reached, String notes) {}

  /** The class teacher of the child's class and the mentor of its open case write the log (and administrators). */
  static boolean mayWrite(CurrentUser u, Child child, CareCase open) {
    return u.isAdmin() || u.id().equals(child.getSchoolClass().getClassTeacher()) || u.id().equals(open.getMentor());
  }

  @Transactional
  public FamilyCall log(long childId, CurrentUser u, Entry e) {
    CareCase open = openCase(childId, u);
    FieldErrors errors = new FieldErrors();
    FamilyRecords.pastDate(e.date(), "date", errors, clock.today());
    if (e.kind() == null || e.kind().isBlank()) {
      errors.reject("kind", "family.chooseKind");
    } else if (!FamilyRecords.oneOf(e.kind(), FamilyCall.KINDS)) {
      errors.reject("kind", "validation.option");
    }
    if (e.parent() == null || e.parent().isBlank()) {
      errors.reject("parent", "family.chooseParent");
    } else if (!FamilyRecords.oneOf(e.parent(), FamilyCall.PARENTS)) {
      errors.reject("parent", "validation.option");
    }
    if (e.reached() == null) {
      errors.reject("reached", "family.chooseReached");
    }
    boolean reached = Boolean.TRUE.equals(e.reached());
    int minutes = 0;
    String m = e.minutes() == null ? "" : e.minutes().strip();
    if (m.isEmpty()) {
      if (reached) {
        errors.reject("minutes", "validation.required");
      }
    } else if (!m.matches("\\d{1,4}")) {
      errors.reject("minutes", "validation.number");
    } else {
      minutes = Integer.parseInt(m);
      if (e.reached() != null && (reached ? minutes < 1 || minutes > MAX_MINUTES : minutes != 0)) {
        errors.reject("minutes", reached ? "validation.range" : "family.noMinutesWhenNotReached", 1, MAX_MINUTES);
      }
    }
    String notes = e.notes() == null || e.notes().isBlank() ? null : e.notes().strip();
    if (notes != null && notes.length() > 300) {
      errors.reject("notes", "validation.tooLong", 300);
    }
    errors.throwIfAny();
    FamilyCall call = calls.save(new FamilyCall(open.getId(), childId, e.date(), e.kind(), e.parent(), minutes, reached, notes,
        u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, childId, open.getId(), "familyCall");
    if (e.reached()) {
      reachedParents.reached(call, u.id());
    }
    return call;
  }

  @Transactional
  public void expect(long childId, CurrentUser u, String callsPerWeek) {
    openCase(childId, u);
    String s = callsPerWeek == null ? "" : callsPerWeek.strip();
    if (!s.matches("\\d{1,2}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > MAX_CALLS_PER_WEEK) {
      throw org.careflow.shared.InvalidInputException.of("callsPerWeek", "validation.range", 1, MAX_CALLS_PER_WEEK);
    }
    int n = Integer.parseInt(s);
    expectations.findById(childId).ifPresentOrElse(x -> x.set(n, u.id(), clock.now()),
        () -> expectations.save(new CallExpectation(childId, n, u.id(), clock.now())));
    audit.change(u.id(), Audit.RECORD, childId, null, "callExpectation");
  }

  @Transactional(readOnly = true)
  public List<FamilyCall> callsOf(long childId) {
    return calls.findByChildIdOrderByCallDateDescIdDesc(childId);
  }

  /** The child's open case, when the user may write for it; otherwise 404 (as if the child did not exist) or a refusal. */
  private CareCase openCase(long childId, CurrentUser u) {
    List<CareCase> list = cases.casesOfChild(childId);
    CareCase open = list.stream().filter(CareCase::isOpen).findFirst().orElse(null);
    if (list.isEmpty()) {
      throw new NotFoundException("child");
    }
    Child child = list.get(0).getChild();
    if (open == null) {
      if (!org.careflow.child.ChildAccess.maySee(u, child, list)) {
        throw new NotFoundException("child");
      }
      throw org.careflow.shared.InvalidInputException.of("case", "validation.caseNotOpen");
    }
    if (!mayWrite(u, child, open)) {
      throw new NotFoundException("child");
    }
    return open;
  }
}
