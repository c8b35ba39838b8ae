package org.careflow.oversight;

import java.sql.Timestamp;
import java.util.Objects;
import org.careflow.pairing.MentorAssigned;
import org.careflow.pairing.MentorPairing;
import org.careflow.talk.ArchiveVerified;
import org.careflow.talk.HomeVisits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Oversight's own copy of the mentor assignments ({@code cf_dash_pairing}) and of the visits that verified an
 * archive ({@code cf_dash_verified}), from which the case summary takes a case's pairing date and whether it
 * is verified ({@link DashUpserts#CASE_VALUES}). Kept from pairing's {@link MentorAssigned} and talk's
 * {@link ArchiveVerified} in their transactions (the case's summary row is refreshed before that transaction
 * commits); filled afresh from {@code MentorPairing} and {@code HomeVisits} when the summary is rebuilt.
 */
@Component
class PairingsAndVisits {

  private static final String INSERT_PAIRING = "INSERT INTO cf_dash_pairing (pairing_id, case_id, paired_at) VALUES (?, ?, ?)";
  private static final String INSERT_VERIFIED = "INSERT INTO cf_dash_verified (visit_id, case_id) VALUES (?, ?)";

  private final JdbcTemplate jdbc;
  private final OpenWorkWriter writer;
  /** Lazily: both modules' beans are used by the engine, whose plugin {@link OpenWork} reaches this bean. */
  private final ObjectProvider<MentorPairing> pairings;
  private final ObjectProvider<HomeVisits> visits;

  PairingsAndVisits(JdbcTemplate jdbc, OpenWorkWriter writer, ObjectProvider<MentorPairing> pairings, ObjectProvider<HomeVisits> visits) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.pairings = pairings;
    this.visits = visits;
  }

  @EventListener
  void assigned(MentorAssigned a) {
    jdbc.update(INSERT_PAIRING, a.pairingId(), a.caseId(), Timestamp.from(a.assignedAt()));
    writer.refreshBeforeCommit(a.caseId());
  }

  @EventListener
  void verified(ArchiveVerified v) {
    jdbc.update(INSERT_VERIFIED, v.visitId(), v.caseId());
    writer.refreshBeforeCommit(v.caseId());
  }

  /** Every assignment and verification, afresh (in the rebuild's transaction, before the case summary). */
  void rebuild() {
    jdbc.update("DELETE FROM cf_dash_pairing");
    jdbc.update("DELETE FROM cf_dash_verified");
    jdbc.batchUpdate(INSERT_PAIRING, pairings.getObject().allAssignments().stream()
        .map(a -> new Object[] {a.pairingId(), a.caseId(), Timestamp.from(a.assignedAt())}).toList());
    jdbc.batchUpdate(INSERT_VERIFIED, visits.getObject().verifications().stream().map(v -> new Object[] {v.visitId(), v.caseId()}).toList());
  }

  /** Whether the copies hold as many assignments and verifications as their owners. */
  boolean inStep() {
    return Objects.equals(pairings.getObject().assignmentCount(), jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_pairing", Long.class))
        && Objects.equals(visits.getObject().verificationCount(), jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_verified", Long.class));
  }
}
