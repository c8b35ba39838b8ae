package org.careflow.school;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HolidayRepository extends JpaRepository<Holiday, Long> {
  List<Holiday> findBySchoolIdOrderByStartDate(Long schoolId);

  Optional<Holiday> findBySchoolIdAndName(Long schoolId, String name);

  List<Holiday> findByEndDateGreaterThanEqualOrderByStartDate(java.time.LocalDate day);
}
