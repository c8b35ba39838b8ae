package org.careflow.counselling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counselling (心理辅导, issue 17): the counsellor's session records per child and the referrals to them.
 * <ul>
 *   <li>The full record (reason, what was done, follow-up) is read by the counsellors of the child's school
 *       and by whoever wrote it; everyone else who may see the child (ChildAccess) reads only the date and
 *       the summary the counsellor chose to share; other schools nothing (404). Every read is audited.</li>
 *   <li>A referral (from a talk card or the child's page) starts {@code counselling-referral}: a task for the
 *       school's counsellors. A school with no counsellor (many rural schools) gives it to the child's class
 *       teacher and the school's coordinators instead, who may then record the session themselves; the
 *       support plan's writing goes the same way ({@link CounsellingRoles}).</li>
 * </ul>
 */
@Service
public class Counselling {

  public static final String PROCESS_KEY = CounsellingReferralProcess.KEY;
  public static final List<String> SOURCES = List.of("TALK", "CHILD_PAGE");

  private final CounsellingSessionRepository sessions;
  private final CounsellingReferralRepository referrals;
  private final ChildArchive archive;
  private final CareCases cases;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final CareClock clock;
  private final Audit audit;

  Counselling(CounsellingSessionRepository sessions, CounsellingReferralRepository referrals, ChildArchive archive, CareCases cases,
      IdentityService identity, RuntimeService runtime, CareClock clock, Audit audit) {
    this.sessions = sessions;
    this.referrals = referrals;
    this.archive = archive;
    this.cases = cases;
    this.identity = identity;
    this.runtime = runtime;
    this.clock = clock;
    this.audit = audit;
  }

  /** Whether anyone counsels at the school: a member of the school's counsellor group. */
  @Transactional(readOnly = true)
  public boolean schoolHasCounsellor(long schoolId) {
    return identity.createUserQuery().memberOfGroup(Roles.schoolRoleGroup(schoolId, Roles.COUNSELLOR)).count() > 0;
  }

  /** A counsellor who looks after the school. */
  static boolean counsellorOf(CurrentUser u, long schoolId) {
    return u.has(Roles.COUNSELLOR) && u.schools().contains(schoolId);
  }

  /** A session as this reader may see it: the full record, or only the date and the shared summary. */
  public record SessionView(Long id, LocalDate date, boolean full, String reason, String whatWasDone, String followUp,
      String sharedSummary, String counsellor) {}

  /** What the child's counselling page shows this user. */
  public record ChildCounselling(Child child, List<SessionView> sessions, boolean mayRecord, boolean mayRefer,
      boolean schoolHasCounsellor, List<CounsellingReferral> openReferrals) {}

  @Transactional(readOnly = true)
  public ChildCounselling forChild(long childId, CurrentUser u) {
    Child child = visibleChild(childId, u);
    long schoolId = child.getSchoolClass().getSchool().getId();
    List<SessionView> out = new ArrayList<>();
    boolean fullRead = false;
    for (CounsellingSession s : sessions.findByChildIdOrderBySessionDateDescIdDesc(childId)) {
      boolean full = counsellorOf(u, schoolId) || u.id().equals(s.getCounsellor());
      fullRead |= full;
      out.add(full ? new SessionView(s.getId(), s.getSessionDate(), true, s.getReason(), s.getWhatWasDone(), s.getFollowUp(),
          s.getSharedSummary(), s.getCounsellor())
          : new SessionView(s.getId(), s.getSessionDate(), false, null, null, null, s.getSharedSummary(), s.getCounsellor()));
    }
    if (!out.isEmpty()) {
      audit.read(u.id(), childId, null, fullRead ? "counselling records" : "counselling summaries");
    }
    boolean hasCounsellor = schoolHasCounsellor(schoolId);
    List<CounsellingReferral> open = referrals.findByChildIdOrderByIdDesc(childId).stream().filter(r -> r.getHandledAt() == null).toList();
    return new ChildCounselling(child, out, mayRecord(u, child, hasCounsellor), true, hasCounsellor, open);
  }

  /**
   * Whether any session was recorded for the child: no record is read, so no read is audited (the demo's
   * check at every start; it read the records as the counsellor before, one audit entry per start).
   */
  @Transactional(readOnly = true)
  public boolean hasSessions(long childId) {
    return sessions.existsByChildId(childId);
  }

  /** The shared summaries of a child's sessions (for the child's page, whose read is audited there). */
  @Transactional(readOnly = true)
  public List<SessionView> sharedSummaries(long childId) {
    return sessions.findByChildIdOrderBySessionDateDescIdDesc(childId).stream()
        .filter(s -> s.getSharedSummary() != null)
        .map(s -> new SessionView(s.getId(), s.getSessionDate(), false, null, null, null, s.getSharedSummary(), s.getCounsellor()))
        .toList();
  }

  /** The school's counsellors write the records; a school without one: the child's class teacher and the school's coordinators. */
  boolean mayRecord(CurrentUser u, Child child, boolean hasCounsellor) {
    long schoolId = child.getSchoolClass().getSchool().getId();
    if (counsellorOf(u, schoolId)) {
      return true;
    }
    return !hasCounsellor && (u.id().equals(child.getSchoolClass().getClassTeacher())
        || (u.has(Roles.COORDINATOR) && u.schools().contains(schoolId)));
  }

  /** What a session form says, as typed. */
  public record Entry(LocalDate date, String reason, String whatWasDone, String followUp, String sharedSummary) {}

  @Transactional
  public CounsellingSession record(long childId, CurrentUser u, Entry e) {
    Child child = visibleChild(childId, u);
    if (!mayRecord(u, child, schoolHasCounsellor(child.getSchoolClass().getSchool().getId()))) {
      throw new NotFoundException("child");
    }
    CounsellingSession s = save(child, u.id(), e);
    audit.change(u.id(), Audit.RECORD, childId, s.getCaseId(), "counsellingSession");
    return s;
  }

  CounsellingSession save(Child child, String counsellor, Entry e) {
    FieldErrors errors = new FieldErrors();
    if (e.date() == null) {
      errors.reject("date", "validation.required");
    } else if (e.date().isAfter(clock.today())) {
      errors.reject("date", "validation.pastDate");
    }
    String reason = text(e.reason(), "reason", 500, true, errors);
    String done = text(e.whatWasDone(), "whatWasDone", 2000, true, errors);
    String follow = text(e.followUp(), "followUp", 1000, false, errors);
    String shared = text(e.sharedSummary(), "sharedSummary", 500, false, errors);
    errors.throwIfAny();
    Long caseId = openCase(child.getId());
    return sessions.save(new CounsellingSession(child.getId(), caseId, child.getSchoolClass().getSchool().getId(), e.date(), reason, done,
        follow, shared, counsellor, clock.now()));
  }

  /** Refers a child to the counsellor: a referral row and a task in the counsellors' inbox (or the fallback's). */
  @Transactional
  public CounsellingReferral refer(long childId, CurrentUser u, String reason, String source) {
    Child child = visibleChild(childId, u);
    FieldErrors errors = new FieldErrors();
    String r = text(reason, "reason", 500, true, errors);
    if (!SOURCES.contains(source)) {
      errors.reject("source", "validation.option");
    }
    errors.throwIfAny();
    CounsellingReferral ref = referrals.saveAndFlush(new CounsellingReferral(childId, openCase(childId),
        child.getSchoolClass().getSchool().getId(), r, source, u.id(), clock.now()));
    ref.started(runtime.startProcessInstanceByKey(PROCESS_KEY, ref.businessKey()).getId());
    audit.change(u.id(), Audit.RECORD, childId, ref.getCaseId(), "counsellingReferral");
    return ref;
  }

  @org.springframework.context.event.EventListener
  public void talkAsksForCounselling(org.careflow.talk.CounsellingRequested e) {
    referFromTalk(e.caseId(), e.teacher(), e.concerns());
  }

  /** The talk card's box "refer to the counsellor": the class teacher refers the case's child with the talk's concerns. */
  @Transactional
  public CounsellingReferral referFromTalk(long caseId, String teacher, String concerns) {
    CareCase c = cases.careCase(caseId);
    String reason = concerns == null || concerns.isBlank() ? "谈心中发现需要心理辅导" : concerns.strip();
    if (reason.length() > 500) {
      reason = reason.substring(0, 500);
    }
    return refer(c.getChild().getId(), new CurrentUser(teacher, List.of(Roles.TEACHER)), reason, "TALK");
  }

  /** The counsellor's list: the recent sessions and the open referrals of their schools (all for administrators). */
  public record CounsellorList(List<CounsellingSession> sessions, List<CounsellingReferral> openReferrals, Map<Long, String> childNames) {}

  @Transactional(readOnly = true)
  public CounsellorList listFor(CurrentUser u) {
    if (!u.has(Roles.COUNSELLOR) && !u.isAdmin()) {
      throw new org.springframework.security.access.AccessDeniedException("counsellors only");
    }
    List<CounsellingSession> s = u.isAdmin() ? sessions.findTop200ByOrderBySessionDateDescIdDesc()
        : u.schools().isEmpty() ? List.of() : sessions.findTop200BySchoolIdInOrderBySessionDateDescIdDesc(u.schools());
    // an administrator who is no counsellor of the school sees no record's text on the list either
    List<CounsellingSession> mine = s.stream().filter(x -> counsellorOf(u, x.getSchoolId()) || u.id().equals(x.getCounsellor())).toList();
    List<CounsellingReferral> r = u.isAdmin() ? referrals.findByHandledAtIsNullOrderByIdDesc()
        : u.schools().isEmpty() ? List.of() : referrals.findBySchoolIdInAndHandledAtIsNullOrderByIdDesc(u.schools());
    Map<Long, String> names = new java.util.HashMap<>();
    for (Long id : java.util.stream.Stream.concat(mine.stream().map(CounsellingSession::getChildId), r.stream().map(CounsellingReferral::getChildId))
        .distinct().toList()) {
      names.put(id, archive.child(id).getName());
    }
    if (!mine.isEmpty()) {
      audit.read(u.id(), null, null, "counselling list (" + mine.size() + " records)");
    }
    return new CounsellorList(mine, r, names);
  }

  private Child visibleChild(long childId, CurrentUser u) {
    Child child;
    try {
      child = archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
    if (!ChildAccess.maySee(u, child, cases.casesOfChild(childId))) {
      throw new NotFoundException("child");
    }
    return child;
  }

  private Long openCase(long childId) {
    return cases.casesOfChild(childId).stream().filter(CareCase::isOpen).map(CareCase::getId).findFirst().orElse(null);
  }

  static String text(String value, String key, int max, boolean required, FieldErrors errors) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      if (required) {
        errors.reject(key, "validation.required");
      }
      return null;
    }
    if (v.length() > max) {
      errors.reject(key, "validation.tooLong", max);
    }
    return v;
  }

  CounsellingReferral referral(String businessKey) {
    Long id = CounsellingReferral.idOf(businessKey);
    return referrals.findById(id == null ? -1L : id).orElseThrow(() -> new IllegalStateException("no referral " + businessKey));
  }

  /** The referral's task: the counsellor records the session it led to. */
  CounsellingSession handle(String businessKey, String user, Entry e) {
    CounsellingReferral r = referral(businessKey);
    CounsellingSession s = save(archive.child(r.getChildId()), user, e);
    r.handled(clock.now());
    audit.change(user, Audit.RECORD, r.getChildId(), r.getCaseId(), "counsellingSession");
    return s;
  }

  Child child(long childId) {
    return archive.child(childId);
  }
}
