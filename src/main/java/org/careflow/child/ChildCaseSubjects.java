package org.careflow.child;

import java.util.Collection;
import java.util.Map;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;

/** Says which child and class a `child-case` task is about: one query for a page of tasks. */
@Component
class ChildCaseSubjects implements TaskSubjects {

  private final CareCases cases;

  ChildCaseSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "child-case";
  }

  @Override
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    return cases.subjectsOf(businessKeys);
  }
}
