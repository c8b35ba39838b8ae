package org.careflow.talk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A home visit (家访): to verify the archive at enrolment, after a guardian missed the meeting, or the
 * quarter's visit (每季一访). Any of them counts as the quarter's visit.
 */
@Entity
@Table(name = "cf_home_visit", indexes = @Index(name = "ix_home_visit_case", columnList = "caseId,visitDate"))
public class HomeVisit {

  public enum Reason { VERIFICATION, GUARDIAN_ABSENT, QUARTERLY }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false, length = 20)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Reason reason;
  @Column(nullable = false)
  private LocalDate visitDate;
  @Column(nullable = false, length = 100)
  private String metWith;
  @Column(nullable = false, length = 500)
  private String homeConditions;
  @Column(nullable = false, length = 10)
  private String guardianHealth;
  @Column(length = 500)
  private String concerns;
  private boolean archiveConfirmed;
  @Column(nullable = false, length = 64)
  private String visitor;
  @Column(nullable = false)
  private Instant recordedAt;

  protected HomeVisit() {}

  HomeVisit(Long caseId, Reason reason, LocalDate visitDate, String metWith, String homeConditions, String guardianHealth,
      String concerns, boolean archiveConfirmed, String visitor, Instant recordedAt) {
    this.caseId = caseId;
    this.reason = reason;
    this.visitDate = visitDate;
    this.metWith = metWith;
    this.homeConditions = homeConditions;
    this.guardianHealth = guardianHealth;
    this.concerns = concerns;
    this.archiveConfirmed = archiveConfirmed;
    this.visitor = visitor;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Reason getReason() { return reason; }
  public LocalDate getVisitDate() { return visitDate; }
  public String getMetWith() { return metWith; }
  public String getHomeConditions() { return homeConditions; }
  public String getGuardianHealth() { return guardianHealth; }
  public String getConcerns() { return concerns; }
  public boolean isArchiveConfirmed() { return archiveConfirmed; }
  public String getVisitor() { return visitor; }
  public Instant getRecordedAt() { return recordedAt; }
}
