package org.careflow.carers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.child.ChildRepository;
import org.careflow.family.ContactSource;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of carers who are not teachers (代理家长 / 爱心妈妈 / 志愿者), per school. Who may:
 * <ul>
 * <li>see the register: the school's coordinators, supervisors and counsellors, its class teachers, administrators;
 * a carer's phone number only the school's class teachers and coordinators;</li>
 * <li>add and edit carers: the school's coordinators and class teachers; assign children: a coordinator any child
 * in care at the school, a class teacher the children of their own classes;</li>
 * <li>record a carer's visit or call to a child: the child's class teacher or a coordinator of the school.</li>
 * </ul>
 * A carer's visits and calls count as the child's family contact ({@link ContactSource}). Each active carer has
 * a {@code carer-follow-up} process (business key {@code carer-<id>}): a task each month for the class teachers
 * of the carer's children to ask how it went.
 */
@Service
public class Carers implements ContactSource {

  public static final List<String> ROLES = List.of("PROXY_PARENT", "LOVING_MOTHER", "VOLUNTEER");
  public static final List<String> BACKGROUNDS = List.of("PUPIL_PARENT", "WOMENS_FEDERATION", "FIVE_ELDERS", "VILLAGE_CADRE", "OTHER");
  public static final List<String> CONTACT_KINDS = List.of("VISIT", "CALL");
  public static final String PROCESS_KEY = CarerFollowUpModel.KEY;
  public static final String KEY_PREFIX = "carer-";

  static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
  static final Pattern NOT_IN_NAMES = Pattern.compile("[<>{}\\[\\];=\\\\/|\\p{Cntrl}]");

  private final CarerRepository carers;
  private final CarerChildRepository links;
  private final CarerContactRepository contacts;
  private final CarerFollowUpRepository followUps;
  private final ChildArchive archive;
  private final ChildRepository children;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final RuntimeService runtime;
  private final Audit audit;
  private final CareClock clock;

