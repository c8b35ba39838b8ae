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

  private final Carers carers;
  private final ChildArchive archive;
  private final SchoolDirectory schools;
  private final CareClock clock;

  CarerSections(Carers carers, ChildArchive archive, SchoolDirectory schools, CareClock clock) {
    this.carers = carers;
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
    List<Carers.CarerOfChild> list = carers.carersOf(u, child);
    List<Carers.ContactView> contacts = carers.contactsOf(childId);
    return List.of(new Section("carers/section", Map.of("childId", childId, "carers", list, "contacts", contacts,
        "mayRecord", carers.mayRecordFor(u, child) && !list.isEmpty(), "today", clock.today(),
        "names", schools.teacherNames(contacts.stream().map(c -> c.contact().getRecordedBy()).distinct().toList()))));
  }
}
