package org.careflow.shared;

import java.util.List;

/** A module that keeps records on a child's case adds them to the child's timeline. */
public interface TimelineContributor {
  List<TimelineEntry> entriesForCase(long caseId);
}
