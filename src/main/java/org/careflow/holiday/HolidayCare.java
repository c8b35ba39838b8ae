package org.careflow.holiday;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One holiday's care of one class: the {@code holiday-care} instance with business key {@code holiday-<id>}. */
@Entity
@Table(name = "cf_holiday_care")
public class HolidayCare {

  public static final String KEY_PREFIX = "holiday-";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long holidayId;

  @Column(nullable = false)
  private Long classId;

  @Column(nullable = false)
  private Long schoolId;

  @Column(length = 64)
  private String processInstanceId;

  @Column(nullable = false)
  private Instant startedAt;

  protected HolidayCare() {}

  HolidayCare(long holidayId, long classId, long schoolId, Instant startedAt) {
    this.holidayId = holidayId;
    this.classId = classId;
    this.schoolId = schoolId;
    this.startedAt = startedAt;
  }

  public Long getId() { return id; }
  public Long getHolidayId() { return holidayId; }
  public Long getClassId() { return classId; }
  public Long getSchoolId() { return schoolId; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getStartedAt() { return startedAt; }

  public String businessKey() {
    return org.careflow.shared.BusinessKey.prefixed(KEY_PREFIX, id);
  }

  void started(String processInstanceId, Instant at) {
    this.processInstanceId = processInstanceId;
    this.startedAt = at;
  }

  /** The care id a business key names ({@code holiday-<id>}), or null. */
  static Long idOf(String businessKey) {
    return org.careflow.shared.BusinessKey.parse(KEY_PREFIX, businessKey).orElse(null);
  }
}
