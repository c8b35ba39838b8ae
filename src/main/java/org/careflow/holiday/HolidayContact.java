package org.careflow.holiday;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contact with a child's family in a holiday: the mentor's call or visit (CALL, VISIT, or NONE with the
 * reason in the notes), or the family's attendance at the Spring Festival meeting (PARENT_MEETING).
 */
@Entity
@Table(name = "cf_holiday_contact")
public class HolidayContact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long careId;

  @Column(nullable = false)
  private Long caseId;

  @Column(nullable = false)
  private Long childId;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(nullable = false)
  private LocalDate contactDate;

  @Column(length = 500)
  private String notes;

  @Column(nullable = false, length = 64)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected HolidayContact() {}

  HolidayContact(long careId, long caseId, long childId, String kind, LocalDate contactDate, String notes, String recordedBy, Instant recordedAt) {
    this.careId = careId;
    this.caseId = caseId;
    this.childId = childId;
    this.kind = kind;
    this.contactDate = contactDate;
    this.notes = notes;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCareId() { return careId; }
  public Long getCaseId() { return caseId; }
  public Long getChildId() { return childId; }
  public String getKind() { return kind; }
  public LocalDate getContactDate() { return contactDate; }
  public String getNotes() { return notes; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
