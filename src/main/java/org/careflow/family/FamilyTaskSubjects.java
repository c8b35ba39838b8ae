package org.careflow.family;

import java.util.Collection;
import java.util.Map;
import org.careflow.child.CareCases;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;

/** Which child and class a `family-ties` task is about (its business key is the case id, as in `child-case`). */
@Component
class FamilyTaskSubjects implements TaskSubjects {

  private final CareCases cases;

  FamilyTaskSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return FamilyTiesProcess.KEY;
  }

  @Override
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    return cases.subjectsOf(businessKeys);
  }
}
