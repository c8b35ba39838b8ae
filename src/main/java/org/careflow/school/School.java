package org.careflow.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "cf_school")
public class School {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String name;

  /** The township or county office the school reports to. */
  @Column(length = 100)
  private String district;

  protected School() {}

  public School(String name, String district) {
    this.name = name;
    this.district = district;
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public String getDistrict() { return district; }
  public void setDistrict(String district) { this.district = district; }
}
