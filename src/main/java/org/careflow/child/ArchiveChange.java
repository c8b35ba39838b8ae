package org.careflow.child;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of one archive field: the archive is "dynamic" (动态管理), and every change is kept. */
@Entity
@Table(name = "cf_archive_change", indexes = @Index(name = "ix_archive_change_child", columnList = "childId,changedAt"))
public class ArchiveChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long childId;

  @Column(nullable = false)
  private Instant changedAt;

  @Column(nullable = false, length = 64)
  private String changedBy;

  @Column(nullable = false, length = 40)
  private String field;

  @Column(length = 300)
  private String oldValue;

  @Column(length = 300)
  private String newValue;

  protected ArchiveChange() {}

  ArchiveChange(Long childId, Instant changedAt, String changedBy, String field, String oldValue, String newValue) {
    this.childId = childId;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.field = field;
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Instant getChangedAt() { return changedAt; }
  public String getChangedBy() { return changedBy; }
  public String getField() { return field; }
  public String getOldValue() { return oldValue; }
  public String getNewValue() { return newValue; }
}
