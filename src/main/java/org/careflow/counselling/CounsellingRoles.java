package org.careflow.counselling;

import java.util.List;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.identity.Roles;
import org.careflow.shared.BusinessKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is offered counselling work (BPMN: {@code camunda:candidateGroups="${counsellingRoles.referralGroups(execution)}"}):
 * the school's counsellors; in a school with no counsellor the school's coordinators and the child's class teacher
 * (篇4/18 have the class teacher write the 个别教育管理方案). The role groups are offered school by school
 * (identity.ScopedAccessPlugin). Read when the task is created: a counsellor appointed later takes the next one.
 */
@Component("counsellingRoles")
@Transactional(readOnly = true)
public class CounsellingRoles {

  private final Counselling counselling;
  private final CareCases cases;

  CounsellingRoles(Counselling counselling, CareCases cases) {
    this.counselling = counselling;
    this.cases = cases;
  }

  /** A referral's task ({@code counselling-referral}, business key {@code referral-<id>}). */
  public List<String> referralGroups(Object execution) {
    return groups(referralChild(execution));
  }

  public List<String> referralUsers(Object execution) {
    return users(referralChild(execution));
  }

  /** The support plan's writing ({@code support-plan}, business key = the case id). */
  public List<String> planWriterGroups(Object execution) {
    return groups(caseChild(execution));
  }

  public List<String> planWriterUsers(Object execution) {
    return users(caseChild(execution));
  }

  private List<String> groups(Child child) {
    return counselling.schoolHasCounsellor(child.getSchoolClass().getSchool().getId()) ? List.of(Roles.COUNSELLOR) : List.of(Roles.COORDINATOR);
  }

  private List<String> users(Child child) {
    String teacher = child.getSchoolClass().getClassTeacher();
    return counselling.schoolHasCounsellor(child.getSchoolClass().getSchool().getId()) || teacher == null ? List.of() : List.of(teacher);
  }

  private Child referralChild(Object execution) {
    String key = BusinessKey.keyOf(execution);
    return counselling.child(counselling.referral(key).getChildId());
  }

  private Child caseChild(Object execution) {
    return cases.careCase(BusinessKey.id(execution)).getChild();
  }
}
