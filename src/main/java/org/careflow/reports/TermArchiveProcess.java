package org.careflow.reports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.careflow.school.School;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.BusinessKey;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.StandingProcess;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskSubjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资料归档 as a task: process {@value #PROCESS_KEY}, one per school (business key {@code termarchive-<id>}),
 * gives the school's coordinators on each term's last day the task {@value #TASK_KEY} to archive the term's
 * files; completing it runs the same archive as the button on {@code /reports}, for the school and term of
 * the task. The day after the term the next term of the calendar is waited for.
 */
@Component
public class TermArchiveProcess implements TaskFormHandler, CaseScopes, TaskSubjects {


  public static final String PROCESS_KEY = TermArchiveModel.KEY;
  public static final String TASK_KEY = TermArchiveModel.TASK_ARCHIVE;
  static final String PREFIX = "termarchive-";

  private final TaskService tasks;
  private final SchoolRepository schools;
  private final TermCalendar calendar;
  private final TermArchive archive;
  private final CareClock clock;
  private final boolean startAtBoot;
  private final StandingProcess standing;

  TermArchiveProcess(RuntimeService runtime, TaskService tasks, SchoolRepository schools, TermCalendar calendar, TermArchive archive,
      CareClock clock, @Value("${careflow.term-archive.start-at-boot:true}") boolean startAtBoot) {
    this.tasks = tasks;
    this.schools = schools;
    this.calendar = calendar;
    this.archive = archive;
    this.clock = clock;
    this.startAtBoot = startAtBoot;
    this.standing = new StandingProcess(runtime, PROCESS_KEY, PREFIX);
  }

  public static String businessKey(long schoolId) {
    return BusinessKey.prefixed(PREFIX, schoolId);
  }

  public static Optional<Long> schoolOf(String businessKey) {
    return BusinessKey.parse(PREFIX, businessKey);
  }

  static long schoolOfExecution(Object executionOrKey) {
    String key = BusinessKey.keyOf(executionOrKey);
    return schoolOf(key).orElseThrow(() -> new IllegalStateException("not a school's business key: " + key));
  }

  /** Starts the school's process unless it runs. */
  @Transactional
  public boolean ensureFor(long schoolId) {
    return standing.ensureFor(schoolId);
  }

  /** At start, every school gets its process (off in the tests, which start their own schools'). */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    if (!startAtBoot) {
      return;
    }
    standing.ensureForEach(schools.findAll().stream().map(School::getId).toList(), "the term archive of school");
  }

  Optional<Term> termAhead(long schoolId) {
    try {
      return Optional.of(calendar.termOn(schoolId, clock.today()));
    } catch (TermCalendar.NoTermException e) {
      return Optional.empty();
    }
  }

  // -- the task ----------------------------------------------------------------------------------------

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_KEY);
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues values, FieldErrors errors) {
    long schoolId = schoolOfExecution(task.businessKey());
    Object termId = tasks.getVariable(task.taskId(), "termId");
    if (!values.flag("confirm")) {
      errors.reject("confirm", "validation.required");
      return Map.of();
    }
    archive.archiveSchoolTerm(schoolId, Long.parseLong(String.valueOf(termId)), task.user(), LocaleContextHolder.getLocale());
    return Map.of();
  }

  // -- scope and subject: the school ----------------------------------------------------------------------

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** The school; no class (0: no class group is named {@code class-0}). */
  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    return schoolOf(businessKey).flatMap(schools::findById).map(s -> new Scope(0L, s.getId(), null));
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    Map<String, Subject> out = new HashMap<>();
    for (String k : businessKeys) {
      schoolOf(k).flatMap(schools::findById).ifPresent(s -> out.put(k, new Subject(s.getName(), null, null, null)));
    }
    return out;
  }

  /** {@code ${termArchiveFinder}}: the school's term ahead as {@code termId}; {@code hasTerm} false when none, or only the one done. */
  @Component("termArchiveFinder")
  static class Finder implements JavaDelegate {

    private final TermArchiveProcess process;

    Finder(TermArchiveProcess process) {
      this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object before = execution.getVariable("termId");
      Term t = process.termAhead(schoolOfExecution(execution)).orElse(null);
      boolean found = t != null && (before == null || !before.toString().equals(t.getId().toString()));
      execution.setVariable("hasTerm", found);
      if (found) {
        execution.setVariable("termId", t.getId());
      }
    }
  }

  /** The dates of {@code term-archive}'s steps ({@code ${termArchiveCalendar.archiveDay(execution)}}), from the term calendar. */
  @Component("termArchiveCalendar")
  public static class Calendar {

    private final TermCalendar calendar;
    private final CareClock clock;

    Calendar(TermCalendar calendar, CareClock clock) {
      this.calendar = calendar;
      this.clock = clock;
    }

    /** The term's last day, in the morning. */
    public Date archiveDay(Object execution) {
      return morning(term(execution).getEndDate());
    }

    /** A week after the term's last day. */
    public Date archiveDue(Object execution) {
      LocalDate due = term(execution).getEndDate().plusDays(7);
      return clock.endOf(due.isBefore(clock.today()) ? clock.today() : due);
    }

    public Date afterTerm(Object execution) {
      return morning(term(execution).getEndDate().plusDays(1));
    }

    public Date lookAgain(Object execution) {
      return morning(clock.today().plusDays(7));
    }

    private Date morning(LocalDate day) {
      return Date.from(day.atTime(7, 0).atZone(clock.zone()).toInstant());
    }

    private Term term(Object execution) {
      Object id = execution instanceof VariableScope s ? s.getVariable("termId") : execution;
      return calendar.term(Long.parseLong(String.valueOf(id)));
    }
  }

}
