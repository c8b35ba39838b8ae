package org.careflow.carers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Someone who is not school staff and looks after left-behind children of a school: a 代理家长, 爱心妈妈 or
 * 志愿者 (role), who is another pupil's parent, from the 妇代会, one of the 五老, a village cadre or else
 * (background). They get no account: the class teacher records their visits and calls.
 */
@Entity
@Table(name = "cf_carer")
public class Carer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long schoolId;
  @Column(nullable = false, length = 40)
  private String name;
  @Column(nullable = false, length = 20)
  private String phone;
  @Column(nullable = false, length = 20)
  private String role;
  @Column(nullable = false, length = 20)
  private String background;
  @Column(length = 300)
  private String note;
  @Column(nullable = false)
  private boolean active;
  @Column(nullable = false, length = 64)
  private String createdBy;
  @Column(nullable = false)
  private Instant createdAt;
  @Version
  private long version;

  protected Carer() {}

  Carer(long schoolId, String createdBy, Instant createdAt) {
    this.schoolId = schoolId;
    this.active = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void write(String name, String phone, String role, String background, String note) {
    this.name = name;
    this.phone = phone;
    this.role = role;
    this.background = background;
    this.note = note;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public Long getId() { return id; }
  public Long getSchoolId() { return schoolId; }
  public String getName() { return name; }
  public String getPhone() { return phone; }
  public String getRole() { return role; }
  public String getBackground() { return background; }
  public String getNote() { return note; }
  public boolean isActive() { return active; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public long getVersion() { return version; }
}
