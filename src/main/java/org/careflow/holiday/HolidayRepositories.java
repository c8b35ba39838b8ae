package org.careflow.holiday;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HolidayCareRepository extends JpaRepository<HolidayCare, Long> {
  Optional<HolidayCare> findByHolidayIdAndClassId(Long holidayId, Long classId);

  List<HolidayCare> findByHolidayId(Long holidayId);
}

interface HolidayLetterRepository extends JpaRepository<HolidayLetter, Long> {
  List<HolidayLetter> findByChildIdOrderByIdDesc(Long childId);

  List<HolidayLetter> findByCaseIdOrderByIdDesc(Long caseId);

  List<HolidayLetter> findByCareIdOrderById(Long careId);

  boolean existsByCareId(Long careId);
}

interface HolidayContactRepository extends JpaRepository<HolidayContact, Long> {
  List<HolidayContact> findByChildIdOrderByContactDateDescIdDesc(Long childId);

  List<HolidayContact> findByCaseIdOrderByContactDateDescIdDesc(Long caseId);

  List<HolidayContact> findByCareIdOrderById(Long careId);

  boolean existsByCareId(Long careId);
}
