package org.careflow.holiday;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A child's 假期安全告家长书 / 安全责任书: returned signed or not, and by whom (the guardian at home or a parent away). */
@Entity
@Table(name = "cf_holiday_letter")
public class HolidayLetter {

  public static final List<String> SIGNERS = List.of("GUARDIAN", "PARENT");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long careId;

  @Column(nullable = false)
  private Long caseId;

  @Column(nullable = false)
  private Long childId;

  @Column(nullable = false)
  private boolean returned;

  @Column(length = 10)
  private String signedBy;

  @Column(nullable = false, length = 64)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected HolidayLetter() {}

  HolidayLetter(long careId, long caseId, long childId, String signedBy, String recordedBy, Instant recordedAt) {
    this.careId = careId;
    this.caseId = caseId;
    this.childId = childId;
    this.returned = signedBy != null;
    this.signedBy = signedBy;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCareId() { return careId; }
  public Long getCaseId() { return caseId; }
  public Long getChildId() { return childId; }
  public boolean isReturned() { return returned; }
  public String getSignedBy() { return signedBy; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
