package org.careflow.child;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.careflow.school.SchoolClass;

/**
 * The child's archive (档案, "one child, one file"): every field the schools' plans name for the
 * child, the parents working away and the guardian at home. Changes go through
 * {@link ChildArchive}, which keeps each one in the history.
 */
@Entity
@Table(name = "cf_child")
public class Child {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  // -- the child
  @Column(unique = true, length = 20)
  private String studentNo;
  @Column(nullable = false, length = 30)
  private String name;
  @Column(length = 1)
  private String sex;
  private LocalDate birthDate;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private SchoolClass schoolClass;
  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private CareType careType;
  private boolean boarding;
  @Column(length = 200)
  private String personality;
  @Column(length = 200)
  private String interests;
  @Column(length = 300)
  private String health;
  @Column(length = 200)
  private String academicStanding;
  @Column(length = 200)
  private String homeAddress;

  // -- the parents working away
  @Column(length = 30)
  private String fatherName;
  @Column(length = 20)
  private String fatherPhone;
  @Column(length = 100)
  private String fatherWorkplace;
  @Column(length = 200)
  private String fatherEmployerAddress;
  @Column(length = 20)
  private String fatherEmployerPhone;
  private LocalDate fatherAwaySince;
  @Column(length = 30)
  private String motherName;
  @Column(length = 20)
  private String motherPhone;
  @Column(length = 100)
  private String motherWorkplace;
  @Column(length = 200)
  private String motherEmployerAddress;
  @Column(length = 20)
  private String motherEmployerPhone;
  private LocalDate motherAwaySince;

  // -- the guardian at home (监护人 / 委托监护人)
  @Column(length = 30)
  private String guardianName;
  @Column(length = 20)
  private String guardianRelationship;
  @Column(length = 20)
  private String guardianPhone;
  private Integer guardianAge;
  @Column(length = 200)
  private String guardianHealth;
  @Column(length = 50)
  private String guardianOccupation;

  // -- hardship and support
  @Column(length = 300)
  private String hardship;
  /** Eligible for fee waivers and living subsidy (两免一补). */
  private boolean subsidy;
  /** A key-support child (重点帮扶对象). */
  private boolean keySupport;

  // -- the guardian's consent to keep this archive (PIPL: data of minors is sensitive)
  @Column(length = 30)
  private String consentBy;
  @Column(length = 20)
  private String consentMethod;
  private Instant consentAt;

  private Instant registeredAt;

  /** Set when the retention period after the last case closed has passed and the personal data was removed. */
  private Instant anonymisedAt;

  protected Child() {}

  /** A child as first known from the roster: only the name and class until the archive is filled. */
  public Child(String name, SchoolClass schoolClass) {
    this.name = name;
    this.schoolClass = schoolClass;
  }

  public Long getId() { return id; }
  public long getVersion() { return version; }
  public String getStudentNo() { return studentNo; }
  public void setStudentNo(String v) { studentNo = v; }
  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getSex() { return sex; }
  public void setSex(String v) { sex = v; }
  public LocalDate getBirthDate() { return birthDate; }
  public void setBirthDate(LocalDate v) { birthDate = v; }
  public SchoolClass getSchoolClass() { return schoolClass; }
  public void setSchoolClass(SchoolClass v) { schoolClass = v; }
  public CareType getCareType() { return careType; }
  public void setCareType(CareType v) { careType = v; }
  public boolean isBoarding() { return boarding; }
  public void setBoarding(boolean v) { boarding = v; }
  public String getPersonality() { return personality; }
  public void setPersonality(String v) { personality = v; }
  public String getInterests() { return interests; }
  public void setInterests(String v) { interests = v; }
  public String getHealth() { return health; }
  public void setHealth(String v) { health = v; }
  public String getAcademicStanding() { return academicStanding; }
  public void setAcademicStanding(String v) { academicStanding = v; }
  public String getHomeAddress() { return homeAddress; }
  public void setHomeAddress(String v) { homeAddress = v; }
  public String getFatherName() { return fatherName; }
  public void setFatherName(String v) { fatherName = v; }
  public String getFatherPhone() { return fatherPhone; }
  public void setFatherPhone(String v) { fatherPhone = v; }
  public String getFatherWorkplace() { return fatherWorkplace; }
  public void setFatherWorkplace(String v) { fatherWorkplace = v; }
  public String getFatherEmployerAddress() { return fatherEmployerAddress; }
  public void setFatherEmployerAddress(String v) { fatherEmployerAddress = v; }
  public String getFatherEmployerPhone() { return fatherEmployerPhone; }
  public void setFatherEmployerPhone(String v) { fatherEmployerPhone = v; }
  public LocalDate getFatherAwaySince() { return fatherAwaySince; }
  public void setFatherAwaySince(LocalDate v) { fatherAwaySince = v; }
  public String getMotherName() { return motherName; }
  public void setMotherName(String v) { motherName = v; }
  public String getMotherPhone() { return motherPhone; }
  public void setMotherPhone(String v) { motherPhone = v; }
  public String getMotherWorkplace() { return motherWorkplace; }
  public void setMotherWorkplace(String v) { motherWorkplace = v; }
  public String getMotherEmployerAddress() { return motherEmployerAddress; }
  public void setMotherEmployerAddress(String v) { motherEmployerAddress = v; }
  public String getMotherEmployerPhone() { return motherEmployerPhone; }
  public void setMotherEmployerPhone(String v) { motherEmployerPhone = v; }
  public LocalDate getMotherAwaySince() { return motherAwaySince; }
  public void setMotherAwaySince(LocalDate v) { motherAwaySince = v; }
  public String getGuardianName() { return guardianName; }
  public void setGuardianName(String v) { guardianName = v; }
  public String getGuardianRelationship() { return guardianRelationship; }
  public void setGuardianRelationship(String v) { guardianRelationship = v; }
  public String getGuardianPhone() { return guardianPhone; }
  public void setGuardianPhone(String v) { guardianPhone = v; }
  public Integer getGuardianAge() { return guardianAge; }
  public void setGuardianAge(Integer v) { guardianAge = v; }
  public String getGuardianHealth() { return guardianHealth; }
  public void setGuardianHealth(String v) { guardianHealth = v; }
  public String getGuardianOccupation() { return guardianOccupation; }
  public void setGuardianOccupation(String v) { guardianOccupation = v; }
  public String getHardship() { return hardship; }
  public void setHardship(String v) { hardship = v; }
  public boolean isSubsidy() { return subsidy; }
  public void setSubsidy(boolean v) { subsidy = v; }
  public boolean isKeySupport() { return keySupport; }
  public void setKeySupport(boolean v) { keySupport = v; }
  public String getConsentBy() { return consentBy; }
  public String getConsentMethod() { return consentMethod; }
  public Instant getConsentAt() { return consentAt; }
  public Instant getRegisteredAt() { return registeredAt; }
  public Instant getAnonymisedAt() { return anonymisedAt; }

  void recordConsent(String by, String method, Instant at) {
    this.consentBy = by;
    this.consentMethod = method;
    this.consentAt = at;
  }

  void markRegistered(Instant at) {
    if (registeredAt == null) {
      registeredAt = at;
    }
  }
}
