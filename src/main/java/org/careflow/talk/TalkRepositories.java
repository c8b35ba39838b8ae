package org.careflow.talk;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonthlyTalkRepository extends JpaRepository<MonthlyTalk, Long> {
  List<MonthlyTalk> findByCaseIdOrderByTalkDateDesc(Long caseId);

  @org.springframework.data.jpa.repository.Query("select distinct t.caseId from MonthlyTalk t where t.caseId in :ids and t.talkMonth = :month")
  List<Long> casesWithTalkIn(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids,
      @org.springframework.data.repository.query.Param("month") String month);
}

interface MentorCheckInRepository extends JpaRepository<MentorCheckIn, Long> {
  List<MentorCheckIn> findByCaseIdOrderByCheckInDateDesc(Long caseId);
}

interface HomeVisitRepository extends JpaRepository<HomeVisit, Long> {
  List<HomeVisit> findByCaseIdOrderByVisitDateDesc(Long caseId);

  boolean existsByCaseIdAndVisitDateBetween(Long caseId, java.time.LocalDate from, java.time.LocalDate to);

  @org.springframework.data.jpa.repository.Query("select new org.careflow.talk.ArchiveVerified(v.id, v.caseId) from HomeVisit v"
      + " where v.reason = ?1 order by v.id")
  List<ArchiveVerified> verifications(HomeVisit.Reason reason);

  long countByReason(HomeVisit.Reason reason);
}

interface MissedCheckInRepository extends JpaRepository<MissedCheckIn, Long> {
  List<MissedCheckIn> findByCaseIdOrderByWeekStartDesc(Long caseId);
}
