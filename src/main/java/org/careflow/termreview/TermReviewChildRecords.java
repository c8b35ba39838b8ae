package org.careflow.termreview;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The term reviews in a child's file (privacy.ChildFile). */
@Component
class TermReviewChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perCase("cf_term_review", "progress!", "summary!", "sign_off_comment"));
  }
}
