package org.careflow.activity;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The child's page lists the activities the child took part in ({@code activity/child :: activities}),
 * through this bean: the page has already checked that the user may see the child and audited the read.
 */
@Component("childActivities")
public class ChildActivities {

  private final ActivityRegister register;

  ChildActivities(ActivityRegister register) {
    this.register = register;
  }

  public List<ActivityRegister.ChildActivity> of(long childId) {
    return register.ofChild(childId);
  }
}
