package org.careflow.studyhelp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The study buddy (学习伙伴/小老师) the class teacher chose for a child: any classmate. One active at a
 * time; its effect is rated at the term review.
 */
@Entity
@Table(name = "cf_study_buddy")
public class StudyBuddy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private Long buddyChildId;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false)
  private boolean active;
  @Column(nullable = false, length = 64)
  private String chosenBy;
  @Column(nullable = false)
  private Instant chosenAt;
  @Column(length = 12)
  private String effect;
  @Column(length = 500)
  private String effectNote;
  @Column(length = 64)
  private String effectBy;
  private Instant effectAt;
  @Version
  private long version;

  protected StudyBuddy() {}

  StudyBuddy(long childId, long buddyChildId, long classId, long termId, String chosenBy, Instant chosenAt) {
    this.childId = childId;
    this.buddyChildId = buddyChildId;
    this.classId = classId;
    this.termId = termId;
    this.active = true;
    this.chosenBy = chosenBy;
    this.chosenAt = chosenAt;
  }

  void rate(String effect, String note, String by, Instant at) {
    this.effect = effect;
    this.effectNote = note;
    this.effectBy = by;
    this.effectAt = at;
  }

  void end() {
    this.active = false;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Long getBuddyChildId() { return buddyChildId; }
  public Long getClassId() { return classId; }
  public Long getTermId() { return termId; }
  public boolean isActive() { return active; }
  public String getChosenBy() { return chosenBy; }
  public Instant getChosenAt() { return chosenAt; }
  public String getEffect() { return effect; }
  public String getEffectNote() { return effectNote; }
  public String getEffectBy() { return effectBy; }
  public Instant getEffectAt() { return effectAt; }
}
