package org.careflow.child;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A child's care case: one `child-case` process instance, whose business key is this id. It holds
 * who cares for the child (the mentor and study buddy come from pairing) and the term it runs in.
 */
@Entity
@Table(name = "cf_case", indexes = {
    @Index(name = "ix_case_child", columnList = "child_id"),
    @Index(name = "ix_case_status", columnList = "status")})
public class CareCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Child child;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CaseStatus status = CaseStatus.ENROLLING;

  /** The term the case is in: its end is the term review's timer. */
  private Long termId;

  @Column(length = 64)
  private String mentor;

  private Long buddyChildId;

  /** The eligibility decision's reason, whichever way it went. */
  @Column(length = 100)
  private String eligibilityReason;

  @Column(nullable = false)
  private Instant openedAt;

  @Column(nullable = false, length = 64)
  private String openedBy;

  private Instant closedAt;

  @Column(length = 30)
  private String closeReason;

  @Column(length = 300)
  private String closeNote;

  protected CareCase() {}

  public CareCase(Child child, Long termId, Instant openedAt, String openedBy) {
    this.child = child;
    this.termId = termId;
    this.openedAt = openedAt;
    this.openedBy = openedBy;
  }

  public Long getId() { return id; }
  public Child getChild() { return child; }
  public CaseStatus getStatus() { return status; }
  public Long getTermId() { return termId; }
  public String getMentor() { return mentor; }
  public Long getBuddyChildId() { return buddyChildId; }
  public String getEligibilityReason() { return eligibilityReason; }
  public Instant getOpenedAt() { return openedAt; }
  public String getOpenedBy() { return openedBy; }
  public Instant getClosedAt() { return closedAt; }
  public String getCloseReason() { return closeReason; }
  public String getCloseNote() { return closeNote; }

  public boolean isOpen() {
    return status == CaseStatus.ENROLLING || status == CaseStatus.ACTIVE;
  }

  /**
   * Whether the case was in care (not refused) some day of the term: it belongs to the term, or it was
   * open on one of the term's days (dates in the schools' time zone {@code zone}). A term's figures and a
   * child's file of a term count the cases this holds for.
   */
  public boolean inCareDuring(org.careflow.school.Term t, java.time.ZoneId zone) {
    if (status == CaseStatus.NOT_ELIGIBLE) {
      return false;
    }
    if (t.getId().equals(termId)) {
      return true;
    }
    java.time.LocalDate opened = openedAt.atZone(zone).toLocalDate();
    java.time.LocalDate closed = closedAt == null ? null : closedAt.atZone(zone).toLocalDate();
    return !opened.isAfter(t.getEndDate()) && (closed == null || !closed.isBefore(t.getStartDate()));
  }

  void decideEligibility(boolean eligible, String reason) {
    this.eligibilityReason = reason;
    if (!eligible) {
      this.status = CaseStatus.NOT_ELIGIBLE;
    }
  }

  void activate() {
    this.status = CaseStatus.ACTIVE;
  }

  void pair(String mentor, Long buddyChildId) {
    this.mentor = mentor;
    this.buddyChildId = buddyChildId;
  }

  void moveToTerm(Long termId) {
    this.termId = termId;
  }

  void close(String reason, String note, Instant at) {
    this.status = CaseStatus.CLOSED;
    this.closeReason = reason;
    this.closeNote = note;
    this.closedAt = at;
  }
}
