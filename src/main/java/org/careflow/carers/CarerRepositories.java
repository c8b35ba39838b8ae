package org.careflow.carers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CarerRepository extends JpaRepository<Carer, Long> {
  List<Carer> findBySchoolIdInOrderByActiveDescNameAsc(Collection<Long> schoolIds);

  List<Carer> findAllByOrderByActiveDescNameAsc();
}

interface CarerChildRepository extends JpaRepository<CarerChild, Long> {
  List<CarerChild> findByCarerIdIn(Collection<Long> carerIds);

  List<CarerChild> findByCarerId(Long carerId);

  List<CarerChild> findByChildId(Long childId);

  boolean existsByCarerIdAndChildId(Long carerId, Long childId);
}

interface CarerContactRepository extends JpaRepository<CarerContact, Long> {
  List<CarerContact> findTop20ByChildIdOrderByContactDateDescIdDesc(Long childId);

  @Query("select max(c.contactDate) from CarerContact c where c.childId = ?1")
  LocalDate lastContact(Long childId);
}

interface CarerFollowUpRepository extends JpaRepository<CarerFollowUp, Long> {
  List<CarerFollowUp> findTop6ByCarerIdOrderByAskedOnDescIdDesc(Long carerId);
}
