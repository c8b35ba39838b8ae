package org.careflow.carers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A visit or call of a carer to a child, recorded by the class teacher. Counts as family contact. */
@Entity
@Table(name = "cf_carer_contact")
public class CarerContact {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(nullable = false)
  Long carerId;
  @Column(nullable = false)
  Long childId;
  @Column(nullable = false)
  LocalDate contactDate;
  /** VISIT or CALL. */
  @Column(nullable = false, length = 10)
  String kind;
  @Column(length = 500)
  String notes;
  @Column(nullable = false, length = 64)
  String recordedBy;
  @Column(nullable = false)
  Instant recordedAt;

  protected CarerContact() {}

  CarerContact(long carerId, long childId, LocalDate contactDate, String kind, String notes, String recordedBy, Instant recordedAt) {
    this.carerId = carerId;
    this.childId = childId;
    this.contactDate = contactDate;
    this.kind = kind;
    this.notes = notes;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCarerId() { return carerId; }
  public Long getChildId() { return childId; }
  public LocalDate getContactDate() { return contactDate; }
  public String getKind() { return kind; }
  public String getNotes() { return notes; }
  public String getRecordedBy() { return recordedBy; }
}
