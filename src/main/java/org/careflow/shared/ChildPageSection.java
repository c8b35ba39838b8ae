package org.careflow.shared;

import java.util.List;
import java.util.Map;

/**
 * A section of the child's page contributed by another module (activities, counselling, study help,
 * carers …): a bean implementing this interface is found by the child's page, asked for its data
 * after the page has checked that the user may see the child (and audited the read), and its
 * template fragment {@code section} is inserted, folded, in {@link #order()} after the summary card.
 * The fragment reads its data from the model under the names {@link #fill} puts there (use a prefix
 * of the module's name, e.g. {@code activities}).
 */
public interface ChildPageSection {

  /** The Thymeleaf template holding a fragment {@code th:fragment="section"}, e.g. "activities/child-section". */
  String template();

  /** Where it goes: the records are at 100, the archive at 200, the change log at 300. */
  int order();

  /** Puts the section's data into the model; {@code caseIds} are the child's cases, newest first. */
  void fill(long childId, List<Long> caseIds, Map<String, Object> model);
}