  Carers(CarerRepository carers, CarerChildRepository links, CarerContactRepository contacts, CarerFollowUpRepository followUps,
      ChildArchive archive, ChildRepository children, CareCases cases, SchoolDirectory schools, SchoolClassRepository classes,
      RuntimeService runtime, Audit audit, CareClock clock) {
    this.carers = carers;
    this.links = links;
    this.contacts = contacts;
    this.followUps = followUps;
    this.archive = archive;
    this.children = children;
    this.cases = cases;
    this.schools = schools;
    this.classes = classes;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  // -- who may ------------------------------------------------------------------------------------------

  /** The schools of the classes this user teaches as class teacher. */
  private Set<Long> classTeacherSchools(CurrentUser u) {
    Set<Long> out = new TreeSet<>();
    if (u.has(Roles.TEACHER)) {
      schools.classesOf(u.id()).forEach(c -> out.add(c.getSchool().getId()));
    }
    return out;
  }

  /** Schools whose register this user keeps (adds, edits) and whose carers' phone numbers they see. */
  public Set<Long> keptSchools(CurrentUser u) {
    Set<Long> out = classTeacherSchools(u);
    if (u.has(Roles.COORDINATOR)) {
      out.addAll(u.schools());
    }
    return out;
  }

  /** Schools whose register this user sees; null for an administrator: every school. */
  Set<Long> seenSchools(CurrentUser u) {
    if (u.isAdmin()) {
      return null;
    }
    Set<Long> out = keptSchools(u);
    out.addAll(u.schools());
    return out;
  }

  boolean sees(CurrentUser u, long schoolId) {
    Set<Long> seen = seenSchools(u);
    return seen == null || seen.contains(schoolId);
  }

  public boolean mayPhone(CurrentUser u, long schoolId) {
    return keptSchools(u).contains(schoolId);
  }

  private boolean coordinates(CurrentUser u, long schoolId) {
    return u.has(Roles.COORDINATOR) && u.schools().contains(schoolId);
  }

  /** A coordinator of the child's school, or the child's class teacher. */
  boolean mayRecordFor(CurrentUser u, Child child) {
    return coordinates(u, child.getSchoolClass().getSchool().getId()) || u.id().equals(child.getSchoolClass().getClassTeacher());
  }

  private Carer carer(CurrentUser u, long id) {
    Carer c = carers.findById(id).orElseThrow(() -> new NotFoundException("carer"));
    if (!sees(u, c.getSchoolId())) {
      throw new NotFoundException("carer");
    }
    return c;
  }

  private Carer kept(CurrentUser u, long id) {
    Carer c = carers.findById(id).orElseThrow(() -> new NotFoundException("carer"));
    if (!keptSchools(u).contains(c.getSchoolId())) {
      throw new NotFoundException("carer");
    }
    return c;
  }

  // -- the register -------------------------------------------------------------------------------------

  public record Row(Carer carer, String phone, List<ChildRef> children, boolean mayEdit) {}

  public record ChildRef(long id, String name, String className) {}

  @Transactional(readOnly = true)
  public List<Row> register(CurrentUser u) {
    Set<Long> seen = seenSchools(u);
    List<Carer> list = seen == null ? carers.findAllByOrderByActiveDescNameAsc()
        : seen.isEmpty() ? List.of() : carers.findBySchoolIdInOrderByActiveDescNameAsc(seen);
    Set<Long> kept = keptSchools(u);
    Map<Long, List<ChildRef>> kids = childrenOf(list.stream().map(Carer::getId).toList());
    return list.stream().map(c -> new Row(c, kept.contains(c.getSchoolId()) ? c.getPhone() : null,
        kids.getOrDefault(c.getId(), List.of()), kept.contains(c.getSchoolId()))).toList();
  }

  @Transactional(readOnly = true)
  public Row row(CurrentUser u, long id) {
    Carer c = carer(u, id);
    boolean kept = keptSchools(u).contains(c.getSchoolId());
    return new Row(c, kept ? c.getPhone() : null, childrenOf(List.of(c.getId())).getOrDefault(c.getId(), List.of()), kept);
  }

  private Map<Long, List<ChildRef>> childrenOf(Collection<Long> carerIds) {
    if (carerIds.isEmpty()) {
      return Map.of();
    }
    List<CarerChild> all = links.findByCarerIdIn(carerIds);
    Map<Long, Child> kids = new LinkedHashMap<>();
    children.findWithClassByIdIn(all.stream().map(CarerChild::getChildId).distinct().toList()).forEach(c -> kids.put(c.getId(), c));
    Map<Long, List<ChildRef>> out = new LinkedHashMap<>();
    for (CarerChild l : all) {
      Child c = kids.get(l.getChildId());
      if (c != null) {
        out.computeIfAbsent(l.getCarerId(), k -> new ArrayList<>()).add(new ChildRef(c.getId(), c.getName(), c.getSchoolClass().getName()));
      }
    }
    return out;
  }

  /** The children in care this user may give a carer of this school: a coordinator's whole school, a class teacher's classes. */
  @Transactional(readOnly = true)
  public List<ChildRef> assignable(CurrentUser u, long schoolId) {
    List<SchoolClass> offered = coordinates(u, schoolId) ? classes.findBySchoolIdOrderByGradeAscNameAsc(schoolId)
        : schools.classesOf(u.id()).stream().filter(c -> c.getSchool().getId() == schoolId).toList();
    List<ChildRef> out = new ArrayList<>();
    for (SchoolClass sc : offered) {
      // the children whose case is open: being enrolled, or in care
      cases.withChildren(cases.openCaseIds(sc.getId(), null)).values().stream().map(CareCase::getChild).distinct()
          .sorted(java.util.Comparator.comparing(Child::getName))
          .forEach(ch -> out.add(new ChildRef(ch.getId(), ch.getName(), sc.getName())));
    }
    return out;
  }

  public record Form(Long schoolId, String name, String phone, String role, String background, String note) {}

  /** A new carer, or a carer's details changed (id given). Starts the monthly follow-up of a new one. */
  @Transactional
  public Carer save(CurrentUser u, Long id, Form f) {
    Carer c = id == null ? null : kept(u, id);
    FieldErrors errors = new FieldErrors();
    Set<Long> kept = keptSchools(u);
    Long school = c != null ? c.getSchoolId() : f.schoolId() != null ? f.schoolId() : kept.size() == 1 ? kept.iterator().next() : null;
    if (school == null || !kept.contains(school)) {
      errors.reject("school", kept.isEmpty() ? "carers.notYours" : "validation.option");
    }
    String name = errors.text("name", f.name(), 40, true);
    if (name != null && !errors.has("name") && NOT_IN_NAMES.matcher(name).find()) {
      errors.reject("name", "validation.nameCharacters");
    }
    String phone = f.phone() == null ? null : f.phone().replace(" ", "").strip();
    if (phone == null || phone.isEmpty()) {
      errors.reject("phone", "validation.required");
    } else if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
      errors.reject("phone", "validation.phone");
    }
    if (f.role() == null || !ROLES.contains(f.role())) {
      errors.reject("role", "validation.option");
    }
    if (f.background() == null || !BACKGROUNDS.contains(f.background())) {
      errors.reject("background", "validation.option");
    }
    String note = errors.text("note", f.note(), 300, false);
    errors.throwIfAny();
    boolean created = c == null;
    if (created) {
      c = new Carer(school, u.id(), clock.now());
    }
    c.write(name, phone, f.role(), f.background(), note);
    c = carers.saveAndFlush(c);
    if (created) {
      startFollowUp(c);
    }
    audit.change(u.id(), Audit.RECORD, null, null, created ? "carer registered" : "carer changed");
    return c;
  }

