package org.careflow.yearend;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A child's year-end handover (学年末交接): the old class teacher's note for the new one, written
 * before the promotion ({@code promotedAt} empty), and completed by the promotion with the class's
 * name and the teachers before and after. A child without a note still gets a row at the promotion,
 * so the history shows every change of class and teacher.
 */
@Entity
@Table(name = "cf_handover", indexes = @Index(name = "ix_handover_child", columnList = "childId,promotedAt"))
public class HandoverNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private Long classId;
  @Column(length = 1000)
  private String note;
  @Column(nullable = false, length = 64)
  private String fromTeacher;
  private Instant writtenAt;
  @Column(length = 64)
  private String toTeacher;
  @Column(length = 50)
  private String classBefore;
  @Column(length = 50)
  private String classAfter;
  /** PROMOTED or GRADUATED once the promotion ran. */
  @Column(length = 10)
  private String outcome;
  private Instant promotedAt;
  @Column(length = 64)
  private String promotedBy;

  protected HandoverNote() {}

  HandoverNote(long childId, long classId, String fromTeacher) {
    this.childId = childId;
    this.classId = classId;
    this.fromTeacher = fromTeacher;
  }

  void write(String note, Instant at) {
    this.note = note;
    this.writtenAt = at;
  }

  void promoted(String outcome, String classBefore, String classAfter, String toTeacher, String by, Instant at) {
    this.outcome = outcome;
    this.classBefore = classBefore;
    this.classAfter = classAfter;
    this.toTeacher = toTeacher;
    this.promotedBy = by;
    this.promotedAt = at;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Long getClassId() { return classId; }
  public String getNote() { return note; }
  public String getFromTeacher() { return fromTeacher; }
  public Instant getWrittenAt() { return writtenAt; }
  public String getToTeacher() { return toTeacher; }
  public String getClassBefore() { return classBefore; }
  public String getClassAfter() { return classAfter; }
  public String getOutcome() { return outcome; }
  public Instant getPromotedAt() { return promotedAt; }
  public String getPromotedBy() { return promotedBy; }
}
