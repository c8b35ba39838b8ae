package org.careflow.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The columns of the appraisal's table, the same in the workbook and the PDF: headers and one teacher's values. */
final class AppraisalColumns {

  private AppraisalColumns() {}

  static List<String> headers(MessageSource m, Locale l) {
    List<String> h = new ArrayList<>(List.of(m.getMessage("appraisal.teacher", null, l), m.getMessage("appraisal.duty", null, l),
        m.getMessage("appraisal.classes", null, l)));
    for (String kind : Appraisals.OBLIGATIONS.keySet()) {
      String k = m.getMessage("appraisal.obligation." + kind, null, l);
      h.add(m.getMessage("appraisal.onTimeOf", new Object[] {k}, l));
      h.add(m.getMessage("appraisal.lateOf", new Object[] {k}, l));
    }
    h.addAll(List.of(m.getMessage("appraisal.totalOnTime", null, l), m.getMessage("appraisal.totalLate", null, l),
        m.getMessage("appraisal.records", null, l), m.getMessage("appraisal.overdueNow", null, l),
        m.getMessage("appraisal.classTeacherScore", null, l), m.getMessage("appraisal.mentorScore", null, l),
        m.getMessage("appraisal.grade", null, l), m.getMessage("appraisal.outstanding", null, l), m.getMessage("appraisal.comment", null, l)));
    return h;
  }

  static String duty(Appraisals.TeacherRow r, MessageSource m, Locale l) {
    List<String> d = new ArrayList<>();
    if (r.classTeacher()) {
      d.add(m.getMessage("appraisal.duty.classTeacher", null, l));
    }
    if (r.mentor()) {
      d.add(m.getMessage("appraisal.duty.mentor", null, l));
    }
    return String.join("、", d);
  }

  static String outstanding(Appraisals.TeacherRow r, MessageSource m, Locale l) {
    List<String> d = new ArrayList<>();
    if (r.grade() != null && r.grade().outstandingClassTeacher()) {
      d.add(m.getMessage("appraisal.outstandingClassTeacher", null, l));
    }
    if (r.grade() != null && r.grade().outstandingMentor()) {
      d.add(m.getMessage("appraisal.outstandingMentor", null, l));
    }
    return String.join("、", d);
  }

  static List<Object> values(Appraisals.TeacherRow r, MessageSource m, Locale l) {
    List<Object> v = new ArrayList<>(List.of(r.name(), duty(r, m, l), String.join("、", r.classes())));
    for (String kind : Appraisals.OBLIGATIONS.keySet()) {
      Appraisals.Done d = r.obligations().getOrDefault(kind, Appraisals.Done.NONE);
      v.add(d.onTime());
      v.add(d.late());
    }
    v.add(r.total().onTime());
    v.add(r.total().late());
    v.add(r.records());
    v.add(r.overdueNow() == null ? "—" : r.overdueNow());
    v.add(r.classTeacherScore() == null ? "—" : r.classTeacherScore());
    v.add(r.mentorScore() == null ? "—" : r.mentorScore());
    v.add(r.grade() == null ? m.getMessage("appraisal.notGraded", null, l) : m.getMessage("appraisal.grade." + r.grade().grade(), null, l));
    v.add(outstanding(r, m, l));
    v.add(r.grade() == null || r.grade().comment() == null ? "" : r.grade().comment());
    return v;
  }
}
