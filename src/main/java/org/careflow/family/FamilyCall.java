package org.careflow.family;

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
 * One call or video call between the child and the parents (亲情电话), or a try that did not get
 * through ({@code reached} false): when, with whom, how long, notes, who wrote it down.
 */
@Entity
@Table(name = "cf_family_call", indexes = {
    @Index(name = "ix_family_call_child", columnList = "childId,callDate"),
    @Index(name = "ix_family_call_case", columnList = "caseId,callDate")})
public class FamilyCall {

  public static final java.util.List<String> KINDS = java.util.List.of("PHONE", "VIDEO", "MEETING");
  public static final java.util.List<String> PARENTS = java.util.List.of("FATHER", "MOTHER", "BOTH");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private LocalDate callDate;
  @Column(nullable = false, length = 10)
  private String kind;
  @Column(nullable = false, length = 10)
  private String parent;
  private int minutes;
  private boolean reached;
  @Column(length = 300)
  private String notes;
  @Column(nullable = false, length = 64)
  private String recordedBy;
  @Column(nullable = false)
  private Instant recordedAt;

  protected FamilyCall() {}

  FamilyCall(long caseId, long childId, LocalDate callDate, String kind, String parent, int minutes, boolean reached,
      String notes, String recordedBy, Instant recordedAt) {
    this.caseId = caseId;
    this.childId = childId;
    this.callDate = callDate;
    this.kind = kind;
    this.parent = parent;
    this.minutes = minutes;
    this.reached = reached;
    this.notes = notes;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Long getChildId() { return childId; }
  public LocalDate getCallDate() { return callDate; }
  public String getKind() { return kind; }
  public String getParent() { return parent; }
  public int getMinutes() { return minutes; }
  public boolean isReached() { return reached; }
  public String getNotes() { return notes; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
