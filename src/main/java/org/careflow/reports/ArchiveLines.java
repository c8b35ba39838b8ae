package org.careflow.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.careflow.child.Child;
import org.careflow.reports.ChildFiles.Field;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lines of a child's 一人一档 (the archive: the child, the parents away, the guardian, the support) and of
 * the 联系卡 (the child and the people to call), in the reader's language.
 */
@Component
class ArchiveLines {

  private final MessageSource messages;

  ArchiveLines(MessageSource messages) {
    this.messages = messages;
  }

  /** The 一人一档's lines. */
  List<Field> archive(Child c, Locale l) {
    List<Field> f = new ArrayList<>();
    add(f, "archive.studentNo", c.getStudentNo(), l);
    add(f, "archive.sex", c.getSex() == null ? null : msg("code.sex." + c.getSex(), l), l);
    add(f, "archive.birthDate", c.getBirthDate() == null ? null : c.getBirthDate().toString(), l);
    add(f, "archive.careType", c.getCareType() == null ? null : msg("code.careType." + c.getCareType(), l), l);
    add(f, "archive.boarding", msg(c.isBoarding() ? "bool.yes" : "bool.no", l), l);
    add(f, "archive.homeAddress", c.getHomeAddress(), l);
    add(f, "archive.personality", c.getPersonality(), l);
    add(f, "archive.interests", c.getInterests(), l);
    add(f, "archive.health", c.getHealth(), l);
    add(f, "archive.academicStanding", c.getAcademicStanding(), l);
    add(f, "archive.father", parent(c.getFatherName(), c.getFatherPhone(), c.getFatherWorkplace(), c.getFatherEmployerAddress(),
        c.getFatherEmployerPhone(), c.getFatherAwaySince(), l), l);
    add(f, "archive.mother", parent(c.getMotherName(), c.getMotherPhone(), c.getMotherWorkplace(), c.getMotherEmployerAddress(),
        c.getMotherEmployerPhone(), c.getMotherAwaySince(), l), l);
    add(f, "archive.guardian", join(c.getGuardianName(), c.getGuardianRelationship(), c.getGuardianPhone(),
        c.getGuardianAge() == null ? null : msg("archive.age", l, c.getGuardianAge()), c.getGuardianHealth(), c.getGuardianOccupation()), l);
    add(f, "archive.hardship", c.getHardship(), l);
    add(f, "archive.support", join(c.isSubsidy() ? msg("archive.subsidy", l) : null, c.isKeySupport() ? msg("archive.keySupport", l) : null), l);
    add(f, "archive.consent", c.getConsentAt() == null ? msg("archive.noConsent", l)
        : join(c.getConsentBy(), msg("code.consent." + c.getConsentMethod(), l)), l);
    return f;
  }

  /** The 联系卡's lines: the child and the people to call. */
  List<Field> card(Child c, Locale l) {
    List<Field> f = new ArrayList<>();
    add(f, "archive.sex", c.getSex() == null ? null : msg("code.sex." + c.getSex(), l), l);
    add(f, "archive.birthDate", c.getBirthDate() == null ? null : c.getBirthDate().toString(), l);
    add(f, "archive.careType", c.getCareType() == null ? null : msg("code.careType." + c.getCareType(), l), l);
    add(f, "archive.homeAddress", c.getHomeAddress(), l);
    add(f, "archive.guardian", join(c.getGuardianName(), c.getGuardianRelationship(), c.getGuardianPhone()), l);
    add(f, "archive.father", parent(c.getFatherName(), c.getFatherPhone(), c.getFatherWorkplace(), c.getFatherEmployerAddress(),
        c.getFatherEmployerPhone(), null, l), l);
    add(f, "archive.mother", parent(c.getMotherName(), c.getMotherPhone(), c.getMotherWorkplace(), c.getMotherEmployerAddress(),
        c.getMotherEmployerPhone(), null, l), l);
    return f;
  }

  private String parent(String name, String phone, String workplace, String employer, String employerPhone, LocalDate since, Locale l) {
    return join(name, phone, workplace, employer, employerPhone, since == null ? null : msg("archive.awaySince", l, since.toString()));
  }

  private void add(List<Field> f, String label, String value, Locale l) {
    f.add(new Field(msg(label, l), value == null ? "" : value));
  }

  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (b.length() > 0) {
          b.append(" · ");
        }
        b.append(p.strip());
      }
    }
    return b.toString();
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }
}
