package org.careflow.carers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A child a carer looks after. */
@Entity
@Table(name = "cf_carer_child")
public class CarerChild {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(nullable = false)
  Long carerId;
  @Column(nullable = false)
  Long childId;
  @Column(nullable = false, length = 64)
  String assignedBy;
  @Column(nullable = false)
  Instant assignedAt;

  protected CarerChild() {}

  CarerChild(long carerId, long childId, String assignedBy, Instant assignedAt) {
    this.carerId = carerId;
    this.childId = childId;
    this.assignedBy = assignedBy;
    this.assignedAt = assignedAt;
  }

  public Long getCarerId() { return carerId; }
  public Long getChildId() { return childId; }
}
