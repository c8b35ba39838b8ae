package org.careflow.holiday;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A holiday's care is about its class (and so its school): scope for the engine's doors, subject for the inbox. */
@Component
class HolidayScopes implements CaseScopes, TaskSubjects {

  private final HolidayCareRepository cares;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;

  HolidayScopes(HolidayCareRepository cares, SchoolDirectory schools, TermCalendar calendar) {
    this.cares = cares;
    this.schools = schools;
    this.calendar = calendar;
  }

  @Override
  public String processKey() {
    return HolidayCares.PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    Long id = HolidayCare.idOf(businessKey);
    return id == null ? Optional.empty() : cares.findById(id).map(c -> new Scope(c.getClassId(), c.getSchoolId(), null));
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().map(HolidayCare::idOf).filter(java.util.Objects::nonNull).toList();
    List<HolidayCare> list = cares.findAllById(ids);
    Map<Long, SchoolClass> classes = schools.classesById(list.stream().map(HolidayCare::getClassId).toList());
    Map<String, Subject> out = new HashMap<>();
    for (HolidayCare c : list) {
      String className = classes.get(c.getClassId()).getName();
      String holiday = calendar.holiday(c.getHolidayId()).map(org.careflow.school.Holiday::getName).orElse("");
      out.put(c.businessKey(), new Subject(holiday + " · " + className, className, c.getClassId(), null));
    }
    return out;
  }
}
