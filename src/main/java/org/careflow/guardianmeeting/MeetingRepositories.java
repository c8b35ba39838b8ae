package org.careflow.guardianmeeting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GuardianMeetingRepository extends JpaRepository<GuardianMeeting, Long> {
  Optional<GuardianMeeting> findByClassIdAndTermIdAndOrdinal(Long classId, Long termId, int ordinal);

  List<GuardianMeeting> findByClassIdOrderByTermIdDescOrdinalDesc(Long classId);

  @org.springframework.data.jpa.repository.Query("select coalesce(max(m.ordinal), 0) from GuardianMeeting m where m.classId = ?1 and m.termId = ?2")
  int maxOrdinal(Long classId, Long termId);

  List<GuardianMeeting> findByHeldAtNotNull();

  long countByHeldAtNotNull();
}

interface MeetingGuestRepository extends JpaRepository<MeetingGuest, Long> {
  List<MeetingGuest> findByMeetingIdOrderById(Long meetingId);

  List<MeetingGuest> findByCaseIdOrderById(Long caseId);
}
