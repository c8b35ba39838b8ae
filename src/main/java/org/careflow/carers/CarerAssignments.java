package org.careflow.carers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.careflow.carers.Carers.ChildRef;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which children a carer looks after: a coordinator gives a carer any child in care at the school, a class
 * teacher the children of their own classes; each change one transaction, audited with the child.
 */
@Service
public class CarerAssignments {

  private final CarerAccess access;
  private final CarerChildRepository links;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final Audit audit;
  private final CareClock clock;

  CarerAssignments(CarerAccess access, CarerChildRepository links, CareCases cases, SchoolDirectory schools, SchoolClassRepository classes,
      Audit audit, CareClock clock) {
    this.access = access;
    this.links = links;
    this.cases = cases;
    this.schools = schools;
    this.classes = classes;
    this.audit = audit;
    this.clock = clock;
  }

  /** The children in care this user may give a carer of this school: a coordinator's whole school, a class teacher's classes. */
  @Transactional(readOnly = true)
  public List<ChildRef> assignable(CurrentUser u, long schoolId) {
    List<SchoolClass> offered = access.coordinates(u, schoolId) ? classes.findBySchoolIdOrderByGradeAscNameAsc(schoolId)
        : schools.classesOf(u.id()).stream().filter(c -> c.getSchool().getId() == schoolId).toList();
    List<ChildRef> out = new ArrayList<>();
    for (SchoolClass sc : offered) {
      // the children whose case is open: being enrolled, or in care
      cases.withChildren(cases.openCaseIds(sc.getId(), null)).values().stream().map(CareCase::getChild).distinct()
          .sorted(Comparator.comparing(Child::getName))
          .forEach(ch -> out.add(new ChildRef(ch.getId(), ch.getName(), sc.getName())));
    }
    return out;
  }

  /** The carer looks after this child from now on. */
  @Transactional
  public void assign(CurrentUser u, long carerId, Long childId) {
    Carer c = access.kept(u, carerId);
    FieldErrors errors = new FieldErrors();
    if (childId == null) {
      errors.reject("child", "validation.required");
    } else if (assignable(u, c.getSchoolId()).stream().noneMatch(r -> r.id() == childId)) {
      errors.reject("child", "carers.notAssignable");
    }
    errors.throwIfAny();
    if (!links.existsByCarerIdAndChildId(carerId, childId)) {
      links.save(new CarerChild(carerId, childId, u.id(), clock.now()));
      audit.change(u.id(), Audit.RECORD, childId, null, "carer assigned");
    }
  }

  /** The carer no longer looks after this child (their recorded contacts stay). */
  @Transactional
  public void unassign(CurrentUser u, long carerId, long childId) {
    Carer c = access.kept(u, carerId);
    Child child = access.child(childId);
    if (child.getSchoolClass().getSchool().getId().longValue() != c.getSchoolId() || !access.mayRecordFor(u, child)) {
      throw new NotFoundException("child");
    }
    links.findByCarerId(carerId).stream().filter(l -> l.getChildId().equals(childId)).forEach(links::delete);
    audit.change(u.id(), Audit.RECORD, childId, null, "carer unassigned");
  }
}
