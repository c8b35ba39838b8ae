package org.careflow.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.careflow.child.CareCases;
import org.careflow.shared.CareClock;
import org.careflow.talk.TalkFacts;
import org.careflow.termreview.TermReviewFacts;
import org.springframework.stereotype.Component;

/**
 * The inputs of the `risk-level` decision, read from the records (talk cards, term reviews, home
 * visits, the archive, the parents' contact). As the start listener of a business rule task it puts them
 * into the execution as transient variables: the decision sees them, nothing of them is stored in the
 * engine (the assessment row keeps a copy).
 */
@Component("riskInputs")
public class RiskInputs implements ExecutionListener {

  static final String SUMMARY = "riskInputsSummary";
  private static final Set<String> LOW_MOODS = Set.of("LOW", "ANXIOUS", "ANGRY");

  private final TalkFacts talkFacts;
  private final TermReviewFacts reviewFacts;
  private final CareCases cases;
  private final ParentContact parentContact;
  private final CareClock clock;
  private final jakarta.persistence.EntityManager entities;

  RiskInputs(TalkFacts talkFacts, TermReviewFacts reviewFacts, CareCases cases, ParentContact parentContact, CareClock clock,
      jakarta.persistence.EntityManager entities) {
    this.entities = entities;
    this.talkFacts = talkFacts;
    this.reviewFacts = reviewFacts;
    this.cases = cases;
    this.parentContact = parentContact;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long caseId = org.careflow.shared.BusinessKey.of(execution);
    entities.flush(); // the record just written (a rewritten term review is an update) must be visible to the facts' SQL
    Map<String, Object> in = of(caseId);
    in.forEach((k, v) -> execution.setVariableLocal(k, v instanceof Integer i
        ? Variables.integerValue(i, true) : Variables.stringValue((String) v, true)));
    execution.setVariableLocal(SUMMARY, Variables.stringValue(summary(in), true));
  }

  static String summary(Map<String, Object> in) {
    StringBuilder s = new StringBuilder();
    in.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }

  /** Every input of the decision, never null (0 or "" when the records say nothing). */
  public Map<String, Object> of(long caseId) {
    List<TalkFacts.Talk> talks = talkFacts.latestTalks(caseId, 3);
    int lowMoods = 0;
    int withConcerns = 0;
    for (TalkFacts.Talk t : talks) {
      if (LOW_MOODS.contains(String.valueOf(t.mood()))) {
        lowMoods++;
      }
      if (t.concerns() != null && !t.concerns().isBlank()) {
        withConcerns++;
      }
    }
    TalkFacts.Absences absences = talkFacts.absencesSince(caseId, clock.today().minusDays(90));
    Integer guardianAge = cases.careCase(caseId).getChild().getGuardianAge();

    Map<String, Object> in = new LinkedHashMap<>();
    in.put("lowMoodTalks", lowMoods);
    in.put("latestMood", talks.isEmpty() ? "" : String.valueOf(talks.get(0).mood()));
    in.put("talksWithConcerns", withConcerns);
    in.put("rankDrop", reviewFacts.latestRankChange(caseId).orElse(0));
    in.put("incidents", absences.incidents());
    in.put("daysMissed", absences.daysMissed());
    in.put("guardianAge", guardianAge == null ? 0 : guardianAge);
    in.put("guardianHealth", talkFacts.latestGuardianHealth(caseId).orElse(""));
    in.put("weeksWithoutContact", parentContact.weeksWithoutContact(caseId));
    return in;
  }
}
