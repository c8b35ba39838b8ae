package org.careflow.activity;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The child's page lists the activities the child took part in ({@code activity/child :: activities}),
 * through this bean: the page has already checked that the user may see the child and audited the read.
 */
@Component("childActivities")
public class ChildActivities {

  private final Activities activities;

  ChildActivities(Activities activities) {
    this.activities = activities;
  }

  public List<Activities.ChildActivity> of(long childId) {
    return activities.ofChild(childId);
  }
}
