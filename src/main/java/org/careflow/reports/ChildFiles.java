package org.careflow.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.child.ArchiveChange;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.child.ChildRepository;
import org.careflow.child.CaseStatus;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.CodedValues;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content of a child's 一人一档 and 联系卡, gathered from the modules that keep it (the archive and its
 * history, the cases and their pairing, every record on the child's timeline: talks, visits, risk
 * assessments, support plans, family contact) and put into plain rows in the reader's language, so that
 * the PDF is rendered outside any transaction.
 */
@Service
public class ChildFiles {

  /** Timeline kinds shown in their own sections; every other kind is a record of the term's work. */
  static final List<String> RISK = List.of("timeline.riskAssessment");
  static final List<String> PLANS = List.of("timeline.supportPlanOpened", "timeline.supportPlanWritten", "timeline.supportPlanReview",
      "timeline.supportPlanClosed", "timeline.supportPlanEnded");
  static final List<String> FAMILY = List.of("timeline.familyCall", "timeline.parentFeedback", "timeline.familyLetter",
      "timeline.parentsUnreachable");

  public record Field(String label, String value) {}

  public record Entry(String when, String kind, String author, List<Field> details) {}

  public record CaseRow(long id, String status, String term, String opened, String eligibility, String mentor, String mentorPhone,
      String buddy, String closed, String closeReason, String closeNote) {}

  public record Change(String when, String who, String field, String oldValue, String newValue) {}

  /** One child's file: {@code scope} says which records it holds (the term's, or the whole case's). */
  public record ChildFile(long childId, String name, String studentNo, String schoolName, String className, String classTeacher,
      String classTeacherPhone, String scope, List<Field> archive, List<Field> card, List<CaseRow> cases, List<Entry> risk,
      List<Entry> plans, List<Entry> family, List<Entry> records, List<Change> history) {}

  /** A class's file of a term: its children's files (who were in care during the term). */
  public record ClassFile(long termId, String termName, String schoolName, String className, String classTeacher, List<ChildFile> files,
      org.careflow.classplan.ClassTermPapers.Papers papers) {

    /** What the class-file template shows. */
    public Map<String, Object> model(String printed) {
      Map<String, Object> model = new java.util.HashMap<>();
      model.put("files", files);
      model.put("schoolName", schoolName);
      model.put("className", className);
      model.put("classTeacher", classTeacher);
      model.put("termName", termName);
      model.put("papers", papers);
      model.put("printed", printed);
      return model;
    }
  }

  private final ChildArchive archive;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final List<TimelineContributor> timeline;
  private final CodedValues codes;
  private final MessageSource messages;
  private final CareClock clock;
  private final ChildRepository children;
  private final org.careflow.classplan.ClassTermPapers papers;

  ChildFiles(ChildArchive archive, CareCases cases, SchoolDirectory schools, TermCalendar calendar, List<TimelineContributor> timeline,
      CodedValues codes, MessageSource messages, CareClock clock, ChildRepository children,
      org.careflow.classplan.ClassTermPapers papers) {
    this.papers = papers;
    this.children = children;
    this.archive = archive;
    this.cases = cases;
    this.schools = schools;
    this.calendar = calendar;
    this.timeline = timeline;
    this.codes = codes;
    this.messages = messages;
    this.clock = clock;
  }

