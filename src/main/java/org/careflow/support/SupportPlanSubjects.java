package org.careflow.support;

import java.util.Collection;
import java.util.Map;
import org.careflow.child.CareCases;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;

/** A `support-plan` task is about the child of its case (business key = case id), as a case task is. */
@Component
class SupportPlanSubjects implements TaskSubjects {

  private final CareCases cases;

  SupportPlanSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "support-plan";
  }

  @Override
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    return cases.subjectsOf(businessKeys);
  }
}
