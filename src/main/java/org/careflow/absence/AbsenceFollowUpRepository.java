package org.careflow.absence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AbsenceFollowUpRepository extends JpaRepository<AbsenceFollowUp, Long> {

  List<AbsenceFollowUp> findByCaseIdOrderByIdDesc(Long caseId);

  List<AbsenceFollowUp> findBySchoolIdAndReportedOnBetweenOrderByReportedOn(Long schoolId, java.time.LocalDate from, java.time.LocalDate to);

  boolean existsByCaseIdAndStatus(Long caseId, String status);
}