  /** The child, if this user may see their page (the same rule as {@code /children/{id}}); 404 otherwise. */
  @Transactional(readOnly = true)
  public Child visibleChild(long childId, CurrentUser u) {
    Child child;
    try {
      child = archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
    if (child.getAnonymisedAt() != null || !ChildAccess.maySee(u, child, cases.casesOfChild(childId))) {
      throw new NotFoundException("child");
    }
    return child;
  }

  /**
   * A class's file of a term ({@code termId} null: the term the school is in today), for the class teacher
   * and the people who look after the class's school (as for its children's pages); 404 for others.
   */
  @Transactional(readOnly = true)
  public ClassFile classFile(long classId, Long termId, CurrentUser u, Locale locale) {
    SchoolClass c;
    try {
      c = schools.schoolClass(classId);
    } catch (RuntimeException e) {
      throw new NotFoundException("class");
    }
    long schoolId = c.getSchool().getId();
    if (!(u.seesSchool(schoolId) || u.id().equals(c.getClassTeacher()))) {
      throw new NotFoundException("class");
    }
    return classFileOf(classId, termOf(schoolId, termId).getId(), locale);
  }

  /** A class's file of one of its school's terms, for no user in particular (the term archive: the caller checked). */
  @Transactional(readOnly = true)
  public ClassFile classFileOf(long classId, long termId, Locale locale) {
    SchoolClass c = schools.schoolClass(classId);
    Term t = calendar.term(termId);
    List<ChildFile> list = new ArrayList<>();
    for (Child child : childrenInTerm(classId, t)) {
      list.add(file(child.getId(), t, locale));
    }
    return new ClassFile(t.getId(), t.getName(), c.getSchool().getName(), c.getName(),
        c.getClassTeacher() == null ? "" : schools.teacherName(c.getClassTeacher()), list, papers.papers(classId, t.getId(), locale));
  }

  /** The term asked for, which must be the school's; or, none asked for, the term the school is in today. */
  @Transactional(readOnly = true)
  public Term termOf(long schoolId, Long termId) {
    if (termId == null) {
      Term t = currentTerm(schoolId);
      if (t == null) {
        throw InvalidInputException.of("term", "validation.required");
      }
      return t;
    }
    Term t;
    try {
      t = calendar.term(termId);
    } catch (RuntimeException e) {
      throw InvalidInputException.of("term", "validation.option");
    }
    if (t.getSchool().getId() != schoolId) {
      throw InvalidInputException.of("term", "validation.option");
    }
    return t;
  }

  /** The class's children with a case in care during the term (found eligible, open some time within it). */
  List<Child> childrenInTerm(long classId, Term t) {
    List<Child> out = new ArrayList<>();
    for (Child child : children.findBySchoolClassIdOrderByName(classId)) {
      if (child.getAnonymisedAt() != null) {
        continue;
      }
      for (CareCase k : cases.casesOfChild(child.getId())) {
        if (k.inCareDuring(t, clock.zone())) {
          out.add(child);
          break;
        }
      }
    }
    return out;
  }


  /** A child's file for a user who may see the child: the term's records ({@code term}) or the whole case's. */
  @Transactional(readOnly = true)
  public ChildFile fileFor(long childId, boolean term, CurrentUser u, Locale locale) {
    Child child = visibleChild(childId, u);
    return file(childId, term ? currentTerm(child.getSchoolClass().getSchool().getId()) : null, locale);
  }

  /** The term a school is in today (or the next one), or the latest one when the calendar has ended. */
  @Transactional(readOnly = true)
  public Term currentTerm(long schoolId) {
    try {
      return calendar.termOn(schoolId, clock.today());
    } catch (TermCalendar.NoTermException e) {
      return null;
    }
  }

  /**
   * A child's file. {@code term} given: the records dated within it (and the cases running in it);
   * null: every record of every case of the child.
   */
  @Transactional(readOnly = true)
  public ChildFile file(long childId, Term term, Locale locale) {
    Child c = archive.child(childId);
    SchoolClass sc = c.getSchoolClass();
    List<CareCase> childCases = cases.casesOfChild(childId);
    List<CareCase> shown = childCases;
    LocalDate from = term == null ? null : term.getStartDate();
    LocalDate to = term == null ? null : term.getEndDate();
    List<Entry> risk = new ArrayList<>();
    List<Entry> plans = new ArrayList<>();
    List<Entry> family = new ArrayList<>();
    List<Entry> records = new ArrayList<>();
    List<TimelineEntry> entries = new ArrayList<>();
    for (CareCase k : shown) {
      for (TimelineContributor t : timeline) {
        entries.addAll(t.entriesForCase(k.getId()));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    Map<String, String> authors = schools.teacherNames(entries.stream().map(TimelineEntry::author).filter(a -> a != null).distinct().toList());
    for (TimelineEntry e : entries) {
      LocalDate day = e.at().toLocalDate();
      if (from != null && (day.isBefore(from) || day.isAfter(to))) {
        continue;
      }
      List<Field> details = new ArrayList<>();
      for (TimelineEntry.Detail d : e.details()) {
        if (d.value() != null && !d.value().isBlank()) {
          // a person by their name, as the child's page shows them (a reminder's recipient is "user:<id>")
          String value = d.value().startsWith("user:") ? schools.teacherName(d.value().substring(5)) : codes.show(d.value());
          details.add(new Field(msg(d.label(), locale), value));
        }
      }
      Entry row = new Entry(dateTime(e.at(), locale), msg(e.kind(), locale),
          e.author() == null ? "" : authors.getOrDefault(e.author(), e.author()), details);
      if (RISK.contains(e.kind())) {
        risk.add(row);
      } else if (PLANS.contains(e.kind())) {
        plans.add(row);
      } else if (FAMILY.contains(e.kind())) {
        family.add(row);
      } else {
        records.add(row);
      }
    }
    List<CaseRow> caseRows = new ArrayList<>();
    for (CareCase k : shown) {
      String mentorPhone = k.getMentor() == null ? "" : schools.teacher(k.getMentor()).map(Teacher::getPhone).orElse("");
      caseRows.add(new CaseRow(k.getId(), msg("case.status." + k.getStatus(), locale), termName(k.getTermId()),
          date(k.getOpenedAt(), locale), k.getEligibilityReason() == null ? "" : msg("code.eligibility." + k.getEligibilityReason(), locale),
          k.getMentor() == null ? "" : schools.teacherName(k.getMentor()), mentorPhone == null ? "" : mentorPhone,
          buddyName(k.getBuddyChildId()), k.getClosedAt() == null ? "" : date(k.getClosedAt(), locale),
          k.getCloseReason() == null ? "" : msg("code.close." + k.getCloseReason(), locale), k.getCloseNote() == null ? "" : k.getCloseNote()));
    }
    List<Change> history = new ArrayList<>();
    for (ArchiveChange h : archive.history(childId)) {
      LocalDate day = h.getChangedAt().atZone(clock.zone()).toLocalDate();
      if (from != null && (day.isBefore(from) || day.isAfter(to))) {
        continue;
      }
      history.add(new Change(dateTime(h.getChangedAt().atZone(clock.zone()).toLocalDateTime(), locale),
          schools.teacherName(h.getChangedBy()), msg(org.careflow.child.ArchiveChangeText.fieldLabel(h.getField()), locale),
          shown(h.getField(), h.getOldValue(), locale), shown(h.getField(), h.getNewValue(), locale)));
    }
    String teacher = sc.getClassTeacher() == null ? "" : schools.teacherName(sc.getClassTeacher());
    String teacherPhone = sc.getClassTeacher() == null ? "" : schools.teacher(sc.getClassTeacher()).map(Teacher::getPhone).orElse("");
    String scope = term == null ? msg("reports.scope.case", locale) : msg("reports.scope.term", locale, term.getName());
    return new ChildFile(c.getId(), c.getName(), s(c.getStudentNo()), sc.getSchool().getName(), sc.getName(), teacher, s(teacherPhone), scope,
        archiveFields(c, locale), cardFields(c, locale), caseRows, risk, plans, family, records, history);
  }

  private List<Field> archiveFields(Child c, Locale l) {
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
  private List<Field> cardFields(Child c, Locale l) {
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

  private String buddyName(Long buddyId) {
    if (buddyId == null) {
      return "";
    }
    try {
      return archive.child(buddyId).getName();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String termName(Long termId) {
    if (termId == null) {
      return "";
    }
    try {
      return calendar.term(termId).getName();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String date(java.time.Instant at, Locale l) {
    return at.atZone(clock.zone()).toLocalDate().format(DateTimeFormatter.ofPattern(msg("format.date", l), l));
  }

  private String dateTime(LocalDateTime at, Locale l) {
    return at.format(DateTimeFormatter.ofPattern(msg("format.dateTime", l), l));
  }

  String today(Locale l) {
    return clock.today().format(DateTimeFormatter.ofPattern(msg("format.date", l), l));
  }

  /** A value of the change log as the child's page shows it: through its message, never the stored code. */
  private String shown(String field, String value, Locale l) {
    org.careflow.child.ArchiveChangeText.Shown v = org.careflow.child.ArchiveChangeText.shown(field, value);
    return v.code() != null ? msg(v.code(), l) : v.text();
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
