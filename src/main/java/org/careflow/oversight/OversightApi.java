package org.careflow.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight figures for other tools (HTTP Basic, stateless; roles supervisor, coordinator and
 * camunda-admin, see identity.SecurityConfig), each for their own schools ({@link #scope}).
 */
@RestController
@RequestMapping("/api/oversight")
class OversightApi {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final OversightQueries queries;
  private final MessageSource messages;

  OversightApi(OversightQueries queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
  }

  /**
   * The schools whose figures a user sees: all for an administrator, else their {@code school-<id>}
   * groups (a supervisor or coordinator in no school's group sees empty figures).
   */
  static java.util.Set<Long> scope(org.springframework.security.core.Authentication auth) {
    org.careflow.identity.CurrentUser u = org.careflow.identity.CurrentUser.of(auth);
    return u.isAdmin() ? null : u.schools();
  }

  /** {@code [{"group", "overdue", "dueSoon", "buckets": {"1-7", "8-30", ">30"}}]}. */
  @GetMapping("/overdue")
  List<Map<String, Object>> overdue(@RequestParam(defaultValue = "class") String groupBy,
      org.springframework.security.core.Authentication auth) {
    return queries.overdue(OversightQueries.GroupBy.parse(groupBy), Scope.of(scope(auth))).stream().map(OversightApi::json).toList();
  }

  static Map<String, Object> json(OversightQueries.GroupRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", r.label().isEmpty() ? r.key() : r.label());
    m.put("key", r.key());
    m.put("overdue", r.counts().overdue());
    m.put("dueSoon", r.counts().dueSoon());
    Map<String, Object> buckets = new LinkedHashMap<>();
    buckets.put("1-7", r.counts().days1to7());
    buckets.put("8-30", r.counts().days8to30());
    buckets.put(">30", r.counts().over30());
    m.put("buckets", buckets);
    return m;
  }

  @GetMapping("/targets")
  Map<String, Object> targets(@RequestParam(required = false) Long term, org.springframework.security.core.Authentication auth) {
    Scope inScope = Scope.of(scope(auth));
    OversightQueries.Targets t = queries.targets(term, inScope);
    OversightQueries.Retention retention = queries.retention(t.term(), inScope);
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> termJson = new LinkedHashMap<>();
    termJson.put("id", t.term().id());
    termJson.put("name", t.term().name());
    termJson.put("start", t.term().start().toString());
    termJson.put("end", t.term().end().toString());
    m.put("term", termJson);
    m.put("archiveRate", t.archiveRate());
    m.put("pairingRate", t.pairingRate());
    m.put("onTimeTalkRate", t.onTimeTalkRate());
    m.put("enrolmentRate", retention.enrolmentRate());
    m.put("retentionRate", retention.retentionRate());
    m.put("guardianMeetingsHeld", t.guardianMeetingsHeld());
    m.put("atRiskWithPlan", t.atRiskWithPlan());
    m.put("atRiskWithoutPlan", t.atRiskWithoutPlan());
    m.put("cases", t.cases());
    m.put("activeCases", t.activeCases());
    m.put("talkByMonth", t.talkByMonth().stream().map(r -> Map.of("month", r.month(), "activeCases", r.activeCases(),
        "withTalk", r.withTalk(), "onTime", r.onTime(), "onTimeRate", Math.round(r.onTimeRate() * 10000) / 10000.0)).toList());
    m.put("missed", Map.of("talkMonths", t.missed().talkMonths(), "checkInWeeks", t.missed().checkInWeeks(),
        "guardianMeetings", t.missed().guardianMeetings(), "unverifiedArchives", t.missed().unverifiedArchives()));
    return m;
  }

  @GetMapping("/overdue.xlsx")
  ResponseEntity<byte[]> overdueWorkbook(@RequestParam(defaultValue = "class") String groupBy,
      org.springframework.security.core.Authentication auth) throws IOException {
    OversightQueries.GroupBy g = OversightQueries.GroupBy.parse(groupBy);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OverdueWorkbook.write(g, queries.overdue(g, Scope.of(scope(auth))), out);
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("overdue-" + g.name().toLowerCase() + ".xlsx").build().toString())
        .body(out.toByteArray());
  }

  /** The term's targets, talks per month, missed obligations and open escalations as a workbook (one sheet each). */
  @GetMapping("/targets.xlsx")
  ResponseEntity<byte[]> targetsWorkbook(@RequestParam(required = false) Long term, org.springframework.security.core.Authentication auth)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Scope scope = Scope.of(scope(auth));
    OversightQueries.Targets t = queries.targets(term, scope);
    List<OversightQueries.OpenEscalation> escalations = queries.openEscalations(10_000, scope);
    OverdueWorkbook.writeTargets(t, escalations, queries.teacherNames(escalations.stream().map(OversightQueries.OpenEscalation::assignee)
        .filter(a -> a != null && !a.isEmpty()).distinct().toList()), queries.zone(), out);
    return OversightController.xlsx("targets-" + t.term().id() + ".xlsx", out);
  }
}
