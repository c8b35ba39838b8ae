package org.careflow.termreview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The term's end: the class teacher's summary, the supervisor's sign-off (approve, or send back for
 * revision) and, when the calendar lacks the next term, the coordinator's confirmation that it is
 * entered. Completes with the routing flags `outcome` and `signOffApproved`.
 */
@Component
class TermReviewForms implements TaskFormHandler {

  static final List<String> OUTCOMES = List.of("continue", "close", "support");

  private final TermReviewRepository reviews;
  private final CareCases cases;
  private final TermCalendar calendar;
  private final CareClock clock;

  TermReviewForms(TermReviewRepository reviews, CareCases cases, TermCalendar calendar, CareClock clock) {
    this.reviews = reviews;
    this.cases = cases;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("termReview", "termSignOff", "enterTermCalendar");
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    if (!task.taskKey().equals("termReview")) {
      return Map.of();
    }
    CareCase c = cases.careCase(task.caseId());
    return reviews.findByCaseIdAndTermId(c.getId(), c.getTermId()).map(r -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("progress", r.getProgress());
      if (r.getRankBefore() != null) {
        v.put("rankBefore", r.getRankBefore());
      }
      if (r.getRankAfter() != null) {
        v.put("rankAfter", r.getRankAfter());
      }
      v.put("outcome", r.getOutcome());
      v.put("summary", r.getSummary());
      return v;
    }).orElse(Map.of());
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    CareCase c = cases.careCase(task.caseId());
    switch (task.taskKey()) {
      case "termReview" -> {
        if (!OUTCOMES.contains(v.text("outcome"))) {
          errors.reject("outcome", "validation.option");
          return Map.of();
        }
        TermReview r = reviews.findByCaseIdAndTermId(c.getId(), c.getTermId())
            .orElseGet(() -> new TermReview(c.getId(), c.getTermId(), task.user(), clock.now()));
        r.write(v.text("progress"), v.integer("rankBefore"), v.integer("rankAfter"), v.text("outcome"), v.text("summary"),
            task.user(), clock.now());
        reviews.save(r);
        return Map.of("outcome", r.getOutcome());
      }
      case "termSignOff" -> {
        String decision = v.text("decision");
        if (!List.of("approve", "return").contains(decision)) {
          errors.reject("decision", "validation.option");
        }
        if ("return".equals(decision) && v.text("comment") == null) {
          errors.reject("comment", "validation.returnNeedsComment");
        }
        TermReview r = reviews.findByCaseIdAndTermId(c.getId(), c.getTermId()).orElse(null);
        if (r == null) {
          errors.reject("decision", "validation.noReview");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        boolean approved = decision.equals("approve");
        r.signOff(approved, v.text("comment"), task.user(), clock.now());
        if (approved && r.getOutcome().equals("close")) {
          cases.close(c.getId(), "TERM_REVIEW", r.getSummary().length() > 300 ? r.getSummary().substring(0, 300) : r.getSummary());
        }
        return Map.of("signOffApproved", approved, "outcome", r.getOutcome());
      }
      default -> {
        if (calendar.termAfter(calendar.term(c.getTermId())).isEmpty()) {
          errors.reject("calendarEntered", "validation.noNextTerm");
        }
        return Map.of();
      }
    }
  }
}
