package org.careflow.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.child.ChildRepository;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content of a child's 一人一档 and 联系卡, and a class's file of a term, for whoever may see them: gathered
 * in one read-only transaction ({@link ChildFileContent} writes each child's) and put into plain rows in the
 * reader's language, so that the PDF is rendered outside any transaction.
 */
@Service
public class ChildFiles {

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
  private final CareClock clock;
  private final ChildRepository children;
  private final org.careflow.classplan.ClassTermPapers papers;
  private final ChildFileContent content;

  ChildFiles(ChildArchive archive, CareCases cases, SchoolDirectory schools, TermCalendar calendar, CareClock clock, ChildRepository children,
      org.careflow.classplan.ClassTermPapers papers, ChildFileContent content) {
    this.papers = papers;
    this.children = children;
    this.archive = archive;
    this.cases = cases;
    this.schools = schools;
    this.calendar = calendar;
    this.clock = clock;
    this.content = content;
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
      list.add(content.file(child.getId(), t, locale));
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
    return content.file(childId, term ? currentTerm(child.getSchoolClass().getSchool().getId()) : null, locale);
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
    return content.file(childId, term, locale);
  }

  /** Today, as the files print it. */
  String today(Locale l) {
    return content.today(l);
  }

}
