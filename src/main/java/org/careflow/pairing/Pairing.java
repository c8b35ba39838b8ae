package org.careflow.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One pairing decision (一对一结对帮扶): a mentor teacher and a study buddy for a child's case. */
@Entity
@Table(name = "cf_pairing", indexes = @Index(name = "ix_pairing_case", columnList = "caseId"))
public class Pairing {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false, length = 64)
  private String mentor;
  private Long buddyChildId;
  @Column(length = 300)
  private String note;
  @Column(nullable = false, length = 64)
  private String assignedBy;
  @Column(nullable = false)
  private Instant assignedAt;

  protected Pairing() {}

  Pairing(Long caseId, String mentor, Long buddyChildId, String note, String assignedBy, Instant assignedAt) {
    this.caseId = caseId;
    this.mentor = mentor;
    this.buddyChildId = buddyChildId;
    this.note = note;
    this.assignedBy = assignedBy;
    this.assignedAt = assignedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getMentor() { return mentor; }
  public Long getBuddyChildId() { return buddyChildId; }
  public String getNote() { return note; }
  public String getAssignedBy() { return assignedBy; }
  public Instant getAssignedAt() { return assignedAt; }
}
