package org.careflow.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.shared.CareClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The daily digest: each teacher with overdue or due-soon work gets one e-mail listing it by obligation,
 * each supervisor one with the figures by class and the escalations still open. Counts only: no child's
 * name goes into an e-mail. Sent only when mail is configured ({@code spring.mail.host}); the schedule is
 * {@code careflow.digest.cron}.
 */
@Service
public class DigestMail {

  private static final Logger log = LoggerFactory.getLogger(DigestMail.class);

  private final OversightQueries queries;
  private final Accounts accounts;
  private final ObjectProvider<JavaMailSender> mail;
  private final MessageSource messages;
  private final CareClock clock;
  private final String from;
  private final Locale locale;

  DigestMail(OversightQueries queries, Accounts accounts, ObjectProvider<JavaMailSender> mail, MessageSource messages, CareClock clock,
      @Value("${careflow.digest.from:careflow@localhost}") String from, @Value("${careflow.digest.locale:zh-CN}") String locale) {
    this.queries = queries;
    this.accounts = accounts;
    this.mail = mail;
    this.messages = messages;
    this.clock = clock;
    this.from = from;
    this.locale = Locale.forLanguageTag(locale);
  }

  /** Builds and sends today's digests; returns how many were sent (0 when mail is not configured). */
  public int sendDaily() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    List<SimpleMailMessage> out = new ArrayList<>(teacherDigests());
    out.addAll(supervisorDigests());
    int sent = 0;
    for (SimpleMailMessage m : out) {
      try {
        sender.send(m);
        sent++;
      } catch (MailException e) {
        log.warn("digest to {} not sent: {}", m.getTo()[0], e.getMessage());
      }
    }
    log.info("daily digest: {} e-mails sent", sent);
    return sent;
  }

  List<SimpleMailMessage> teacherDigests() {
    List<SimpleMailMessage> out = new ArrayList<>();
    for (Map.Entry<String, List<OversightQueries.GroupRow>> e : queries.byAssigneeAndObligation().entrySet()) {
      accounts.contact(e.getKey()).ifPresent(c -> {
        StringBuilder body = new StringBuilder();
        body.append(msg("digest.greeting", c.name())).append("\n\n").append(msg("digest.teacher.intro")).append("\n");
        for (OversightQueries.GroupRow r : e.getValue()) {
          body.append("- ").append(line(r)).append("\n");
        }
        out.add(message(c.email(), body));
      });
    }
    return out;
  }

  /** Each supervisor's figures are their schools' (issue 6: a supervisor sees only their schools). */
  List<SimpleMailMessage> supervisorDigests() {
    List<SimpleMailMessage> out = new ArrayList<>();
    for (String id : accounts.members(Roles.SUPERVISOR)) {
      java.util.Set<Long> schools = accounts.schoolsOf(id);
      List<OversightQueries.GroupRow> byClass = queries.overdue(OversightQueries.GroupBy.CLASS, Scope.of(schools));
      List<OversightQueries.GroupRow> byObligation = queries.overdue(OversightQueries.GroupBy.OBLIGATION, Scope.of(schools));
      int escalations = queries.openEscalations(10_000, Scope.of(schools)).size();
      accounts.contact(id).ifPresent(c -> {
        StringBuilder body = new StringBuilder();
        body.append(msg("digest.greeting", c.name())).append("\n\n").append(msg("digest.supervisor.intro")).append("\n");
        byClass.forEach(r -> body.append("- ").append(line(r)).append("\n"));
        body.append("\n");
        byObligation.forEach(r -> body.append("- ").append(line(r)).append("\n"));
        body.append("\n").append(msg("digest.escalations", escalations)).append("\n");
        out.add(message(c.email(), body));
      });
    }
    return out;
  }

  private String line(OversightQueries.GroupRow r) {
    String label = messages.getMessage("obligation." + r.key(), null, r.label().isEmpty() ? r.key() : r.label(), locale);
    OversightQueries.Counts c = r.counts();
    return msg("digest.line", label, c.overdue(), c.dueSoon(), c.days1to7(), c.days8to30(), c.over30());
  }

  private SimpleMailMessage message(String to, StringBuilder body) {
    body.append("\n").append(msg("digest.footer")).append("\n");
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom(from);
    m.setTo(to);
    m.setSubject(msg("digest.subject", LocalDate.ofInstant(clock.now(), clock.zone()).toString()));
    m.setText(body.toString());
    return m;
  }

  private String msg(String code, Object... args) {
    return messages.getMessage(code, args, locale);
  }
}
