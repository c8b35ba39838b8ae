package org.careflow.reminders;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Writes a morning's messages from oversight's counts (the digest's: {@link OversightQueries#byAssigneeAndObligation}
 * and the scoped figures): to each teacher or mentor with due or overdue work, their counts by kind; to each
 * supervisor, their schools' figures and open escalations; to a school's and a class's 钉钉 group, the figures by
 * class and kind. Only counts, kinds of work, class names and a link to the inbox: never a child's name or other
 * personal data (the kinds are careflow's own labels, never a task's name, which a model could fill from a case).
 */
@Component
class MorningMessages {

  static final String MORNING = "MORNING";
  static final String ESCALATION = "ESCALATION";

  private final OversightQueries queries;
  private final Accounts accounts;
  private final SchoolDirectory schools;
  private final ReminderContacts contacts;
  private final Channels channels;
  private final MessageSource messages;
  private final Locale locale;
  private final String link;

  MorningMessages(OversightQueries queries, Accounts accounts, SchoolDirectory schools, ReminderContacts contacts, Channels channels,
      MessageSource messages, @Value("${careflow.digest.locale:zh-CN}") String locale, @Value("${careflow.base-url:http://localhost:8080}") String baseUrl) {
    this.queries = queries;
    this.accounts = accounts;
    this.schools = schools;
    this.contacts = contacts;
    this.channels = channels;
    this.messages = messages;
    this.locale = Locale.forLanguageTag(locale);
    String base = baseUrl.strip();
    this.link = (base.endsWith("/") ? base : base + "/");
  }

  /** The inbox, where a teacher is asked to sign in first if needed: no personal data in the address. */
  String link() {
    return link;
  }

  /** The school whose channels a person's messages use: their first school. */
  Optional<Long> schoolOf(String username) {
    Set<Long> of = accounts.schoolsOf(username);
    if (!of.isEmpty()) {
      return of.stream().sorted().findFirst();
    }
    return schools.teacher(username).map(t -> t.getSchool().getId());
  }

  /** The day's drafts; {@code schoolDay} says which schools have a school day (the others get none). */
  List<Outbox.Draft> build(LocalDate day, java.util.function.LongPredicate schoolDay) {
    List<Outbox.Draft> out = new ArrayList<>();
    Map<String, List<OversightQueries.GroupRow>> work = queries.byAssigneeAndObligation();
    Map<String, ReminderContacts.Person> people = contacts.of(work.keySet());
    for (Map.Entry<String, List<OversightQueries.GroupRow>> e : work.entrySet()) {
      ReminderContacts.Person p = people.get(e.getKey());
      Optional<Long> school = schoolOf(e.getKey());
      if (p == null || school.isEmpty() || !schoolDay.test(school.get())) {
        continue;
      }
      String body = fit(msg("reminders.msg.teacher", day.toString(), summary(e.getValue()), link), WeComSender.MAX_BYTES);
      personal(out, p, school.get(), MORNING, "", body);
    }
    for (String id : accounts.members(Roles.SUPERVISOR)) {
      Set<Long> theirs = accounts.schoolsOf(id);
      Optional<Long> school = theirs.stream().sorted().findFirst();
      ReminderContacts.Person p = contacts.of(id);
      if (school.isEmpty() || !schoolDay.test(school.get()) || (p.wecomUserId() == null && p.dingtalkUserId() == null)) {
        continue;
      }
      Scope scope = Scope.schools(theirs);
      OversightQueries.OverdueFigures f = queries.figures(scope);
      int escalations = queries.openEscalations(10_000, scope).size();
      if (f.total().overdue() + f.total().dueSoon() == 0 && escalations == 0) {
        continue;
      }
      String body = fit(msg("reminders.msg.supervisor", day.toString(), summary(f.byObligation()), byClass(f.byClass()), escalations, link),
          WeComSender.MAX_BYTES);
      personal(out, p, school.get(), MORNING, "", body);
    }
    for (long schoolId : schoolIds()) {
      if (!schoolDay.test(schoolId)) {
        continue;
      }
      if (channels.schoolRobot(schoolId).isPresent()) {
        OversightQueries.OverdueFigures f = queries.figures(Scope.schools(Set.of(schoolId)));
        if (f.total().overdue() + f.total().dueSoon() > 0) {
          out.add(new Outbox.Draft(MORNING, "", Outbox.Channel.DINGTALK, "school:" + schoolId, schoolId,
              fit(msg("reminders.msg.school", day.toString(), summary(f.byObligation()), byClass(f.byClass()), link), DingTalkRobot.MAX_BYTES)));
        }
      }
      for (Channels.ClassRobotView robot : channels.classRobots(schoolId)) {
        OversightQueries.OverdueFigures f = queries.figures(Scope.classes(Set.of(robot.classId())));
        if (f.total().overdue() + f.total().dueSoon() == 0) {
          continue;
        }
        SchoolClass c = schools.classesById(List.of(robot.classId())).get(robot.classId());
        out.add(new Outbox.Draft(MORNING, "", Outbox.Channel.DINGTALK, "class:" + robot.classId(), schoolId,
            fit(msg("reminders.msg.class", day.toString(), c == null ? "" : c.getName(), summary(f.byObligation()), link), DingTalkRobot.MAX_BYTES)));
      }
    }
    return out;
  }