  /** A carer who stops (or starts again): the monthly follow-up ends (or starts again). */
  @Transactional
  public void setActive(CurrentUser u, long id, boolean active) {
    Carer c = kept(u, id);
    if (c.isActive() == active) {
      return;
    }
    c.setActive(active);
    if (active) {
      startFollowUp(c);
    } else {
      runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(org.careflow.shared.BusinessKey.prefixed(KEY_PREFIX, c.getId())).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "carer stopped", true, true));
    }
    audit.change(u.id(), Audit.RECORD, null, null, active ? "carer active" : "carer stopped");
  }

  private void startFollowUp(Carer c) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, org.careflow.shared.BusinessKey.prefixed(KEY_PREFIX, c.getId()));
  }

  /** The carer looks after this child from now on. */
  @Transactional
  public void assign(CurrentUser u, long carerId, Long childId) {
    Carer c = kept(u, carerId);
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
    Carer c = kept(u, carerId);
    Child child = child(childId);
    if (child.getSchoolClass().getSchool().getId().longValue() != c.getSchoolId() || !mayRecordFor(u, child)) {
      throw new NotFoundException("child");
    }
    links.findByCarerId(carerId).stream().filter(l -> l.getChildId().equals(childId)).forEach(links::delete);
    audit.change(u.id(), Audit.RECORD, childId, null, "carer unassigned");
  }

  private Child child(long childId) {
    try {
      return archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
  }

  // -- visits and calls ---------------------------------------------------------------------------------

  public record ContactView(CarerContact contact, String carerName) {}

  public record CarerOfChild(Carer carer, String phone) {}

  /** The carers looking after the child (phone numbers for the school's class teachers and coordinators only). */
  @Transactional(readOnly = true)
  public List<CarerOfChild> carersOf(CurrentUser u, Child child) {
    List<Long> ids = links.findByChildId(child.getId()).stream().map(CarerChild::getCarerId).toList();
    boolean phone = mayPhone(u, child.getSchoolClass().getSchool().getId());
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
    Child child = child(childId);
    if (!mayRecordFor(u, child)) {
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

  // -- the monthly follow-up ----------------------------------------------------------------------------

  /** The carer of a {@code carer-<id>} business key, if any. */
  public static Optional<Long> carerIdOf(String businessKey) {
    return org.careflow.shared.BusinessKey.parse(KEY_PREFIX, businessKey);
  }

  @Transactional(readOnly = true)
  public Optional<Carer> find(long id) {
    return carers.findById(id);
  }

  /** The classes of the children the carer looks after (whose teachers are asked each month). */
  @Transactional(readOnly = true)
  public List<SchoolClass> classesOf(long carerId) {
    List<Long> kids = links.findByCarerId(carerId).stream().map(CarerChild::getChildId).toList();
    Map<Long, SchoolClass> out = new LinkedHashMap<>();
    if (!kids.isEmpty()) {
      children.findWithClassByIdIn(kids).forEach(c -> out.putIfAbsent(c.getSchoolClass().getId(), c.getSchoolClass()));
    }
    return List.copyOf(out.values());
  }

  /** The class teacher's answer to the month's reminder. */
  @Transactional
  public void followUp(long carerId, LocalDate askedOn, String channel, String howItWent, String by) {
    followUps.save(new CarerFollowUp(carerId, askedOn, channel, howItWent, by, clock.now()));
    audit.change(by, Audit.RECORD, null, null, "carer follow-up");
  }

  @Transactional(readOnly = true)
  public List<CarerFollowUp> followUpsOf(long carerId) {
    return followUps.findTop6ByCarerIdOrderByAskedOnDescIdDesc(carerId);
  }

}
