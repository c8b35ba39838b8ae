package org.careflow.activity;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision {@value ClassActivities#DECISION_KEY} read for a class: its inputs today, the obligations it
 * raises now (the process's task collection), and what it asks over a term (the class's help plan).
 */
@Component
class ObligationDecision {

  private final DecisionService decisions;
  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final HolidayRepository holidays;
  private final CareCases cases;
  private final CareClock clock;
  private final ActivityKinds kinds;

  ObligationDecision(DecisionService decisions, JdbcTemplate jdbc, SchoolDirectory schools, TermCalendar calendar, HolidayRepository holidays,
      CareCases cases, CareClock clock, ActivityKinds kinds) {
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.schools = schools;
    this.calendar = calendar;
    this.holidays = holidays;
    this.cases = cases;
    this.clock = clock;
    this.kinds = kinds;
  }

  /** The decision's inputs for a class today. */
  @Transactional(readOnly = true)
  Map<String, Object> inputs(long classId) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    LocalDate today = clock.today();
    Term term = termOn(schoolId, today);
    int termWeek = term == null || !term.contains(today) ? 0
        : (int) (ChronoUnit.WEEKS.between(term.getStartDate().with(DayOfWeek.MONDAY), today.with(DayOfWeek.MONDAY)) + 1);
    Holiday next = nextHoliday(schoolId, today);
    int days = next == null ? ClassActivities.NO_HOLIDAY : (int) ChronoUnit.DAYS.between(today, next.getStartDate());
    int birthdays = 0;
    for (CareCase cc : cases.openCasesOfClass(classId)) {
      LocalDate born = cc.getChild().getBirthDate();
      if (born != null && born.getMonthValue() == today.getMonthValue()) {
        birthdays++;
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("month", today.getMonthValue());
    vars.put("daysToHoliday", days);
    vars.put("termWeek", termWeek);
    vars.put("birthdays", birthdays);
    return vars;
  }

  private Term termOn(long schoolId, LocalDate day) {
    try {
      return calendar.termOn(schoolId, day);
    } catch (TermCalendar.NoTermException e) {
      return null;
    }
  }

  private Holiday nextHoliday(long schoolId, LocalDate today) {
    return holidays.findBySchoolIdOrderByStartDate(schoolId).stream().filter(h -> h.getStartDate().isAfter(today)).findFirst().orElse(null);
  }

  /**
   * Evaluates the decision for the class today and keeps what it requires: each new obligation an open
   * row (or done at once when an activity of the period already fulfils it). Returns the ids of the
   * new open ones, as the process's task collection.
   */
  @Transactional
  List<String> raise(long classId) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    LocalDate today = clock.today();
    Map<String, Object> vars = inputs(classId);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> entry : decisions.evaluateDecisionTableByKey(ClassActivities.DECISION_KEY, vars).getResultList()) {
      rows.add(entry);
    }
    List<String> open = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      List<String> kinds = ClassActivities.kinds(r.get("kinds"));
      String rule = r.get("due") == null ? "MONTH_END" : r.get("due").toString().strip();
      LocalDate[] window = window(schoolId, today, rule);
      if (kinds.isEmpty() || window == null || window[1].isBefore(today)) {
        continue;
      }
      String joined = String.join(",", kinds);
      if (jdbc.queryForObject("select count(*) from cf_activity_obligation where class_id = ? and kinds = ? and due_date = ?",
          Integer.class, classId, joined, window[1]) > 0) {
        continue;
      }
      Long done = matchingActivity(classId, kinds, window[0]);
      org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
      jdbc.update(con -> {
        var ps = con.prepareStatement("insert into cf_activity_obligation (school_id, class_id, kinds, due_rule, window_start, due_date, status,"
            + " activity_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
        ps.setLong(1, schoolId);
        ps.setLong(2, classId);
        ps.setString(3, joined);
        ps.setString(4, rule);
        ps.setObject(5, window[0]);
        ps.setObject(6, window[1]);
        ps.setString(7, done == null ? "OPEN" : "DONE");
        ps.setObject(8, done);
        ps.setTimestamp(9, Timestamp.from(clock.now()));
        return ps;
      }, key);
      if (done == null) {
        open.add(String.valueOf(key.getKey().longValue()));
      }
    }
    return open;
  }

  /** The period an obligation covers, [first day, due day], by its due rule; null when the calendar has no such day. */
  private LocalDate[] window(long schoolId, LocalDate today, String rule) {
    Term term = termOn(schoolId, today);
    switch (rule) {
      case "TERM_END" -> {
        return term == null ? null : new LocalDate[] {term.getStartDate(), term.getEndDate()};
      }
      case "BEFORE_HOLIDAY" -> {
        Holiday h = nextHoliday(schoolId, today);
        if (h == null) {
          return null;
        }
        LocalDate due = h.getStartDate().minusDays(1);
        return new LocalDate[] {due.minusDays(30), due};
      }
      default -> {
        LocalDate due = term != null && term.contains(today) ? TermCalendar.monthDue(today, term) : today.with(TemporalAdjusters.lastDayOfMonth());
        return new LocalDate[] {today.withDayOfMonth(1), due};
      }
    }
  }

  private Long matchingActivity(long classId, List<String> kinds, LocalDate from) {
    List<Long> found = jdbc.queryForList("select id from cf_activity where class_id = ? and activity_date >= ? and activity_date <= ? and kind_code in ("
        + String.join(",", kinds.stream().map(k -> "?").toList()) + ") order by activity_date, id",
        Long.class, params(classId, from, clock.today(), kinds));
    return found.isEmpty() ? null : found.get(0);
  }

  private static Object[] params(long classId, LocalDate from, LocalDate to, List<String> kinds) {
    List<Object> p = new ArrayList<>(List.of(classId, from, to));
    p.addAll(kinds);
    return p.toArray();
  }

  /**
   * The activities the decision {@value ClassActivities#DECISION_KEY} asks of the class in a term, as it reads today: the
   * table evaluated on the first school day of each month of the term; one line per month ("10月：主题班会"),
   * the term's own ("本学期：…") once. For the class's help plan (班级关爱帮扶计划).
   */
  List<String> plannedFor(long classId, Term term, java.util.Locale locale) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    Map<String, ActivityKinds.Kind> names = kindNames(schoolId);
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    boolean zh = !java.util.Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    for (LocalDate d = term.getStartDate(); !d.isAfter(term.getEndDate()); d = d.with(TemporalAdjusters.firstDayOfNextMonth())) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("month", d.getMonthValue());
      Holiday next = nextHoliday(schoolId, d);
      vars.put("daysToHoliday", next == null ? ClassActivities.NO_HOLIDAY : (int) ChronoUnit.DAYS.between(d, next.getStartDate()));
      vars.put("termWeek", (int) (ChronoUnit.WEEKS.between(term.getStartDate().with(DayOfWeek.MONDAY), d.with(DayOfWeek.MONDAY)) + 1));
      int month = d.getMonthValue();
      vars.put("birthdays", (int) cases.openCasesOfClass(classId).stream()
          .filter(k -> k.getChild().getBirthDate() != null && k.getChild().getBirthDate().getMonthValue() == month).count());
      for (Map<String, Object> r : decisions.evaluateDecisionTableByKey(ClassActivities.DECISION_KEY, vars).getResultList()) {
        List<String> kinds = ClassActivities.kinds(r.get("kinds"));
        if (kinds.isEmpty()) {
          continue;
        }
        String rule = r.get("due") == null ? "MONTH_END" : r.get("due").toString().strip();
        String what = String.join(zh ? "或" : " or ", kinds.stream().map(k -> names.containsKey(k) ? names.get(k).name(locale) : k).toList());
        String when = "TERM_END".equals(rule) ? (zh ? "本学期" : "this term") : zh ? month + "月" : java.time.Month.of(month)
            .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        out.add(when + (zh ? "：" : ": ") + what);
      }
    }
    return List.copyOf(out);
  }

  private Map<String, ActivityKinds.Kind> kindNames(long schoolId) {
    return kinds.byCode(schoolId);
  }
}
