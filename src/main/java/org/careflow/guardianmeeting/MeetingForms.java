package org.careflow.guardianmeeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.ChildRepository;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The class teacher's three steps of a guardian meeting: plan it, record who was invited, record who
 * came. Every guardian who did not come is handed on as `absentCaseIds`, and the process raises a home
 * visit in each of those cases.
 */
@Component
class MeetingForms implements TaskFormHandler {

  /** The invitation form's field (forms/, not the model): the cases whose guardians are invited. */
  static final String FIELD_INVITED = "invited";

  static final List<String> METHODS = List.of("PHONE", "SMS", "WECHAT", "LETTER");

  private final GuardianMeetingRepository meetings;
  private final MeetingGuestRepository guests;
  private final CareCases cases;
  private final ChildRepository children;
  private final TermCalendar calendar;
  private final CareClock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  MeetingForms(GuardianMeetingRepository meetings, MeetingGuestRepository guests, CareCases cases, ChildRepository children,
      TermCalendar calendar, CareClock clock, org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.meetings = meetings;
    this.guests = guests;
    this.cases = cases;
    this.children = children;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(GuardianMeetingProcess.TASK_PLAN, GuardianMeetingProcess.TASK_INVITE, GuardianMeetingProcess.TASK_HOLD);
  }

  private GuardianMeeting meeting(TaskContext task) {
    return meetings.findById(org.careflow.shared.BusinessKey.id(task.businessKey())).orElseThrow();
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    GuardianMeeting m = meeting(task);
    return switch (task.taskKey()) {
      case GuardianMeetingProcess.TASK_INVITE -> Map.of(FIELD_INVITED, cases.openCasesOfClass(m.getClassId()).stream().map(c -> c.getId().toString()).toList());
      default -> Map.of();
    };
  }

  @Override
  public List<Option> options(TaskContext task, String valuesKey) {
    GuardianMeeting m = meeting(task);
    if ("classChildren".equals(valuesKey)) {
      return cases.openCasesOfClass(m.getClassId()).stream()
          .map(c -> new Option(c.getId().toString(), c.getChild().getName())).toList();
    }
    if ("invitedChildren".equals(valuesKey)) {
      List<MeetingGuest> invited = guests.findByMeetingIdOrderById(m.getId());
      Map<Long, String> names = new java.util.HashMap<>();
      children.findAllById(invited.stream().map(MeetingGuest::getChildId).toList()).forEach(c -> names.put(c.getId(), c.getName()));
      return invited.stream().map(g -> new Option(g.getCaseId().toString(), names.get(g.getChildId()))).toList();
    }
    return List.of();
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    GuardianMeeting m = meeting(task);
    switch (task.taskKey()) {
      case GuardianMeetingProcess.TASK_PLAN -> {
        LocalDate date = v.date("meetingDate");
        Term term = calendar.term(m.getTermId());
        if (date == null) {
          errors.reject("meetingDate", "validation.required");
        } else if (date.isBefore(clock.today())) {
          errors.reject("meetingDate", "validation.futureDate");
        } else if (!term.contains(date)) {
          errors.reject("meetingDate", "validation.inTerm", term.getStartDate(), term.getEndDate());
        }
        if (errors.isEmpty()) {
          m.plan(date, v.text("location"), v.text("agenda"));
        }
        return Map.of();
      }
      case GuardianMeetingProcess.TASK_INVITE -> {
        if (!METHODS.contains(v.text("method"))) {
          errors.reject("method", "validation.option");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        m.invited(v.text("method"));
        for (String caseId : v.list(FIELD_INVITED)) {
          CareCase c = cases.careCase(Long.parseLong(caseId));
          guests.save(new MeetingGuest(m.getId(), c.getId(), c.getChild().getId(), clock.now()));
        }
        return Map.of();
      }
      default -> {
        if (m.getMeetingDate() != null && m.getMeetingDate().isAfter(clock.today())) {
          errors.reject("absent", "validation.meetingNotYet", m.getMeetingDate());
          return Map.of();
        }
        List<String> absent = v.list("absent");
        List<Long> absentCaseIds = new java.util.ArrayList<>();
        for (MeetingGuest g : guests.findByMeetingIdOrderById(m.getId())) {
          boolean away = absent.contains(g.getCaseId().toString());
          g.attended(!away);
          if (away) {
            absentCaseIds.add(g.getCaseId());
          }
        }
        m.held(v.text("minutes"), clock.now());
        events.publishEvent(new GuardianMeetingHeld(m.getId(), m.getClassId(), m.getHeldAt()));
        return Map.of("absentCaseIds", absentCaseIds);
      }
    }
  }
}
