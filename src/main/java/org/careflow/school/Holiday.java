package org.careflow.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A holiday (寒假, 暑假, 国庆 …) of a school's calendar, entered with the terms. */
@Entity
@Table(name = "cf_holiday")
@jakarta.persistence.EntityListeners({HolidayChanges.class, CalendarChanges.class})
public class Holiday {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private School school;

  @Column(nullable = false, length = 50)
  private String name;

  @Column(nullable = false)
  private LocalDate startDate;

  @Column(nullable = false)
  private LocalDate endDate;

  protected Holiday() {}

  public Holiday(School school, String name, LocalDate startDate, LocalDate endDate) {
    this.school = school;
    this.name = name;
    setDates(startDate, endDate);
  }

  public Long getId() { return id; }
  public School getSchool() { return school; }
  public String getName() { return name; }
  public LocalDate getStartDate() { return startDate; }
  public LocalDate getEndDate() { return endDate; }

  public boolean contains(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }

  /** How many days the holiday has, both ends included. */
  public long days() {
    return java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) + 1;
  }

  public void setDates(LocalDate startDate, LocalDate endDate) {
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("a holiday cannot end before it starts");
    }
    this.startDate = startDate;
    this.endDate = endDate;
  }
}
