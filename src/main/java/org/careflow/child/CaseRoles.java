package org.careflow.child;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works a case's tasks, read from the domain when a task is created (BPMN:
 * {@code ${caseRoles.classTeacherOf(execution)}}: the case is the
 * instance's business key), so a handover of the class or a new mentor needs no
 * change to process variables.
 */
@Component("caseRoles")
@Transactional(readOnly = true)
public class CaseRoles {

  private final CareCases cases;

  public CaseRoles(CareCases cases) {
    this.cases = cases;
  }

  public String classTeacherOf(Object caseId) {
    return cases.careCase(toLong(caseId)).getChild().getSchoolClass().getClassTeacher();
  }

  public String mentorOf(Object caseId) {
    return cases.careCase(toLong(caseId)).getMentor();
  }

  static long toLong(Object id) {
    return org.careflow.shared.BusinessKey.id(id); // the execution (its business key) or, from Java, the id
  }
}
