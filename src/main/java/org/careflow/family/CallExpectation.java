package org.careflow.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many calls with the parents a child should have each week, when it differs from the school's default. */
@Entity
@Table(name = "cf_call_expectation")
public class CallExpectation {

  @Id
  private Long childId;
  private int callsPerWeek;
  @Column(nullable = false, length = 64)
  private String setBy;
  @Column(nullable = false)
  private Instant setAt;

  protected CallExpectation() {}

  CallExpectation(long childId, int callsPerWeek, String setBy, Instant setAt) {
    this.childId = childId;
    set(callsPerWeek, setBy, setAt);
  }

  void set(int callsPerWeek, String setBy, Instant setAt) {
    this.callsPerWeek = callsPerWeek;
    this.setBy = setBy;
    this.setAt = setAt;
  }

  public Long getChildId() { return childId; }
  public int getCallsPerWeek() { return callsPerWeek; }
  public String getSetBy() { return setBy; }
  public Instant getSetAt() { return setAt; }
}
