package org.careflow.enrolment;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and closes children's cases: the one place outside delegates that starts `child-case` or
 * sends it the close message. Domain rows and engine state change in the same transaction.
 */
@Service
public class CaseLifecycle {

  private final ChildArchive archive;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final RuntimeService runtime;
  private final org.careflow.identity.Audit audit;

  public CaseLifecycle(ChildArchive archive, CareCases cases, SchoolDirectory schools, RuntimeService runtime,
      org.careflow.identity.Audit audit) {
    this.audit = audit;
    this.archive = archive;
    this.cases = cases;
    this.schools = schools;
    this.runtime = runtime;
  }

  /** A child from the class roster (name and class only) gets a case; the class teacher then registers them. */
  @Transactional
  public CareCase enrol(String childName, long classId, String actor) {
    SchoolClass schoolClass = schools.schoolClass(classId);
    Child child = archive.enlist(childName, schoolClass, actor);
    return start(child.getId(), actor);
  }

  /** Starts a case for a child already in the archive. */
  @Transactional
  public CareCase start(long childId, String actor) {
    CareCase c = cases.open(childId, actor);
    runtime.startProcessInstanceByKey(ChildCaseProcess.KEY, c.getId().toString(),
        Map.of(ChildCaseProcess.VAR_CASE_ID, c.getId()));
    return c;
  }

  /** Closes a case early (parents returned, child transferred, graduated): records why, then ends the process. */
  @Transactional
  public void close(long caseId, String reason, String note) {
    close(caseId, reason, note, "system");
  }

  @Transactional
  public void close(long caseId, String reason, String note, String actor) {
    cases.close(caseId, reason, note);
    audit.change(actor, org.careflow.identity.Audit.CLOSE_CASE, cases.careCase(caseId).getChild().getId(), caseId, reason);
    runtime.createMessageCorrelation(ChildCaseProcess.MESSAGE_CLOSE)
        .processInstanceBusinessKey(Long.toString(caseId))
        .correlateAllWithResult();
  }
}
