package org.careflow.classplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careflow.school.Term;
import org.springframework.stereotype.Component;

/**
 * {@code ${classTermFinder}}: the term the class's papers are for next (the one the school is in today, or
 * the next of the calendar), as {@code termId}; {@code hasTerm} false when the calendar has no term ahead
 * yet, or only the one just done.
 */
@Component("classTermFinder")
class FindTermDelegate implements JavaDelegate {

  private final ClassTermPapers papers;

  FindTermDelegate(ClassTermPapers papers) {
    this.papers = papers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object before = execution.getVariable("termId");
    Term t = papers.termAhead(ClassTermPapers.KEYS.idOf(execution)).orElse(null);
    boolean found = t != null && (before == null || !before.toString().equals(t.getId().toString()));
    execution.setVariable("hasTerm", found);
    if (found) {
      execution.setVariable("termId", t.getId());
    }
  }
}
