package org.careflow.absence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.school.SchoolClass;
import org.careflow.shared.BusinessKey;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskSubjects;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.talk.AbsenceReported;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 劝返: a talk card reporting at least {@code careflow.absence.follow-up-days} days missed (default 3) starts
 * process {@value #PROCESS_KEY} for the child's case, unless one is open already; its task {@value #TASK_KEY}
 * asks the class teacher to find out why and record it. The beans of the model take the follow-up from the
 * business key {@code absence-<id>}. An outcome of {@code DROPPED_OUT} (辍学) or {@code TRANSFERRED} closes the
 * case with that reason in the task's transaction.
 */
@Component("absenceCalendar")
public class AbsenceFollowUps implements TaskFormHandler, CaseScopes, TaskSubjects, TimelineContributor {

  public static final String PROCESS_KEY = AbsenceFollowUpProcess.KEY;
  public static final String TASK_KEY = AbsenceFollowUpProcess.TASK_FIND_OUT;
  static final String PREFIX = "absence-";
  static final List<String> REASONS = List.of("ILLNESS", "FAMILY", "WORK", "STUDY", "BULLYING", "WITH_PARENTS", "UNKNOWN", "OTHER");
  static final List<String> OUTCOMES = List.of("RETURNED", "PERSUADED", "STILL_ABSENT", "TRANSFERRED", "DROPPED_OUT");
  /** The days the class teacher has to find out. */
  static final int DAYS_TO_FIND_OUT = 3;

  /** A follow-up as the statistics list it. */
  public record FollowUp(long id, long caseId, long childId, long classId, int daysMissed, LocalDate reportedOn, String status, String reason,
      String reasonText, String outcome) {}

  private final AbsenceFollowUpRepository followUps;
  private final CareCases cases;
  private final CaseLifecycle lifecycle;
  private final RuntimeService runtime;
  private final CareClock clock;
  private final int followUpDays;

  AbsenceFollowUps(AbsenceFollowUpRepository followUps, CareCases cases, CaseLifecycle lifecycle, RuntimeService runtime, CareClock clock,
      @Value("${careflow.absence.follow-up-days:3}") int followUpDays) {
    this.followUps = followUps;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.runtime = runtime;
    this.clock = clock;
    this.followUpDays = Math.max(1, followUpDays);
  }

  public static String businessKey(long followUpId) {
    return PREFIX + followUpId;
  }

  static Optional<Long> idOf(String businessKey) {
    if (businessKey == null || !businessKey.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return BusinessKey.parse(businessKey.substring(PREFIX.length()));
  }

  private AbsenceFollowUp followUp(Object executionOrKey) {
    String key = executionOrKey instanceof VariableScope s ? BusinessKey.keyOf(s) : String.valueOf(executionOrKey);
    long id = idOf(key).orElseThrow(() -> new IllegalStateException("not a follow-up's business key: " + key));
    return followUps.findById(id).orElseThrow(() -> new IllegalStateException("no follow-up " + id));
  }

  // -- starting ------------------------------------------------------------------------------------------

  /** The talk card's days missed, in its writing transaction: enough of them, and no follow-up open, start one. */
  @EventListener
  @Transactional
  public void onAbsence(AbsenceReported e) {
    if (e.daysMissed() < followUpDays || followUps.existsByCaseIdAndStatus(e.caseId(), "OPEN")) {
      return;
    }
    CareCase k = cases.careCase(e.caseId());
    if (!k.isOpen()) {
      return;
    }
    SchoolClass c = k.getChild().getSchoolClass();
    AbsenceFollowUp f = followUps.save(new AbsenceFollowUp(k.getId(), k.getChild().getId(), c.getId(), c.getSchool().getId(), e.daysMissed(),
        e.talkDate(), clock.now()));
    runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(f.getId()));
  }

  // -- the model's beans (${absenceCalendar.classTeacherOf(execution)}) ---------------------------------------

  @Transactional(readOnly = true)
  public String classTeacherOf(Object execution) {
    return cases.careCase(followUp(execution).getCaseId()).getChild().getSchoolClass().getClassTeacher();
  }

  public Date due(Object execution) {
    return clock.endOf(clock.today().plusDays(DAYS_TO_FIND_OUT));
  }

  // -- the task ---------------------------------------------------------------------------------------------

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_KEY);
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    AbsenceFollowUp f = followUp(task.businessKey());
    String reason = v.text("reason");
    String text = v.text("reasonText") == null ? null : v.text("reasonText").strip();
    String outcome = v.text("outcome");
    if (!REASONS.contains(reason)) {
      errors.reject("reason", "validation.option");
    }
    if ("OTHER".equals(reason) && (text == null || text.isEmpty())) {
      errors.reject("reasonText", "validation.absenceReasonText");
    }
    if (text != null && text.length() > 500) {
      errors.reject("reasonText", "validation.tooLong", 500);
    }
    if (!OUTCOMES.contains(outcome)) {
      errors.reject("outcome", "validation.option");
    }
    if (!errors.isEmpty()) {
      return Map.of();
    }
    f.record(reason, text == null || text.isEmpty() ? null : text, outcome, task.user(), clock.now());
    if (("DROPPED_OUT".equals(outcome) || "TRANSFERRED".equals(outcome)) && cases.careCase(f.getCaseId()).isOpen()) {
      lifecycle.close(f.getCaseId(), outcome, text == null || text.isEmpty() ? null : (text.length() > 300 ? text.substring(0, 300) : text),
          task.user());
    }
    return Map.of("outcome", outcome);
  }

  // -- reading ------------------------------------------------------------------------------------------------

  /** A school's follow-ups reported within these days (both included), oldest first: the statistics list them. */
  @Transactional(readOnly = true)
  public List<FollowUp> ofSchool(long schoolId, LocalDate from, LocalDate to) {
    List<FollowUp> out = new ArrayList<>();
    for (AbsenceFollowUp f : followUps.findBySchoolIdAndReportedOnBetweenOrderByReportedOn(schoolId, from, to)) {
      out.add(new FollowUp(f.getId(), f.getCaseId(), f.getChildId(), f.getClassId(), f.getDaysMissed(), f.getReportedOn(), f.getStatus(),
          f.getReason(), f.getReasonText(), f.getOutcome()));
    }
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (AbsenceFollowUp f : followUps.findByCaseIdOrderByIdDesc(caseId)) {
      List<TimelineEntry.Detail> d = new ArrayList<>();
      d.add(new TimelineEntry.Detail("record.daysMissed", Integer.toString(f.getDaysMissed())));
      if (f.getReason() != null) {
        d.add(new TimelineEntry.Detail("record.absenceReason", "absenceReason:" + f.getReason()));
      }
      if (f.getReasonText() != null) {
        d.add(new TimelineEntry.Detail("record.absenceReasonText", f.getReasonText()));
      }
      if (f.getOutcome() != null) {
        d.add(new TimelineEntry.Detail("record.absenceOutcome", "absenceOutcome:" + f.getOutcome()));
      }
      java.time.Instant at = f.getRecordedAt() != null ? f.getRecordedAt() : f.getCreatedAt();
      out.add(new TimelineEntry(java.time.LocalDateTime.ofInstant(at, clock.zone()), "timeline.absenceFollowUp", f.getRecordedBy(), d));
    }
    return out;
  }

  // -- scope and subject: the child's case ---------------------------------------------------------------------

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    return idOf(businessKey).flatMap(followUps::findById).map(f -> {
      CareCase k = cases.careCase(f.getCaseId());
      return new Scope(k.getChild().getSchoolClass().getId(), k.getChild().getSchoolClass().getSchool().getId(), k.getMentor(), k.getChild().getId());
    });
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    Map<String, Subject> out = new HashMap<>();
    for (String key : businessKeys) {
      idOf(key).flatMap(followUps::findById).ifPresent(f -> {
        CareCase k = cases.careCase(f.getCaseId());
        SchoolClass c = k.getChild().getSchoolClass();
        out.put(key, new Subject(k.getChild().getName(), c.getName(), c.getId(), k.getChild().getId()));
      });
    }
    return out;
  }
}
