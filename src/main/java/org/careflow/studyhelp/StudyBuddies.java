package org.careflow.studyhelp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study buddies (学习伙伴): the class teacher chooses a child's buddy from any classmate and rates the
 * buddy's effect at the term review; the child's and the class's buddies as shown. Who may what is
 * {@link StudyHelp}'s; each user action is one transaction, audited with the child.
 */
@Service
public class StudyBuddies {

  public record BuddyView(StudyBuddy buddy, String buddyName, boolean mayRate) {}

  public record Pair(long childId, String childName, long buddyId, String buddyName, String effect) {}

  private final StudyHelp help;
  private final StudyBuddyRepository buddies;
  private final ChildRepository children;
  private final TermCalendar calendar;
  private final Audit audit;
  private final CareClock clock;

  StudyBuddies(StudyHelp help, StudyBuddyRepository buddies, ChildRepository children, TermCalendar calendar, Audit audit,
      CareClock clock) {
    this.help = help;
    this.buddies = buddies;
    this.children = children;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /** The child's buddies, newest first (the active one on top). Only for whoever sees the child's page. */
  @Transactional(readOnly = true)
  public List<BuddyView> buddiesOf(CurrentUser u, long childId) {
    Child child = help.child(childId);
    if (!help.seesChild(u, child)) {
      return List.of();
    }
    boolean arranges = StudyHelp.mayArrange(u, child);
    List<StudyBuddy> list = buddies.findByChildIdOrderByChosenAtDesc(childId);
    Map<Long, String> names = help.names(list.stream().map(StudyBuddy::getBuddyChildId).toList());
    return list.stream().map(b -> new BuddyView(b, names.getOrDefault(b.getBuddyChildId(), ""), arranges)).toList();
  }

  /** The active buddies of a class: for the class's page. */
  @Transactional(readOnly = true)
  public List<Pair> buddiesOfClass(long classId) {
    List<StudyBuddy> list = buddies.findByClassIdAndActiveTrueOrderByChosenAt(classId);
    List<Long> ids = new ArrayList<>();
    list.forEach(b -> {
      ids.add(b.getChildId());
      ids.add(b.getBuddyChildId());
    });
    Map<Long, String> names = help.names(ids);
    return list.stream().map(b -> new Pair(b.getChildId(), names.getOrDefault(b.getChildId(), ""), b.getBuddyChildId(),
        names.getOrDefault(b.getBuddyChildId(), ""), b.getEffect())).toList();
  }

  /** The classmates a buddy can be chosen from: every other child of the class. */
  @Transactional(readOnly = true)
  public List<Child> classmates(Child child) {
    return children.findBySchoolClassIdOrderByName(child.getSchoolClass().getId()).stream()
        .filter(c -> !c.getId().equals(child.getId()) && c.getAnonymisedAt() == null).toList();
  }

  /** The class teacher chooses the child's study buddy: any other child of the class. */
  @Transactional
  public StudyBuddy chooseBuddy(CurrentUser u, long childId, Long buddyChildId) {
    Child child = help.child(childId);
    if (!StudyHelp.mayArrange(u, child)) {
      throw new NotFoundException("child");
    }
    FieldErrors errors = new FieldErrors();
    if (buddyChildId == null) {
      errors.reject("buddy", "validation.required");
    } else if (classmates(child).stream().noneMatch(c -> c.getId().equals(buddyChildId))) {
      errors.reject("buddy", "studyHelp.notClassmate");
    }
    Long term = null;
    try {
      term = calendar.termOn(child.getSchoolClass().getSchool().getId(), clock.today()).getId();
    } catch (TermCalendar.NoTermException e) {
      errors.reject("buddy", "studyHelp.noTerm");
    }
    errors.throwIfAny();
    List<StudyBuddy> current = buddies.findByChildIdAndActiveTrue(childId);
    if (current.stream().anyMatch(b -> b.getBuddyChildId().equals(buddyChildId))) {
      return current.get(0); // the same buddy again: nothing changes
    }
    current.forEach(StudyBuddy::end);
    StudyBuddy b = buddies.save(new StudyBuddy(childId, buddyChildId, child.getSchoolClass().getId(), term, u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, childId, null, "study buddy");
    return b;
  }

  /** The buddy's effect, rated by the class teacher (at the term review). */
  @Transactional
  public StudyBuddy rateBuddy(CurrentUser u, long buddyId, String effect, String note) {
    StudyBuddy b = buddies.findById(buddyId).orElseThrow(() -> new NotFoundException("buddy"));
    if (!StudyHelp.mayArrange(u, help.child(b.getChildId()))) {
      throw new NotFoundException("buddy");
    }
    FieldErrors errors = new FieldErrors();
    if (effect == null || !StudyHelp.EFFECTS.contains(effect)) {
      errors.reject("effect", "validation.option");
    }
    String text = errors.text("note", note, 500, false);
    errors.throwIfAny();
    b.rate(effect, text, u.id(), clock.now());
    audit.change(u.id(), Audit.RECORD, b.getChildId(), null, "study buddy effect");
    return b;
  }

  /** The child a buddy row is about (for redirects). */
  @Transactional(readOnly = true)
  public long childOfBuddy(long buddyId) {
    return buddies.findById(buddyId).orElseThrow(() -> new NotFoundException("buddy")).getChildId();
  }
}
