package org.careflow.carers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.family.ContactSource;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClass;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
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
 * Each active carer has a {@code carer-follow-up} process (business key {@code carer-<id>}): a task each month
 * for the class teachers of the carer's children to ask how it went. This class keeps the register and the
 * follow-up's answers; who may is {@link CarerAccess}'s, the children a carer looks after
 * {@link CarerAssignments}', the visits and calls (the child's family contact) {@link CarerVisits}'.
 */
@Service
public class Carers {

  public static final List<String> ROLES = List.of("PROXY_PARENT", "LOVING_MOTHER", "VOLUNTEER");
  public static final List<String> BACKGROUNDS = List.of("PUPIL_PARENT", "WOMENS_FEDERATION", "FIVE_ELDERS", "VILLAGE_CADRE", "OTHER");
  public static final String PROCESS_KEY = CarerFollowUpModel.KEY;
  public static final String KEY_PREFIX = "carer-";

  static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
  static final Pattern NOT_IN_NAMES = Pattern.compile("[<>{}\\[\\];=\\\\/|\\p{Cntrl}]");

  private final CarerAccess access;
  private final CarerRepository carers;
  private final CarerChildRepository links;
  private final CarerFollowUpRepository followUps;
  private final ChildRepository children;
  private final RuntimeService runtime;
  private final Audit audit;
  private final CareClock clock;

  Carers(CarerAccess access, CarerRepository carers, CarerChildRepository links, CarerFollowUpRepository followUps, ChildRepository children,
      RuntimeService runtime, Audit audit, CareClock clock) {
    this.access = access;
    this.carers = carers;
    this.links = links;
    this.followUps = followUps;
    this.children = children;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  // -- the register -------------------------------------------------------------------------------------

  public record Row(Carer carer, String phone, List<ChildRef> children, boolean mayEdit) {}

  public record ChildRef(long id, String name, String className) {}

  @Transactional(readOnly = true)
  public List<Row> register(CurrentUser u) {
    Set<Long> seen = access.seenSchools(u);
    List<Carer> list = seen == null ? carers.findAllByOrderByActiveDescNameAsc()
        : seen.isEmpty() ? List.of() : carers.findBySchoolIdInOrderByActiveDescNameAsc(seen);
    Set<Long> kept = access.keptSchools(u);
    Map<Long, List<ChildRef>> kids = childrenOf(list.stream().map(Carer::getId).toList());
    return list.stream().map(c -> new Row(c, kept.contains(c.getSchoolId()) ? c.getPhone() : null,
        kids.getOrDefault(c.getId(), List.of()), kept.contains(c.getSchoolId()))).toList();
  }

  @Transactional(readOnly = true)
  public Row row(CurrentUser u, long id) {
    Carer c = access.carer(u, id);
    boolean kept = access.keptSchools(u).contains(c.getSchoolId());
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

  public record Form(Long schoolId, String name, String phone, String role, String background, String note) {}

  /** A new carer, or a carer's details changed (id given). Starts the monthly follow-up of a new one. */
  @Transactional
  public Carer save(CurrentUser u, Long id, Form f) {
    Carer c = id == null ? null : access.kept(u, id);
    FieldErrors errors = new FieldErrors();
    Set<Long> kept = access.keptSchools(u);
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
    Carer c = access.kept(u, id);
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
