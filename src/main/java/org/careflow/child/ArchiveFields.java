package org.careflow.child;

import java.time.LocalDate;
import java.util.List;

/**
 * Every field of the child's archive in the registration form's order, with its kind, whether it is
 * required, its longest value and how it is read from and written to the child.
 */
final class ArchiveFields {

  private ArchiveFields() {}

  static final List<ArchiveField> ALL = List.of(
      field("studentNo", ArchiveField.Kind.STUDENT_NO, true, 20, Child::getStudentNo, (c, v) -> c.setStudentNo((String) v)),
      field("name", ArchiveField.Kind.NAME, true, 30, Child::getName, (c, v) -> c.setName((String) v)),
      field("sex", ArchiveField.Kind.SEX, true, 1, Child::getSex, (c, v) -> c.setSex((String) v)),
      field("birthDate", ArchiveField.Kind.BIRTH_DATE, true, 0, Child::getBirthDate, (c, v) -> c.setBirthDate((LocalDate) v)),
      field("careType", ArchiveField.Kind.CARE_TYPE, true, 0, Child::getCareType, (c, v) -> c.setCareType((CareType) v)),
      field("boarding", ArchiveField.Kind.FLAG, false, 0, Child::isBoarding, (c, v) -> c.setBoarding((Boolean) v)),
      field("personality", ArchiveField.Kind.TEXT, false, 200, Child::getPersonality, (c, v) -> c.setPersonality((String) v)),
      field("interests", ArchiveField.Kind.TEXT, false, 200, Child::getInterests, (c, v) -> c.setInterests((String) v)),
      field("health", ArchiveField.Kind.TEXT, false, 300, Child::getHealth, (c, v) -> c.setHealth((String) v)),
      field("academicStanding", ArchiveField.Kind.TEXT, false, 200, Child::getAcademicStanding, (c, v) -> c.setAcademicStanding((String) v)),
      field("homeAddress", ArchiveField.Kind.TEXT, true, 200, Child::getHomeAddress, (c, v) -> c.setHomeAddress((String) v)),
      field("fatherName", ArchiveField.Kind.NAME, false, 30, Child::getFatherName, (c, v) -> c.setFatherName((String) v)),
      field("fatherPhone", ArchiveField.Kind.PHONE, false, 20, Child::getFatherPhone, (c, v) -> c.setFatherPhone((String) v)),
      field("fatherWorkplace", ArchiveField.Kind.TEXT, false, 100, Child::getFatherWorkplace, (c, v) -> c.setFatherWorkplace((String) v)),
      field("fatherEmployerAddress", ArchiveField.Kind.TEXT, false, 200, Child::getFatherEmployerAddress, (c, v) -> c.setFatherEmployerAddress((String) v)),
      field("fatherEmployerPhone", ArchiveField.Kind.PHONE, false, 20, Child::getFatherEmployerPhone, (c, v) -> c.setFatherEmployerPhone((String) v)),
      field("fatherAwaySince", ArchiveField.Kind.PAST_DATE, false, 0, Child::getFatherAwaySince, (c, v) -> c.setFatherAwaySince((LocalDate) v)),
      field("motherName", ArchiveField.Kind.NAME, false, 30, Child::getMotherName, (c, v) -> c.setMotherName((String) v)),
      field("motherPhone", ArchiveField.Kind.PHONE, false, 20, Child::getMotherPhone, (c, v) -> c.setMotherPhone((String) v)),
      field("motherWorkplace", ArchiveField.Kind.TEXT, false, 100, Child::getMotherWorkplace, (c, v) -> c.setMotherWorkplace((String) v)),
      field("motherEmployerAddress", ArchiveField.Kind.TEXT, false, 200, Child::getMotherEmployerAddress, (c, v) -> c.setMotherEmployerAddress((String) v)),
      field("motherEmployerPhone", ArchiveField.Kind.PHONE, false, 20, Child::getMotherEmployerPhone, (c, v) -> c.setMotherEmployerPhone((String) v)),
      field("motherAwaySince", ArchiveField.Kind.PAST_DATE, false, 0, Child::getMotherAwaySince, (c, v) -> c.setMotherAwaySince((LocalDate) v)),
      field("guardianName", ArchiveField.Kind.NAME, true, 30, Child::getGuardianName, (c, v) -> c.setGuardianName((String) v)),
      field("guardianRelationship", ArchiveField.Kind.TEXT, true, 20, Child::getGuardianRelationship, (c, v) -> c.setGuardianRelationship((String) v)),
      field("guardianPhone", ArchiveField.Kind.PHONE, true, 20, Child::getGuardianPhone, (c, v) -> c.setGuardianPhone((String) v)),
      field("guardianAge", ArchiveField.Kind.AGE, false, 0, Child::getGuardianAge, (c, v) -> c.setGuardianAge((Integer) v)),
      field("guardianHealth", ArchiveField.Kind.TEXT, false, 200, Child::getGuardianHealth, (c, v) -> c.setGuardianHealth((String) v)),
      field("guardianOccupation", ArchiveField.Kind.TEXT, false, 50, Child::getGuardianOccupation, (c, v) -> c.setGuardianOccupation((String) v)),
      field("hardship", ArchiveField.Kind.TEXT, false, 300, Child::getHardship, (c, v) -> c.setHardship((String) v)),
      field("subsidy", ArchiveField.Kind.FLAG, false, 0, Child::isSubsidy, (c, v) -> c.setSubsidy((Boolean) v)),
      field("keySupport", ArchiveField.Kind.FLAG, false, 0, Child::isKeySupport, (c, v) -> c.setKeySupport((Boolean) v)));

  private static ArchiveField field(String key, ArchiveField.Kind kind, boolean required, int max,
      java.util.function.Function<Child, Object> get, java.util.function.BiConsumer<Child, Object> set) {
    return new ArchiveField(key, kind, required, max, get, set);
  }
}
