package org.careflow.support;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.careflow.child.CareCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the class teacher talks with a child, from the `talk-cadence` decision (risk level, plan
 * running → WEEKLY or MONTHLY). `child-case` reads the talk's due date and the timer to the next talk
 * here ({@code ${talkCadence.talkDue(execution)}}, {@code ${talkCadence.nextTalkStart(execution)}}); monthly is
 * the calendar month of `careCalendar`, weekly the school week, never past the month's start.
 */
@Component("talkCadence")
@Transactional(readOnly = true)
public class TalkCadence {

  static final String DECISION = "talk-cadence";

  private final DecisionService decisions;
  private final ProcessEngine engine;
  private final CareCalendar calendar;
  private final RiskAssessmentRepository assessments;
  private final SupportPlans plans;

  TalkCadence(DecisionService decisions, ProcessEngine engine, CareCalendar calendar, RiskAssessmentRepository assessments,
      SupportPlans plans) {
    this.decisions = decisions;
    this.engine = engine;
    this.calendar = calendar;
    this.assessments = assessments;
    this.plans = plans;
  }

  /**
   * Whether the case's talks are weekly. Evaluated once per case and transaction (a timer job asks for the
   * talk's due date, for its reminder's and escalation's dates, which repeat the due date, and for the next
   * timer): the answer is kept in the transaction until it ends or one of the decision's inputs changes
   * (a risk assessment or a support plan of the case is written, {@link CadenceInputs}).
   */
  public boolean weekly(Object caseId) {
    long id = SupportPlans.toLong(caseId);
    java.util.Map<Long, Boolean> memo = memo();
    Boolean known = memo == null ? null : memo.get(id);
    if (known != null) {
      return known;
    }
    boolean weekly = evaluate(id);
    if (memo != null) {
      memo.put(id, weekly);
    }
    return weekly;
  }

  private static final Object MEMO = new Object();

  private static java.util.Map<Long, Boolean> memo() {
    return org.careflow.shared.TransactionMemo.of(MEMO);
  }

  /** One of the decision's inputs changed for this case: the transaction evaluates it again when next asked. */
  static void forget(Long caseId) {
    java.util.Map<Long, Boolean> m = caseId == null ? null : org.careflow.shared.TransactionMemo.ifMade(MEMO);
    if (m != null) {
      m.remove(caseId);
    }
  }

  /** Clears the transaction's answer when a risk assessment or support plan of the case is written (JPA entity listener). */
  public static class CadenceInputs {
    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostUpdate
    @jakarta.persistence.PostRemove
    void changed(Object entity) {
      if (entity instanceof RiskAssessment a) {
        forget(a.getCaseId());
      } else if (entity instanceof SupportPlan p) {
        forget(p.getCaseId());
      }
    }
  }

  /** A version of the decision and its two inputs. */
  private record Inputs(String decisionId, String riskLevel, boolean planRunning) {}

  /**
   * The answers of each deployed version of the decision by its inputs: a decision table is a function of
   * its inputs, and the inputs have a handful of values, so the engine evaluates each combination once per
   * version (a redesigned decision is a new version, hence a new key) instead of at every timer job.
   */
  private final Map<Inputs, Boolean> answers = new ConcurrentHashMap<>();

  private boolean evaluate(long id) {
    String level = assessments.findFirstByCaseIdOrderByIdDesc(id).map(RiskAssessment::getRiskLevel).orElse("LOW");
    boolean planRunning = plans.isRunning(id);
    String decisionId = latestVersion();
    return answers.computeIfAbsent(new Inputs(decisionId, level, planRunning), in -> "WEEKLY".equals(
        decisions.evaluateDecisionTableById(in.decisionId(), Map.of("riskLevel", in.riskLevel(), "planRunning", in.planRunning()))
            .getSingleResult().getEntry("cadence")));
  }

  /**
   * The id of the decision's latest version, as the evaluation by key found it (one statement; the engine
   * does not cache which version is the latest), read by the engine itself, so that no user's permissions
   * on decisions come into it.
   */
  private String latestVersion() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(ctx -> ctx.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(DECISION).getId());
  }

  public Date talkDue(Object caseId) {
    return weekly(caseId) ? calendar.weekDue(caseId) : calendar.monthDue(caseId);
  }

  public Date nextTalkStart(Object caseId) {
    Date month = calendar.nextMonthStart(caseId);
    if (!weekly(caseId)) {
      return month;
    }
    Date week = calendar.nextWeekStart(caseId);
    return week.before(month) ? week : month;
  }
}
