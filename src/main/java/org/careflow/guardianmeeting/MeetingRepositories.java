package org.careflow.guardianmeeting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GuardianMeetingRepository extends JpaRepository<GuardianMeeting, Long> {
  Optional<GuardianMeeting> findByClassIdAndTermId(Long classId, Long termId);
}

interface MeetingGuestRepository extends JpaRepository<MeetingGuest, Long> {
  List<MeetingGuest> findByMeetingIdOrderById(Long meetingId);

  List<MeetingGuest> findByCaseIdOrderById(Long caseId);
}
