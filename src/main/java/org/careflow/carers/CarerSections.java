package org.careflow.carers;

import java.util.List;
import java.util.Map;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.PageSections;
import org.springframework.stereotype.Component;

/**
 * The carers on the child's page (for whoever sees the whole page: never in a subject teacher's limited view):
 * who looks after the child (phone numbers for the school's class teachers and coordinators only), their
 * recorded visits and calls, and the class teacher's form to record one.
 */
@Component
class CarerSections implements PageSections {

  private final CarerVisits visits;
  private final CarerAccess access;
  private final ChildArchive archive;
  private final SchoolDirectory schools;
  private final CareClock clock;

  CarerSections(CarerVisits visits, CarerAccess access, ChildArchive archive, SchoolDirectory schools, CareClock clock) {
    this.visits = visits;
    this.access = access;
    this.archive = archive;
    this.schools = schools;
    this.clock = clock;
  }

  @Override
  public List<Section> childSections(long childId, Viewer viewer, boolean fullAccess) {
    if (!fullAccess) {
      return List.of();
    }
    CurrentUser u = new CurrentUser(viewer.user(), List.copyOf(viewer.groups()));
    Child child = archive.child(childId);
    List<CarerVisits.CarerOfChild> list = visits.carersOf(u, child);
    List<CarerVisits.ContactView> contacts = visits.contactsOf(childId);
    return List.of(new Section("carers/section", Map.of("childId", childId, "carers", list, "contacts", contacts,
        "mayRecord", access.mayRecordFor(u, child) && !list.isEmpty(), "today", clock.today(),
        "names", schools.teacherNames(contacts.stream().map(c -> c.contact().getRecordedBy()).distinct().toList()))));
  }
}