  /** One message to a person on each platform they are linked to and want. */
  void personal(List<Outbox.Draft> out, ReminderContacts.Person p, long schoolId, String kind, String ref, String body) {
    if (p.wecomUserId() != null && p.wecomOn() && channels.wecom(schoolId).isPresent()) {
      out.add(new Outbox.Draft(kind, ref, Outbox.Channel.WECOM, "user:" + p.username(), schoolId, body));
    }
    if (p.dingtalkUserId() != null && p.dingtalkOn() && channels.schoolRobot(schoolId).isPresent()) {
      out.add(new Outbox.Draft(kind, ref, Outbox.Channel.DINGTALK, "user:" + p.username(), schoolId, body));
    }
  }

  private List<Long> schoolIds() {
    return queries.figures(Scope.ALL).bySchool().stream().map(r -> Long.valueOf(r.key())).filter(id -> id != 0).toList();
  }

  /** "3天内到期 2 项、已逾期 3 项：每月谈心 2、亲情书信 1". */
  String summary(List<OversightQueries.GroupRow> byKind) {
    long due = 0;
    long overdue = 0;
    List<String> kinds = new ArrayList<>();
    for (OversightQueries.GroupRow r : byKind) {
      due += r.counts().dueSoon();
      overdue += r.counts().overdue();
      kinds.add(kind(r.key()) + " " + (r.counts().dueSoon() + r.counts().overdue()));
    }
    return msg("reminders.msg.counts", due, overdue, String.join(msg("reminders.msg.separator"), kinds));
  }

  private String byClass(List<OversightQueries.GroupRow> rows) {
    List<String> out = new ArrayList<>();
    for (OversightQueries.GroupRow r : rows.stream().limit(20).toList()) {
      out.add(msg("reminders.msg.classLine", r.label().isEmpty() ? "-" : r.label(), r.counts().overdue(), r.counts().dueSoon()));
    }
    return String.join("\n", out);
  }

  /** careflow's label of a kind of work (the obligation), never the task's own name. */
  String kind(String taskKey) {
    for (String code : List.of("obligation." + taskKey, "reminders.kind." + taskKey)) {
      try {
        return messages.getMessage(code, null, locale);
      } catch (NoSuchMessageException e) {
        // next
      }
    }
    return msg("reminders.kind.other");
  }

  String msg(String code, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  /** Cuts a message to the platform's limit in bytes, keeping whole lines and the link at the end. */
  String fit(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    String tail = "…\n" + link;
    String head = text;
    while (!head.isEmpty() && (head + tail).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      int cut = head.lastIndexOf('\n');
      head = cut > 0 ? head.substring(0, cut) : head.substring(0, head.length() / 2);
    }
    return head + tail;
  }
}
