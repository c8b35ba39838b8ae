package org.careflow.carers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.child.Child;
import org.careflow.family.ContactSource;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A carer's visits and calls to a child, recorded by the child's class teacher or a coordinator of the
 * school; they count as the child's family contact ({@link ContactSource}). Also the child's carers as the
 * child's page shows them.
 */
@Service
public class CarerVisits implements ContactSource {

  public static final List<String> CONTACT_KINDS = List.of("VISIT", "CALL");

  public record ContactView(CarerContact contact, String carerName) {}

  public record CarerOfChild(Carer carer, String phone) {}

  private final CarerAccess access;
  private final CarerRepository carers;
  private final CarerChildRepository links;
  private final CarerContactRepository contacts;
  private final Audit audit;
  private final CareClock clock;

  CarerVisits(CarerAccess access, CarerRepository carers, CarerChildRepository links, CarerContactRepository contacts, Audit audit,
      CareClock clock) {
    this.access = access;
    this.carers = carers;
    this.links = links;
    this.contacts = contacts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The carers looking after the child (phone numbers for the school's class teachers and coordinators only). */
  @Transactional(readOnly = true)
  public List<CarerOfChild> carersOf(CurrentUser u, Child child) {
    List<Long> ids = links.findByChildId(child.getId()).stream().map(CarerChild::getCarerId).toList();
    boolean phone = access.mayPhone(u, child.getSchoolClass().getSchool().getId());
    return carers.findAllById(ids).stream().map(c -> new CarerOfChild(c, phone ? c.getPhone() : null)).toList();
  }

  @Transactional(readOnly = true)
  public List<ContactView> contactsOf(long childId) {
    List<CarerContact> list = contacts.findTop20ByChildIdOrderByContactDateDescIdDesc(childId);
    Map<Long, String> names = new LinkedHashMap<>();
    carers.findAllById(list.stream().map(CarerContact::getCarerId).distinct().toList()).forEach(c -> names.put(c.getId(), c.getName()));
    return list.stream().map(c -> new ContactView(c, names.getOrDefault(c.getCarerId(), ""))).toList();
  }

  /** The class teacher records a carer's visit or call to the child: it counts as family contact. */
  @Transactional
  public CarerContact recordContact(CurrentUser u, long childId, Long carerId, LocalDate date, String kind, String notes) {
    Child child = access.child(childId);
    if (!access.mayRecordFor(u, child)) {
      throw new NotFoundException("child");
    }
    FieldErrors errors = new FieldErrors();
    if (carerId == null || !links.existsByCarerIdAndChildId(carerId, childId)) {
      errors.reject("carer", "carers.notLookingAfter");
    }
    if (date == null) {
      errors.reject("date", "validation.date");
    } else if (date.isAfter(clock.today())) {
      errors.reject("date", "validation.pastDate");
    } else if (date.isBefore(clock.today().minusDays(366))) {
      errors.reject("date", "validation.tooOld", 366);
    }
    if (kind == null || !CONTACT_KINDS.contains(kind)) {
      errors.reject("kind", "validation.option");
    }
    String text = errors.text("notes", notes, 500, false);
    errors.throwIfAny();
    CarerContact c = contacts.save(new CarerContact(carerId, childId, date, kind, text, u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, childId, null, "carer contact");
    return c;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LocalDate> lastContact(long childId) {
    return Optional.ofNullable(contacts.lastContact(childId));
  }
}
