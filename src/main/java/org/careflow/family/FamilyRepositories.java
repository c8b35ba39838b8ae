package org.careflow.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FamilyCallRepository extends JpaRepository<FamilyCall, Long> {
  List<FamilyCall> findByChildIdOrderByCallDateDescIdDesc(Long childId);

  List<FamilyCall> findByCaseIdOrderByCallDateDescIdDesc(Long caseId);

  @Query("select max(c.callDate) from FamilyCall c where c.childId = ?1 and c.reached = true")
  Optional<LocalDate> lastReached(Long childId);

  long countByChildIdAndReachedTrueAndCallDateBetween(Long childId, LocalDate from, LocalDate to);
}

interface FamilyRecordRepository extends JpaRepository<FamilyRecord, Long> {
  List<FamilyRecord> findByCaseIdOrderByRecordDateDescIdDesc(Long caseId);

  boolean existsByCaseIdAndKindAndRecordDateAfter(Long caseId, FamilyRecord.Kind kind, LocalDate after);
}

interface CallExpectationRepository extends JpaRepository<CallExpectation, Long> {}
