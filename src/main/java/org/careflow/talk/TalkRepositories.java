package org.careflow.talk;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonthlyTalkRepository extends JpaRepository<MonthlyTalk, Long> {
  List<MonthlyTalk> findByCaseIdOrderByTalkDateDesc(Long caseId);
}

interface MentorCheckInRepository extends JpaRepository<MentorCheckIn, Long> {
  List<MentorCheckIn> findByCaseIdOrderByCheckInDateDesc(Long caseId);
}

interface HomeVisitRepository extends JpaRepository<HomeVisit, Long> {
  List<HomeVisit> findByCaseIdOrderByVisitDateDesc(Long caseId);

  boolean existsByCaseIdAndVisitDateBetween(Long caseId, java.time.LocalDate from, java.time.LocalDate to);
}

interface MissedCheckInRepository extends JpaRepository<MissedCheckIn, Long> {
  List<MissedCheckIn> findByCaseIdOrderByWeekStartDesc(Long caseId);
}
