package org.careflow.classplan;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** Who helps whom in a class's help plan names the child (privacy.ChildFile). */
@Component
class ClassPlanChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perChild("cf_class_plan_pairing")
        .kept("the child's place in the class's plan (mentor and buddy ids): no free text; names are read when shown"));
  }
}
